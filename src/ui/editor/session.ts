import {compileCell} from "../../compiler/index.ts";
import {
  indexOfCell,
  nextCellId,
  readNotebook,
  serializeNotebook,
  transitionNotebook,
  type Cell,
  type CellId,
  type Notebook,
  type NotebookEvent
} from "../../notebook/index.ts";
import {evaluateBody} from "../../runtime/index.ts";
import {assertNever, textVersion, type NotebookChange} from "../../shared/index.ts";
import {createCellView, type CellView} from "../cell-view.ts";
import {createDraftWriter, type DraftWriter} from "../drafts.ts";
import type {EditorHost} from "../editor-host.ts";
import {createCellChrome, type CellChrome} from "./cell-chrome.ts";
import {initialKeyState, pressKey, type KeyCommand, type KeyInput, type KeyState} from "./command-keys.ts";
import {cellNameCompletion, sqlSchemaCompletion} from "./completions.ts";
import {listenForCommandKeys} from "./command-listener.ts";
import {createEditorBar, type EditorBar} from "./editor-bar.ts";
import {saveToServer} from "./save-client.ts";

/** How long the editor waits after the last edit before it saves the file by itself (dev server). */
const autosaveDelayMs = 2000;

/** A running editor over one page's notebook. */
export interface EditorSession {
  /** The document as it is now (what a save writes). */
  readonly notebook: Notebook;
  /** Shows the editing controls (CodeMirror per cell, toolbars, keys). */
  enableEditing(): void;
  /** Applies a structure or source change. */
  dispatch(event: NotebookEvent): void;
  /** Runs one cell: compiles it and redefines only it; the runtime re-runs its dependents. */
  run(id: CellId): void;
  /** Replaces the document (a recovered draft, a restored version, the disk's version) and runs what changed. */
  load(text: string): void;
  /** A notebook file changed on disk (dev server): update in place, or ask when edits would be lost. */
  diskChanged(change: NotebookChange): void;
  /** Writes the file through the dev server (when there is one) and the draft store. */
  save(): Promise<void>;
}

interface Shown {
  view: CellView;
  chrome?: CellChrome;
}

