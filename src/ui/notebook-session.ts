import {compileCell} from "../compiler/index.ts";
import type {DuckDBClient} from "../data/index.ts";
import {createNotebook, isUnrun, readNotebook, serializeNotebook, type Cell, type CellId} from "../notebook/index.ts";
import {evaluateBody, type NotebookRuntime} from "../runtime/index.ts";
import {createSession, runSignature, transitionSession, type SessionEffect, type SessionEvent, type SessionSpec, type SessionState} from "../session/index.ts";
import {assertNever, textVersion} from "../shared/index.ts";
import type {CellViewSpec} from "./cell-view.ts";
import type {CellViews} from "./cell-views.ts";
import {cellFileNames} from "./cell-files.ts";
import {askEditOrCopy, chooseVersion} from "./dialogs.ts";
import type {NotebookFiles} from "./notebook-files.ts";
import {createDraftWriter, draftChannelName, pageId, readDraft, trustDraft, writeDraft, type DraftWritten} from "./drafts.ts";
import {showPageMessage} from "./page-message.ts";
import {sanitizeHtml, unrunCellNotice} from "../shared/index.ts";
import {saveCopy, saveToServer} from "./save-client.ts";
import {askBeforeRunning} from "./ask-before-running.ts";
import {notebookRisks} from "./notebook-risks.ts";
import {markCellRunning, markRunning} from "./run-marker.ts";
import {showTrustBanner} from "./trust-banner.ts";
import {trustText} from "./trust-store.ts";

/** How long the page waits after the last edit before it saves the file by itself (dev server). */
const autosaveDelayMs = 2000;

/** What a page gives its notebook session. */
export interface SessionHost {
  /** The page's one view per cell. */
  views: CellViews;
  /** The notebook's files (FileAttachment names, and the data files that are tables). */
  files: NotebookFiles;
  /** The page's runtime; the session defines only the cells it runs. */
  runtime: NotebookRuntime;
  /** The page's DuckDB, started on first use. */
  database(): Promise<DuckDBClient>;
  /** The notebook's key in this browser's store: its page path, or "draft:<id>". */
  key: string;
  /** The file, relative to the project root, that saves write (dev server); absent for drafts. */
  path?: string;
}

/** The editing controls, while the page is in Edit mode: they follow the session's effects. */
export interface EditorSurface {
  /** Called after the session performed an effect of its own, for the controls to follow. */
  effect(effect: SessionEffect, state: SessionState): void;
}

/** Options of {@link startSession} beyond what the session's state needs. */
export interface SessionOptions {
  /**
   * Why an otherwise trusted notebook is held back this time (its last session stopped while
   * running): it is shown with this notice and a Run button instead of running.
   */
  hold?: string;
}

/** A page's notebook session: the state, and the loop that performs its effects. */
export interface NotebookSession {
  readonly state: SessionState;
  readonly host: SessionHost;
  dispatch(event: SessionEvent): void;
  /** The editing controls follow the session while attached; `undefined` detaches them. */
  attach(surface: EditorSurface | undefined): void;
}

/**
 * Starts the session of a page: `spec` says what the page shows and whether it may run. When
 * the page does not already run the text (a draft, a link), the session shows it first, and
 * defines its cells only if it is trusted.
 */
