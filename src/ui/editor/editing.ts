import {compileCell} from "../../compiler/index.ts";
import type {CatalogDetails} from "../../data/index.ts";
import {indexOfCell, serializeNotebook, type Cell, type CellId} from "../../notebook/index.ts";
import {isStale, type SessionEffect, type SessionEvent, type SessionState, type SaveStatus} from "../../session/index.ts";
import {assertNever} from "../../shared/index.ts";
import {clipboardCells, type NotebookSession} from "../notebook-session.ts";
import {createCatalogPanel} from "./catalog-panel.ts";
import {createCellChrome, type CellChrome} from "./cell-chrome.ts";
import type {CellEditorSpec} from "./cell-editor.ts";
import {initialKeyState, pressKey, type KeyInput, type KeyMode, type KeyState} from "./command-keys.ts";
import {listenForCommandKeys} from "./command-listener.ts";
import {watchOtherEditors} from "./other-editors.ts";
import type {CommandId} from "./commands.ts";
import {cellNameCompletion, sqlSchemaCompletion} from "./completions.ts";
import {createEditorBar} from "./editor-bar.ts";
import {openNotebookFile} from "../open-file.ts";
import {attachFiles} from "./attach.ts";
import {downloadNotebook, exportSingleFile, pickDataFiles, pickNotebookFile} from "./file-io.ts";
import {showKeyboardHelp} from "./help.ts";
import {showHistory} from "./history.ts";
import {showOutline} from "./outline.ts";
import {showPalette} from "./palette.ts";

/** Options of {@link startEditing}. */
export interface EditingOptions {
  /** The page's top bar, where the editor puts its actions. */
  bar: HTMLElement;
  /** What the catalog says about its tables (the data panel and SQL completion load it on first need). */
  catalogDetails(): Promise<CatalogDetails>;
  /** Called after the page left Edit mode (Done, Esc Esc). */
  onLeave(): void;
  /** Opens the share dialog. */
  share(): void;
  /** Starts presenting the notebook as slides. */
  present(): void;
}

/** Edit mode over a page's session. */
export interface Editing {
  /** Leaves Edit mode: the controls go, the notebook stays as edited (and kept). */
  leave(): void;
  /** Attaches data files to the notebook (as dropping them on the page does). */
  attach(files: readonly File[]): Promise<void>;
  /** Selects a cell and puts the keyboard in its code editor. */
  editCell(id: CellId): void;
}

/**
 * Edit mode: a CodeMirror editor and a toolbar per cell, the editor's actions in the bar, and
 * Jupyter's keys. Every change goes to the session as an event; the controls follow the
 * session's effects. Nothing here holds document state.
 */