/** Starts the editor over a page. */
export function startEditor(host: EditorHost): EditorSession {
  let notebook = readNotebook(host.text).notebook;
  /** The mode and source each cell was last run with (what the runtime has). */
  const defined = new Map<CellId, string>();
  const shown = new Map<CellId, Shown>();
  const deleted: Array<{cell: Cell; index: number}> = [];
  let editing = false;
  let keys: KeyState = initialKeyState;
  let selected = 0;
  let highestId = 0;
  /** The file's text and version as last loaded or saved (what "unsaved" is measured against). */
  let fileText = host.text;
  let baseVersion: string | null = host.path ? textVersion(host.text) : null;
  let autosave: ReturnType<typeof setTimeout> | undefined;
  const drafts: DraftWriter = createDraftWriter(host.key);
  let bar: EditorBar | undefined;
  /** While the user chooses between two versions, nothing is saved by itself. */
  let choosing = false;
  const choose = async (mine: string, disk: string) => {
    clearTimeout(autosave);
    choosing = true;
    bar?.setState("conflict");
    const choice = (await bar?.resolveConflict(mine, disk)) ?? "later";
    choosing = false;
    return choice;
  };

  const signature = (cell: Cell) => `${cell.mode}\n${cell.source}`;
  const cellNames = () => notebook.cells.flatMap((cell) => {
    const compiled = compileCell(cell);
    return compiled.output ? [compiled.output.replace(/^(viewof|mutable) /, "")] : compiled.outputs;
  });
  const completions = {js: cellNameCompletion(cellNames), sql: sqlSchemaCompletion(host.database)};

  const run = (id: CellId) => {
    const cell = notebook.cells.find((c) => c.id === id);
    const entry = shown.get(id);
    if (!cell || !entry) return;
    const compiled = compileCell(cell);
    let body;
    try {
      body = evaluateBody(compiled.body);
    } catch (error) {
      entry.view.rejected(error);
      return;
    }
    host.runtime.define({...compiled, body}, entry.view);
    defined.set(id, signature(cell));
  };

  const markStale = (cell: Cell) => {
    const entry = shown.get(cell.id);
    if (entry && defined.get(cell.id) !== signature(cell)) entry.view.setStatus("stale");
  };

  /** Makes the page show `notebook`: sections in order, removed ones gone, attributes current. */
  const render = (runChanged: boolean) => {
    const ids = new Set(notebook.cells.map((c) => c.id));
    for (const [id, entry] of shown) {
      if (ids.has(id)) continue;
      host.runtime.delete(id);
      entry.chrome?.destroy();
      entry.view.element.remove();
      shown.delete(id);
      defined.delete(id);
    }
    for (const cell of notebook.cells) {
      highestId = Math.max(highestId, cell.id);
      let entry = shown.get(cell.id);
      if (!entry) {
        entry = {view: createCellView({id: cell.id, mode: cell.mode, hidden: cell.hidden, pinned: cell.pinned, source: cell.source}, host.main)};
        shown.set(cell.id, entry);
      }
      if (editing && !entry.chrome) entry.chrome = createCellChrome(entry.view.element, cell, chromeActions(cell.id));
      entry.chrome?.update(cell);
      const element = entry.view.element;
      element.dataset.mode = cell.mode;
      element.hidden = !editing && cell.hidden;
      element.toggleAttribute("data-hidden-cell", cell.hidden);
      element.toggleAttribute("data-pinned", cell.pinned);
      host.main.append(element);
      if (defined.get(cell.id) !== signature(cell)) {
        if (runChanged) run(cell.id);
        else markStale(cell);
      }
    }
    selected = Math.max(0, Math.min(selected, notebook.cells.length - 1));
    showSelection(false);
  };

  const showSelection = (focus: boolean) => {
    notebook.cells.forEach((cell, i) => {
      const element = shown.get(cell.id)?.view.element;
      element?.classList.toggle("mapt-cell--selected", editing && i === selected);
      if (element) element.tabIndex = editing ? (i === selected ? 0 : -1) : -1;
      if (focus && editing && i === selected) element?.focus();
    });
  };

  const changed = () => {
    const text = serializeNotebook(notebook);
    drafts.write(text, notebook.title);
    bar?.setState(text === fileText ? "saved" : "unsaved");
    if (host.canSave && host.path && !choosing) {
      clearTimeout(autosave);
      autosave = setTimeout(() => void save(), autosaveDelayMs);
    }
  };

  const dispatch = (event: NotebookEvent) => {
    const before = notebook;
    if (event.type === "delete") {
      const index = indexOfCell(notebook, event.id);
      if (index >= 0) deleted.push({cell: notebook.cells[index]!, index});
    }
    notebook = transitionNotebook(notebook, event);
    if (notebook === before) return;
    if (event.type === "edit") {
      const cell = notebook.cells.find((c) => c.id === event.id);
      if (cell) markStale(cell);
    } else {
      render(false);
    }
    changed();
  };

  /** A fresh id above every id in use or waiting in the undo stack, so an undo never collides. */
  const freshId = () => Math.max(nextCellId(notebook), highestId + 1) as CellId;

  const insert = (index: number, edit: boolean) => {
    const id = freshId();
    dispatch({type: "insert", index, id});
    run(id);
    selected = indexOfCell(notebook, id);
    showSelection(!edit);
    if (edit) focusEditor();
  };

  const focusEditor = () => {
    const cell = notebook.cells[selected];
    if (cell) shown.get(cell.id)?.chrome?.editor.view.focus();
  };

  const command = (cmd: KeyCommand) => {
    const cell = notebook.cells[selected];
    switch (cmd.type) {
      case "enterEdit":
        return focusEditor();
      case "leaveEdit":
        return showSelection(true);
      case "insertAbove":
        return insert(selected, false);
      case "insertBelow":
        return insert(selected + 1, false);
      case "delete":
        if (cell) dispatch({type: "delete", id: cell.id});
        return showSelection(true);
      case "undoDelete": {
        const last = deleted.pop();
        if (!last) return;
        dispatch({type: "restore", index: last.index, cell: last.cell});
        selected = indexOfCell(notebook, last.cell.id);
        run(last.cell.id);
        return showSelection(true);
      }
      case "setMode":
        if (cell) dispatch({type: "setMode", id: cell.id, mode: cmd.mode});
        return showSelection(true);
      case "select":
        selected = Math.max(0, Math.min(notebook.cells.length - 1, selected + cmd.by));
        return showSelection(true);
      case "run": {
        if (cell) run(cell.id);
        if (!cmd.advance) return;
        const wasEditing = keys.mode === "edit";
        if (selected + 1 >= notebook.cells.length) return insert(notebook.cells.length, wasEditing);
        selected += 1;
        showSelection(!wasEditing);
        if (wasEditing) focusEditor();
        return;
      }
      case "save":
        return void save();
      default:
        return assertNever(cmd, "key command");
    }
  };

  const key = (input: KeyInput, mode: KeyState["mode"]) => {
    const result = pressKey({...keys, mode}, input);
    keys = result.state;
    for (const cmd of result.commands) command(cmd);
    return result.handled;
  };

  const chromeActions = (id: CellId) => ({
    editorSpec: (cell: Cell) => ({
      mode: cell.mode,
      source: cell.source,
      label: `Cell ${cell.id} (${cell.mode}) source`,
      completions,
      onChange: (source: string) => dispatch({type: "edit", id, source}),
      onKey: (k: {key: string; shift?: boolean; mod?: boolean}) => {
        selected = indexOfCell(notebook, id);
        return key({...k, time: performance.now()}, "edit");
      }
    }),
    select: () => {
      selected = indexOfCell(notebook, id);
      showSelection(false);
    },
    run: () => run(id),
    event: (event: NotebookEvent) => {
      selected = indexOfCell(notebook, id);
      if (event.type === "insert") return insert(event.index, true);
      if (event.type === "duplicate") return dispatch({...event, newId: freshId()});
      dispatch(event);
      if (event.type === "delete") showSelection(true);
    },
    index: () => indexOfCell(notebook, id)
  });

  const save = async () => {
    clearTimeout(autosave);
    if (choosing) return;
    const text = serializeNotebook(notebook);
    await drafts.flush();
    if (!host.canSave || !host.path) return void bar?.setState(text === fileText ? "saved" : "kept");
    if (text === fileText) return void bar?.setState("saved");
    bar?.setState("saving");
    const outcome = await saveToServer(host.path, text, baseVersion);
    if (outcome.status === 200) {
      fileText = text;
      baseVersion = outcome.version;
      await drafts.markSaved(text);
      bar?.setState(serializeNotebook(notebook) === fileText ? "saved" : "unsaved");
    } else if (outcome.status === 409) {
      const choice = await choose(text, outcome.diskText ?? "");
      if (choice === "mine") {
        baseVersion = outcome.diskVersion;
        fileText = outcome.diskText ?? "";
        return save();
      }
      if (choice === "disk") {
        fileText = outcome.diskText ?? "";
        baseVersion = outcome.diskVersion;
        load(fileText);
      }
    } else {
      bar?.setState("failed", outcome.error);
    }
  };

  const load = (text: string) => {
    const next = readNotebook(text).notebook;
    notebook = next;
    render(true);
    for (const cell of notebook.cells) shown.get(cell.id)?.chrome?.editor.setSource(cell.source);
    bar?.setTitle(notebook.title);
    changed();
  };

  const session: EditorSession = {
    get notebook() {
      return notebook;
    },
    enableEditing() {
      if (editing) return;
      editing = true;
      document.body.classList.add("mapt-editing");
      bar = createEditorBar(host, {
        title: notebook.title,
        save: () => void save(),
        text: () => serializeNotebook(notebook),
        rename: (title) => dispatch({type: "setTitle", title}),
        restore: (text) => load(text),
        addCell: () => insert(notebook.cells.length, true)
      });
      bar.setState("saved");
      render(false);
      listenForCommandKeys((input) => key(input, "command"));
      showSelection(true);
    },
    dispatch,
    run,
    load,
    diskChanged(change) {
      if (host.path !== change.path) return;
      const current = serializeNotebook(notebook);
      if (change.text === current) {
        fileText = change.text;
        baseVersion = change.version;
        bar?.setState("saved");
        return;
      }
      if (current === fileText || !editing) {
        fileText = change.text;
        baseVersion = change.version;
        load(change.text);
        void drafts.markSaved(change.text);
        bar?.setState("saved");
        return;
      }
      void choose(current, change.text).then((choice) => {
        // "later" keeps the old base, so the next save meets the conflict again.
        if (choice === "later") return;
        baseVersion = change.version;
        fileText = change.text;
        if (choice === "disk") load(change.text);
        else void save();
      });
    },
    save
  };

  if (host.rendered) {
    // The page already runs the notebook as built: every cell counts as run with its source.
    for (const cell of notebook.cells) defined.set(cell.id, signature(cell));
    render(false);
  } else {
    render(true);
  }
  return session;
}