export function startSession(host: SessionHost, spec: SessionSpec, options: SessionOptions = {}): NotebookSession {
  if (options.hold !== undefined) spec = {...spec, trusted: false, running: false};
  let state = createSession(spec);
  let surface: EditorSurface | undefined;
  let autosave: ReturnType<typeof setTimeout> | undefined;
  let asking = false;
  const drafts = createDraftWriter(host.key);
  // The notebook's cells, as they are now, say which files are its tables.
  host.files.setReferences(cellFileNames(() => state.notebook));

  // A notebook not allowed to run shows every cell's code, so its reader sees what it would do.
  const docSpec = (cell: Cell): CellViewSpec => ({
    id: cell.id,
    mode: cell.mode,
    hidden: cell.hidden,
    pinned: cell.pinned || (!state.trusted && cell.mode !== "md" && cell.mode !== "html"),
    source: cell.source,
    output: cell.output
  });

  const perform = (effect: SessionEffect): void => {
    switch (effect.type) {
      case "renderCell": {
        const view = host.views.render(docSpec(effect.cell));
        if (!state.ran.has(effect.cell.id)) {
          const staticHtml = compileCell(effect.cell).staticHtml;
          if (staticHtml !== undefined) {
            view.update({...docSpec(effect.cell), staticHtml: state.trusted ? staticHtml : sanitizeHtml(staticHtml)});
            view.fulfilled(undefined, false);
          } else if (view.status === "pending") view.setIdle();
        }
        return;
      }
      case "removeCell":
        return host.views.remove(effect.id);
      case "orderCells":
        return host.views.order(effect.ids);
      case "defineCell":
        markRunning(host.key);
        return define(effect.cell);
      case "undefineCell":
        return host.runtime.delete(effect.id);
      case "interruptCell":
        return host.runtime.interrupt(effect.id);
      case "restartRuntime":
        return host.runtime.restart();
      case "markStale": {
        // A cell the file marks as never run, not run here either: "edited, not run", and why.
        const unrun = savedUnrun(effect.id);
        const view = host.views.maybe(effect.id);
        view?.setStale(effect.stale || unrun);
        if (unrun) view?.notice(unrunCellNotice);
        return;
      }
      case "select":
      case "showSaveStatus":
        return; // the editing controls show these
      case "setTitle": {
        document.title = `${effect.title || "Untitled notebook"} · MAPT Notebooks`;
        // The notebook's loop limit travels with it (the loop guard reads it from the page).
        const limit = state.notebook.extra?.find((a) => a.name.toLowerCase() === "loop-limit")?.value;
        if (limit) host.views.main.dataset.loopLimit = limit;
        else delete host.views.main.dataset.loopLimit;
        return;
      }
      case "writeDraft":
        drafts.write(effect.text, effect.title, textVersion(writtenBefore));
        if (effect.now) void drafts.flush();
        return;
      case "markDraftSaved":
        return void drafts.markSaved(effect.text);
      case "saveFile":
        return void saveFile(effect.text, effect.baseVersion);
      case "scheduleSave":
        clearTimeout(autosave);
        autosave = setTimeout(() => session.dispatch({type: "save"}), effect.now ? 0 : autosaveDelayMs);
        return;
      case "showConflict":
        clearTimeout(autosave);
        void chooseVersion(effect.mine, effect.disk).then((choice) => session.dispatch({type: "conflictResolved", choice}));
        return;
      case "askEditChoice":
        if (asking || host.path === undefined) return;
        asking = true;
        void askEditOrCopy(host.path).then((choice) => {
          asking = false;
          session.dispatch({type: "editChoice", choice});
        });
        return;
      case "saveCopy":
        return void copyAndOpen(effect.text);
      case "copyCells":
        return copyCells(effect.cells);
      case "keepVersion":
        return void drafts.keep(effect.text);
      case "saveConflictCopy":
        return void saveConflictCopy(effect.text);
      case "showNotice":
        return void showPageMessage(host.views.main, effect.text, "mapt-page-notice");
      case "rememberTrust":
        void trustDraft(host.key).catch(() => {});
        // The text as it arrived (a link, a file) and as it is now, so either opens trusted again.
        void trustText(state.file.text);
        return void trustText(serializeNotebook(state.notebook));
      default:
        return assertNever(effect, "session effect");
    }
  };

  /** Whether cell `id` was read marked `unrun` from the file and has not run in this page. */
  const savedUnrun = (id: CellId): boolean => {
    const read = state.notebook.file?.cells.find((text) => text.id === id)?.read;
    const cell = state.notebook.cells.find((c) => c.id === id);
    // Static Markdown or HTML has no code to run: it shows as it is.
    // (A notebook held back or not trusted runs nothing: its banner says so.)
    return state.trusted && read !== undefined && cell !== undefined && isUnrun(read) && !state.ran.has(id) && compileCell(cell).staticHtml === undefined;
  };

  /** Cells whose run is watched until it settles, by id (a new run replaces the watch). */
  const watches = new Map<CellId, MutationObserver>();
  /**
   * Reports `settled` once the run just started ends with a value or its own error; a run that is
   * stopped, or a page that closes first, never reports, so the cell stays marked in the file.
   */
  const watchSettled = (cell: Cell, element: HTMLElement) => {
    watches.get(cell.id)?.disconnect();
    const signature = runSignature(cell);
    const watch = new MutationObserver((records) => {
      const status = element.dataset.status;
      if (status === "interrupted") return watch.disconnect();
      if (!records.some((record) => record.oldValue === "running") || (status !== "fulfilled" && status !== "error")) return;
      watch.disconnect();
      watches.delete(cell.id);
      session.dispatch({type: "settled", id: cell.id, signature});
    });
    watch.observe(element, {attributes: true, attributeFilter: ["data-status"], attributeOldValue: true});
    watches.set(cell.id, watch);
  };

  /** Compiles and defines a cell; a static Markdown or HTML cell is shown instead of run. */
  const define = (cell: Cell) => {
    const view = host.views.render(docSpec(cell));
    if (view.element.querySelector(".mapt-cell-notice")?.textContent === unrunCellNotice) view.notice(undefined);
    const compiled = compileCell(cell);
    if (compiled.staticHtml !== undefined) {
      host.runtime.delete(cell.id);
      view.update({...docSpec(cell), staticHtml: compiled.staticHtml});
      view.fulfilled(undefined, false);
      // Shown, not run: it has settled (reported after the effect that defined it).
      queueMicrotask(() => session.dispatch({type: "settled", id: cell.id, signature: runSignature(cell)}));
      return;
    }
    let body;
    try {
      body = evaluateBody(compiled.body);
    } catch (error) {
      host.runtime.delete(cell.id);
      view.rejected(error);
      return;
    }
    // Named in this page's run mark until it settles: if the page freezes in it, the next page says which cell.
    markCellRunning(host.key, cell.id, view.element);
    watchSettled(cell, view.element);
    host.runtime.define({...compiled, body});
  };

  const saveFile = async (text: string, baseVersion: string | null) => {
    if (host.path === undefined) return;
    const outcome = await saveToServer(host.path, text, baseVersion);
    if (outcome.status === 200) session.dispatch({type: "saveSucceeded", text, version: outcome.version});
    else if (outcome.status === 409) session.dispatch({type: "saveConflict", diskText: outcome.diskText, diskVersion: outcome.diskVersion});
    else session.dispatch({type: "saveFailed", error: outcome.error});
  };

  const saveConflictCopy = async (text: string) => {
    if (host.path === undefined) return;
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const outcome = await saveToServer(host.path.replace(/\.html$/, `-conflict-${stamp}.html`), text, null);
    if (outcome.status !== 200) session.dispatch({type: "saveFailed", error: `the other version could not be kept as a copy: ${"error" in outcome ? outcome.error : ""}`});
  };

  const copyAndOpen = async (text: string) => {
    if (host.path === undefined) return;
    const outcome = await saveCopy(host.path, text);
    if ("error" in outcome) return session.dispatch({type: "saveFailed", error: outcome.error});
    // The edits now live in the copy: the original's kept edits are not offered back.
    const record = await readDraft(host.key).catch(() => undefined);
    if (record) await writeDraft({...record, unsaved: false});
    location.assign(new URL(outcome.path.split("/").pop()!, location.href).href);
  };

  const session: NotebookSession = {
    get state() {
      return state;
    },
    host,
    dispatch(event) {
      writtenBefore = state.file.text;
      const transition = transitionSession(state, event);
      state = transition.state;
      for (const effect of transition.effects) {
        perform(effect);
        surface?.effect(effect, state);
      }
      if (!state.trusted) trustBanner ??= showBanner();
      else if (trustBanner) trustBanner.remove(), (trustBanner = undefined);
    },
    attach(next) {
      surface = next;
    }
  };
  let trustBanner: HTMLElement | undefined;
  /** What this page knew the store (or file) held before the event now being handled. */
  let writtenBefore = state.file.text;
  // A notebook kept in this browser and open in two pages: each follows the other's versions.
  const pages = typeof BroadcastChannel === "undefined" ? undefined : new BroadcastChannel(draftChannelName);
  pages?.addEventListener("message", (event: MessageEvent<DraftWritten>) => {
    const {key, text, base, page} = event.data;
    if (key === host.key && page !== pageId && !state.canSave) session.dispatch({type: "otherPageWrote", text, base});
  });
  const runIt = () => session.dispatch({type: "trust"});
  const showBanner = () =>
    options.hold !== undefined ? askBeforeRunning(host.views.main, options.hold, runIt) : showTrustBanner(host.views.main, notebookRisks(state.notebook), runIt);

  if (!spec.running) {
    // Show the notebook: the load of its own text renders every cell and runs it if trusted.
    const empty = createSession({...spec, text: serializeNotebook(createNotebook({title: state.notebook.title}))});
    const shown = transitionSession(empty, {type: "load", text: spec.text, origin: "file"});
    state = {...shown.state, file: state.file, undo: []};
    for (const effect of shown.effects) perform(effect);
  }
  if (!state.trusted) trustBanner = showBanner();
  return session;
}

/** Copied cells go to this browser's clipboard store (and the system clipboard, as notebook text). */
const clipboardKey = "mapt:clipboard";

function copyCells(cells: Cell[]): void {
  const text = serializeNotebook(createNotebook({cells}));
  try {
    localStorage.setItem(clipboardKey, text);
  } catch {
    // Storage may be full or off; the system clipboard below still has the cells.
  }
  void navigator.clipboard?.writeText(text).catch(() => {});
}

/** The cells copied last (in this browser), for pasting. */
export function clipboardCells(): Cell[] {
  const text = localStorage.getItem(clipboardKey);
  return text === null ? [] : readNotebook(text).notebook.cells;
}