export function startEditing(session: NotebookSession, options: EditingOptions): Editing {
  const host = session.host;
  const chrome = new Map<CellId, CellChrome>();
  let keys: KeyState = initialKeyState;
  let lastStatus: {status: SaveStatus; detail?: string} = {status: "saved"};
  const state = () => session.state;
  const dispatch = (event: SessionEvent) => session.dispatch(event);

  const cellNames = () =>
    state().notebook.cells.flatMap((cell) => {
      const compiled = compileCell(cell);
      return compiled.output ? [compiled.output.replace(/^(viewof|mutable) /, "")] : compiled.outputs;
    });
  const completions = {js: cellNameCompletion(cellNames), sql: sqlSchemaCompletion(host.database, options.catalogDetails)};

  const selectedIndex = () => Math.max(0, indexOfCell(state().notebook, state().selected ?? (-1 as CellId)));
  const selectedCell = (): Cell | undefined => state().notebook.cells[selectedIndex()];

  const showSelection = (focus: boolean) => {
    const selected = state().selected;
    for (const cell of state().notebook.cells) {
      const element = host.views.maybe(cell.id)?.element;
      if (!element) continue;
      element.classList.toggle("mapt-cell--selected", cell.id === selected);
      element.tabIndex = cell.id === selected ? 0 : -1;
      if (focus && cell.id === selected) element.focus();
    }
  };
  const select = (id: CellId | undefined, focus: boolean) => {
    if (id !== undefined && id !== state().selected) dispatch({type: "select", id});
    showSelection(focus);
  };
  const focusEditor = () => {
    const cell = selectedCell();
    if (cell) chrome.get(cell.id)?.editor.view.focus();
    keys = {mode: "edit"};
  };

  const showStatus = () => {
    const notRun = state().notebook.cells.filter((cell) => state().ran.has(cell.id) && isStale(cell, state().ran.get(cell.id))).length;
    bar.setStatus(lastStatus.status, lastStatus.detail, notRun);
  };

  const editorSpec = (id: CellId) => (cell: Cell): CellEditorSpec => ({
    mode: cell.mode,
    source: cell.source,
    label: `Cell ${cell.id} (${cell.mode}) source`,
    completions,
    onChange: (source) => dispatch({type: "edit", id, source}),
    onKey: (k) => {
      if (state().selected !== id) dispatch({type: "select", id});
      return key({...k, time: performance.now()}, "edit");
    }
  });

  const addChrome = (cell: Cell) => {
    const existing = chrome.get(cell.id);
    if (existing) return existing.update(cell);
    const element = host.views.get(cell.id).element;
    chrome.set(
      cell.id,
      createCellChrome(element, cell, {
        editorSpec: editorSpec(cell.id),
        select: () => select(cell.id, false),
        dispatch: (event) => {
          if (state().selected !== cell.id) dispatch({type: "select", id: cell.id});
          dispatch(event);
        },
        command: (id) => {
          if (state().selected !== cell.id) dispatch({type: "select", id: cell.id});
          command(id);
        },
        index: () => indexOfCell(state().notebook, cell.id)
      })
    );
  };

  const runningCells = () => state().notebook.cells.filter((cell) => host.views.maybe(cell.id)?.status === "running").map((cell) => cell.id);

  /** Carries out one command of the editor (from a key, a button or the palette). */
  const command = (id: CommandId): void => {
    const cell = selectedCell();
    const index = selectedIndex();
    switch (id) {
      case "run":
        if (cell) dispatch({type: "run", id: cell.id});
        return;
      case "runAdvance": {
        if (cell) dispatch({type: "run", id: cell.id});
        const editing = keys.mode === "edit";
        const next = state().notebook.cells[index + 1];
        if (next) select(next.id, !editing);
        else dispatch({type: "insert", index: state().notebook.cells.length});
        if (editing) focusEditor();
        return;
      }
      case "runAll":
        return dispatch({type: "runAll"});
      case "runStale":
        return dispatch({type: "runStale"});
      case "restartRunAll":
        return dispatch({type: "restartRunAll"});
      case "interrupt": {
        const running = runningCells();
        const targets = cell && running.includes(cell.id) ? [cell.id] : running;
        for (const target of targets) dispatch({type: "interrupt", id: target});
        return;
      }
      case "insertAbove":
        return dispatch({type: "insert", index});
      case "insertBelow":
        return dispatch({type: "insert", index: cell ? index + 1 : 0});
      case "delete":
        if (cell) dispatch({type: "delete", ids: [cell.id]});
        return;
      case "undo":
        return dispatch({type: "undo"});
      case "cut":
        if (cell) dispatch({type: "cut", ids: [cell.id]});
        return;
      case "copy":
        if (cell) dispatch({type: "copy", ids: [cell.id]});
        return;
      case "paste": {
        const cells = clipboardCells();
        if (cells.length) dispatch({type: "paste", index: cell ? index + 1 : 0, cells});
        return;
      }
      case "moveUp":
      case "moveDown":
        if (cell) dispatch({type: "move", id: cell.id, by: id === "moveUp" ? -1 : 1});
        return;
      case "duplicate":
        if (cell) dispatch({type: "duplicate", id: cell.id});
        return;
      case "toMarkdown":
      case "toJavaScript":
      case "toSql":
        if (cell) dispatch({type: "setMode", id: cell.id, mode: id === "toMarkdown" ? "md" : id === "toSql" ? "sql" : "js"});
        return;
      case "rename":
        if (cell) chrome.get(cell.id)?.focusName();
        return;
      case "togglePinned":
      case "toggleHidden":
        if (cell) dispatch({type: id, id: cell.id});
        return;
      case "enterEdit":
        return focusEditor();
      case "leaveEdit":
        keys = {mode: "command"};
        return showSelection(true);
      case "selectPrevious":
      case "selectNext": {
        const next = state().notebook.cells[Math.max(0, Math.min(state().notebook.cells.length - 1, index + (id === "selectNext" ? 1 : -1)))];
        return select(next?.id, true);
      }
      case "catalog":
        return catalog.toggle();
      case "outline":
        return showOutline(host.views.main, (target) => select(target as CellId, true));
      case "save":
        return dispatch({type: "save"});
      case "download":
        return downloadNotebook(serializeNotebook(state().notebook), fileName());
      case "exportFile":
      case "exportFileWithEngine":
        return void exportSingleFile(host.views.main, host.path, serializeNotebook(state().notebook), fileName(), id === "exportFileWithEngine");
      case "open":
        return void pickNotebookFile().then(async (file) => {
          const problem = file && (await openNotebookFile(file, draftUrl));
          if (problem) window.alert(problem);
        });
      case "attach":
        return void pickDataFiles().then(attach);
      case "history":
        return void showHistory(host.key, (text) => dispatch({type: "load", text, origin: "history"}));
      case "help":
        return showKeyboardHelp();
      case "palette":
        return showPalette(command);
      case "share":
        return options.share();
      case "present":
        return options.present();
      case "done":
        return leave();
      default:
        return assertNever(id, "command");
    }
  };

  const key = (input: KeyInput, mode: KeyMode) => {
    const result = pressKey({...keys, mode}, input);
    keys = result.state;
    for (const id of result.commands) command(id);
    return result.handled;
  };

  const fileName = () => host.path?.split("/").pop() ?? `${slug(state().notebook.title) || "notebook"}.html`;
  const draftUrl = (id: string) => new URL(`editor.html?draft=${encodeURIComponent(id)}`, document.querySelector<HTMLAnchorElement>(".mapt-home")?.href ?? location.href).href;

  document.body.classList.add("mapt-editing");
  const bar = createEditorBar(options.bar, {
    title: state().notebook.title,
    savesToFile: state().canSave,
    rename: (title) => dispatch({type: "setTitle", title}),
    command
  });
  const catalog = createCatalogPanel({
    details: options.catalogDetails,
    database: host.database,
    insert: (source) => {
      const cell = selectedCell();
      dispatch({type: "insert", index: cell ? selectedIndex() + 1 : 0, mode: "sql", source});
      const inserted = state().selected;
      if (inserted === undefined) return;
      dispatch({type: "run", id: inserted});
      host.views.maybe(inserted)?.element.scrollIntoView({block: "nearest"});
    },
    onToggle: (open) => bar.setCatalogOpen(open),
    returnFocus: () => showSelection(true)
  });
  for (const cell of state().notebook.cells) {
    host.views.render({id: cell.id, mode: cell.mode, hidden: cell.hidden, pinned: cell.pinned, source: cell.source, output: cell.output});
    addChrome(cell);
  }
  showStatus();
  const stopKeys = listenForCommandKeys((input) => key(input, "command"));
  const stopWatching = watchOtherEditors(host.key, (others) => bar.setOtherEditors(others));
  const attach = (files: readonly File[]) => (files.length ? attachFiles(session, files, draftUrl) : Promise.resolve());
  // Files dropped anywhere on the page while editing are attached (a notebook file: asked to open).
  const dragOver = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  };
  const drop = (event: DragEvent) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    event.stopPropagation();
    void attach([...event.dataTransfer.files]);
  };
  // Captured before a cell's code editor sees it: CodeMirror would paste the file's text.
  document.addEventListener("dragover", dragOver, true);
  document.addEventListener("drop", drop, true);

  session.attach({
    effect(effect: SessionEffect, next: SessionState) {
      switch (effect.type) {
        case "renderCell":
          addChrome(effect.cell);
          return showSelection(false);
        case "removeCell":
          chrome.get(effect.id)?.destroy();
          chrome.delete(effect.id);
          return;
        case "select":
          return showSelection(keys.mode === "command" && !isTyping());
        case "showSaveStatus":
          lastStatus = {status: effect.status, detail: effect.detail};
          return showStatus();
        case "markStale":
          return showStatus();
        case "setTitle":
          return bar.setTitle(next.notebook.title);
        default:
          return;
      }
    }
  });
  showSelection(true);

  const leave = () => {
    session.attach(undefined);
    stopKeys();
    stopWatching();
    catalog.destroy();
    document.removeEventListener("dragover", dragOver, true);
    document.removeEventListener("drop", drop, true);
    for (const c of chrome.values()) c.destroy();
    chrome.clear();
    bar.destroy();
    document.body.classList.remove("mapt-editing");
    // Readers see the code as edited.
    for (const cell of state().notebook.cells) {
      host.views.render({id: cell.id, mode: cell.mode, hidden: cell.hidden, pinned: cell.pinned, source: cell.source, output: cell.output});
      host.views.maybe(cell.id)?.element.classList.remove("mapt-cell--selected");
    }
    options.onLeave();
  };
  const editCell = (id: CellId) => {
    select(id, false);
    focusEditor();
  };
  return {leave, attach, editCell};
}

function isTyping(): boolean {
  return document.activeElement?.matches("input, textarea, select, [contenteditable], .cm-content") ?? false;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
