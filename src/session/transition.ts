import {isUnrun, readNotebook, serializeNotebook, transitionNotebook, type Cell, type CellId, type Notebook} from "../notebook/index.ts";
import {assertNever, textVersion} from "../shared/index.ts";
import {reconcile} from "./reconcile.ts";
import {isStale, needsRun, runSignature} from "./signature.ts";
import {restructure} from "./structure.ts";
import {markUnrun} from "./unrun-marks.ts";
import type {LoadOrigin, SessionEffect, SessionEvent, SessionState, StructuralEvent} from "./types.ts";

/** A transition's result: the next state and what the page must do. */
export interface Transition {
  state: SessionState;
  effects: SessionEffect[];
}

const structural = new Set<string>(["insert", "restore", "delete", "move", "moveTo", "duplicate", "setMode", "setOutput", "togglePinned", "toggleHidden", "paste"]);

function isStructural(event: SessionEvent): event is StructuralEvent {
  return structural.has(event.type);
}

/**
 * The one way a page's notebook session changes: `(state, event) => {state, effects}`. Pure: the
 * page performs the effects (views, runtime, storage, the dev server) and reports back with
 * events. Loading shows a notebook; only a trusted session defines cells in the runtime.
 */
export function transitionSession(state: SessionState, event: SessionEvent): Transition {
  if (isStructural(event)) return restructured(state, event);
  switch (event.type) {
    case "edit": {
      const notebook = transitionNotebook(state.notebook, {type: "edit", id: event.id, source: event.source});
      if (notebook === state.notebook) return {state, effects: []};
      const cell = notebook.cells.find((c) => c.id === event.id)!;
      return changed(state, {...state, notebook}, [{type: "markStale", id: cell.id, stale: isStale(cell, state.ran.get(cell.id))}]);
    }
    case "setTitle": {
      const notebook = transitionNotebook(state.notebook, event);
      if (notebook === state.notebook) return {state, effects: []};
      return changed(state, {...state, notebook}, [{type: "setTitle", title: notebook.title}]);
    }
    case "undo": {
      const entry = state.undo.at(-1);
      if (entry === undefined) return {state, effects: []};
      let next: Transition = {state: {...state, undo: state.undo.slice(0, -1)}, effects: []};
      for (const step of entry.undo) {
        const t = restructured(next.state, step, false);
        next = {state: t.state, effects: [...next.effects, ...t.effects]};
      }
      return next;
    }
    case "select":
      return hasCell(state.notebook, event.id) ? {state: {...state, selected: event.id}, effects: [{type: "select", id: event.id}]} : {state, effects: []};
    case "copy":
      return {state, effects: [{type: "copyCells", cells: cellsOf(state.notebook, event.ids)}]};
    case "cut": {
      const cells = cellsOf(state.notebook, event.ids);
      if (cells.length === 0) return {state, effects: []};
      const t = restructured(state, {type: "delete", ids: cells.map((cell) => cell.id)});
      return {state: t.state, effects: [{type: "copyCells", cells}, ...t.effects]};
    }
    case "load":
      return load(state, event.text, event.origin);
    case "trust": {
      if (state.trusted) return {state, effects: []};
      const ran = runCells({...state, trusted: true}, state.notebook.cells);
      return {state: ran.state, effects: [{type: "rememberTrust"}, ...ran.effects]};
    }
    case "run": {
      const cell = state.notebook.cells.find((c) => c.id === event.id);
      return cell ? runCells(state, [cell]) : {state, effects: []};
    }
    case "runStale":
      return runCells(state, state.notebook.cells.filter((cell) => needsRun(cell, state.ran.get(cell.id))));
    case "runAll":
      return runCells(state, state.notebook.cells);
    case "restartRunAll": {
      if (!state.trusted) return {state, effects: []};
      const restarted = runCells({...state, ran: new Map(), interrupted: new Set()}, state.notebook.cells);
      return {state: restarted.state, effects: [{type: "restartRuntime"}, ...restarted.effects]};
    }
    case "interrupt": {
      if (!state.ran.has(event.id) || state.interrupted.has(event.id)) return {state, effects: []};
      const interrupted = new Set(state.interrupted).add(event.id);
      return {state: {...state, interrupted}, effects: [{type: "interruptCell", id: event.id}]};
    }
    case "settled": {
      if (state.ran.get(event.id) !== event.signature || state.settled.get(event.id) === event.signature) return {state, effects: []};
      const settled = new Map(state.settled).set(event.id, event.signature);
      // The cell's code has now run: its mark goes, written at once (nobody is typing: a reload
      // right after the result showed must not find the mark and hold the cell back).
      const next = changed(state, {...state, settled, notebook: markUnrun(state.notebook, settled)}, []);
      const effects = next.effects.map((effect): SessionEffect =>
        effect.type === "writeDraft" || effect.type === "scheduleSave" ? {...effect, now: true} : effect
      );
      return {state: next.state, effects};
    }
    case "save":
      return save(state);
    case "saveSucceeded": {
      const file = {text: event.text, version: event.version};
      const current = serializeNotebook(state.notebook);
      const status = current === event.text ? "saved" : "unsaved";
      const effects: SessionEffect[] = [{type: "markDraftSaved", text: event.text}, {type: "showSaveStatus", status}];
      // Edited while in flight: saved after the typing pause, or at once when a save was asked for meanwhile.
      if (status === "unsaved") effects.push(state.saveAgain ? {type: "scheduleSave", now: true} : {type: "scheduleSave"});
      return {state: {...state, file, save: status, pending: undefined, savedHere: true, saveAgain: false}, effects};
    }
    case "saveConflict": {
      const mine = state.pending ?? serializeNotebook(state.notebook);
      const conflict = {text: event.diskText, version: event.diskVersion};
      return {
        state: {...state, save: "conflict", pending: mine, conflict, saveAgain: false},
        effects: [{type: "showSaveStatus", status: "conflict"}, {type: "showConflict", mine, disk: event.diskText ?? ""}]
      };
    }
    case "saveFailed":
      return {state: {...state, save: "failed", pending: undefined, saveAgain: false}, effects: [{type: "showSaveStatus", status: "failed", detail: event.error}]};
    case "conflictResolved":
      return resolveConflict(state, event.choice);
    case "diskChanged":
      return diskChanged(state, event.text, event.version);
    case "otherPageWrote":
      return otherPageWrote(state, event.text, event.base);
    case "editChoice": {
      if (state.editChoice !== "asking" && state.editChoice !== "ask") return {state, effects: []};
      if (event.choice === "copy") {
        return {state: {...state, editChoice: "copy"}, effects: [{type: "saveCopy", text: serializeNotebook(state.notebook)}]};
      }
      const next = {...state, editChoice: "file" as const};
      return {state: next, effects: serializeNotebook(next.notebook) === next.file.text ? [] : [{type: "scheduleSave"}]};
    }
    default:
      return assertNever(event, "session event");
  }
}

/** A structural command: the document changes, the page follows, restored cells run again. */
function restructured(state: SessionState, event: StructuralEvent, record = true): Transition {
  const result = restructure(state.notebook, state.highestId, event);
  if (result.notebook === state.notebook) return {state, effects: []};
  const shown = reconcile(state.notebook, result.notebook, state.ran, state.interrupted);
  let next: SessionState = {
    ...state,
    notebook: result.notebook,
    highestId: result.highestId,
    ran: shown.ran,
    interrupted: shown.interrupted,
    undo: record && result.undo ? [...state.undo, result.undo] : state.undo,
    selected: result.select ?? (hasCell(result.notebook, state.selected) ? state.selected : result.notebook.cells[0]?.id)
  };
  const effects: SessionEffect[] = [...shown.effects];
  // A renamed cell runs at once, so the cells that read either name see the change.
  const rerun = event.type === "setOutput" ? [event.id] : result.restored;
  const again = next.notebook.cells.filter((cell) => rerun.includes(cell.id));
  if (again.length && next.trusted) {
    const ran = runCells(next, again);
    next = ran.state;
    effects.push(...ran.effects);
  }
  if (next.selected !== undefined && next.selected !== state.selected) effects.push({type: "select", id: next.selected});
  return changed(state, next, effects);
}

/** Defines `cells` in the runtime (a trusted session only) and records what they ran with. */
function runCells(state: SessionState, cells: readonly Cell[]): Transition {
  if (!state.trusted || cells.length === 0) return {state, effects: []};
  const ran = new Map(state.ran);
  const interrupted = new Set(state.interrupted);
  const effects: SessionEffect[] = [];
  for (const cell of cells) {
    ran.set(cell.id, runSignature(cell));
    interrupted.delete(cell.id);
    effects.push({type: "defineCell", cell}, {type: "markStale", id: cell.id, stale: false});
  }
  return {state: {...state, ran, interrupted}, effects};
}

/** After the document changed: keep it in the browser, and say where it stands against the file. */
function changed(before: SessionState, unmarked: SessionState, effects: SessionEffect[]): Transition {
  if (unmarked.notebook === before.notebook) return {state: unmarked, effects};
  // Code that has not run is written marked, so a page opening the text does not run it by itself.
  const after = {...unmarked, notebook: markUnrun(unmarked.notebook, unmarked.settled)};
  if (after.notebook === before.notebook) return {state: after, effects};
  const text = serializeNotebook(after.notebook);
  const out: SessionEffect[] = [...effects, {type: "writeDraft", text, title: after.notebook.title}];
  // A notebook kept only in this browser: what it wrote is what the store holds.
  if (!after.canSave) return {state: {...after, file: {text, version: null}}, effects: out};
  if (after.editChoice === "ask") {
    return {state: {...after, editChoice: "asking", save: "unsaved"}, effects: [...out, {type: "showSaveStatus", status: "unsaved"}, {type: "askEditChoice"}]};
  }
  if (after.save === "conflict") return {state: after, effects: out};
  const status = text === after.file.text ? "saved" : "unsaved";
  out.push({type: "showSaveStatus", status});
  if (status === "unsaved" && after.editChoice === "file") out.push({type: "scheduleSave"});
  return {state: {...after, save: after.save === "saving" ? "saving" : status}, effects: out};
}

/** Shows a new text; runs what changed only if the session is trusted. */
function load(state: SessionState, text: string, origin: LoadOrigin): Transition {
  const notebook = readNotebook(text).notebook;
  const shown = reconcile(state.notebook, notebook, state.ran, state.interrupted);
  let next: SessionState = {
    ...state,
    notebook,
    ran: shown.ran,
    interrupted: shown.interrupted,
    highestId: Math.max(state.highestId, ...notebook.cells.map((cell) => cell.id)),
    selected: hasCell(notebook, state.selected) ? state.selected : notebook.cells[0]?.id,
    file: origin === "file" ? {text, version: state.file.version} : state.file
  };
  const effects: SessionEffect[] = [...shown.effects, {type: "setTitle", title: notebook.title}];
  // A cell saved before it ever ran waits for the reader's Run (its code may be what froze a
  // page) when the text is opened or arrives from elsewhere, unless this page already had that
  // code (its own edit, written back by a disk change). A version the reader picked here
  // (recovered edits, History) runs as chosen.
  const had = new Map(state.notebook.cells.map((cell) => [cell.id, runSignature(cell)]));
  const opened = origin === "file" || origin === "draft" || origin === "disk";
  const waits = (cell: Cell) => opened && isUnrun(cell) && had.get(cell.id) !== runSignature(cell);
  const stale = notebook.cells.filter((cell) => next.ran.get(cell.id) !== runSignature(cell) && !waits(cell));
  const ran = runCells(next, stale);
  next = ran.state;
  effects.push(...ran.effects);
  if (origin === "file" || origin === "disk") return {state: next, effects};
  return changed(state, next, effects);
}

/**
 * The text a save writes: the file as it was with only the edits rewritten, unless the file had
 * errors (an unclosed `<script>`) that would stay in it: then the whole notebook in the canonical
 * layout, read back as the session's document, so the saved file reads as the page shows it.
 */
function savable(notebook: Notebook): {text: string; notebook: Notebook} {
  const text = serializeNotebook(notebook);
  if (!readNotebook(text).diagnostics.some((d) => d.severity === "error")) return {text, notebook};
  const repaired = serializeNotebook({...notebook, file: undefined});
  return {text: repaired, notebook: readNotebook(repaired).notebook};
}

function save(before: SessionState): Transition {
  const marked = markUnrun(before.notebook, before.settled);
  const {text, notebook} = before.canSave ? savable(marked) : {text: serializeNotebook(marked), notebook: marked};
  const state = notebook === before.notebook ? before : {...before, notebook};
  if (!state.canSave) {
    return {
      state: {...state, save: "saved", conflict: undefined, pending: undefined, file: {text, version: null}},
      effects: [{type: "writeDraft", text, title: state.notebook.title}, {type: "showSaveStatus", status: "saved"}]
    };
  }
  if (state.editChoice === "ask" || state.editChoice === "asking") return {state, effects: [{type: "askEditChoice"}]};
  if (state.editChoice === "copy") return {state, effects: []};
  if (state.save === "saving") return {state: {...state, saveAgain: true}, effects: []};
  if (text === state.file.text) return {state: {...state, save: "saved", conflict: undefined}, effects: [{type: "showSaveStatus", status: "saved"}]};
  return {
    state: {...state, save: "saving", pending: text},
    effects: [{type: "showSaveStatus", status: "saving"}, {type: "saveFile", text, baseVersion: state.file.version}]
  };
}

function resolveConflict(state: SessionState, choice: "mine" | "disk" | "later"): Transition {
  const disk = state.conflict;
  if (disk === undefined) return {state, effects: []};
  const mine = state.pending ?? serializeNotebook(state.notebook);
  // The side not kept stays among the versions (History) and, beside a file, as a copy.
  const keep = (text: string): SessionEffect[] =>
    text === "" ? [] : [{type: "keepVersion", text}, ...(state.canSave ? [{type: "saveConflictCopy" as const, text}] : [])];
  switch (choice) {
    case "mine": {
      // The other version becomes the base, so the next save replaces it.
      const next: SessionState = {...state, conflict: undefined, save: "unsaved", pending: undefined, file: {text: disk.text ?? "", version: disk.version}};
      const saved = save(next);
      return {state: saved.state, effects: [...keep(disk.text ?? ""), ...saved.effects]};
    }
    case "disk": {
      const base: SessionState = {...state, conflict: undefined, pending: undefined, save: "saved", file: {text: disk.text ?? "", version: disk.version}};
      const loaded = load(base, disk.text ?? "", "disk");
      return {
        state: {...loaded.state, savedHere: false},
        effects: [...keep(mine), ...loaded.effects, {type: "markDraftSaved", text: disk.text ?? ""}, {type: "showSaveStatus", status: "saved"}]
      };
    }
    case "later":
      // The old base stays, so the next save meets the conflict again.
      return {state: {...state, save: "unsaved", pending: undefined}, effects: [{type: "showSaveStatus", status: "unsaved", detail: "the file on disk differs"}]};
    default:
      return assertNever(choice, "conflict choice");
  }
}

/**
 * Another page of this browser kept a new version of this notebook. When this page has no edit
 * of its own since the version that page edited, it follows silently; otherwise both versions
 * are shown and the reader chooses (both stay in History).
 */
function otherPageWrote(state: SessionState, text: string, base: string): Transition {
  const current = serializeNotebook(state.notebook);
  if (text === current) return {state: {...state, file: {text, version: state.file.version}}, effects: []};
  if (current === state.file.text && base === textVersion(current)) {
    const loaded = load({...state, file: {text, version: state.file.version}}, text, "disk");
    return {state: loaded.state, effects: loaded.effects};
  }
  return {
    state: {...state, save: "conflict", pending: current, conflict: {text, version: state.file.version}},
    effects: [{type: "showSaveStatus", status: "conflict"}, {type: "showConflict", mine: current, disk: text}]
  };
}

function diskChanged(state: SessionState, text: string, version: string): Transition {
  // This page's own write, seen by the file watcher (before or after the save's answer): the file
  // holds what this page sent, whatever it was edited into since (a run's mark going, typing).
  if (text === state.file.text) return {state: {...state, file: {text, version}}, effects: []};
  if (state.save === "saving" && text === state.pending) return {state: {...state, file: {text, version}}, effects: []};
  const current = serializeNotebook(state.notebook);
  if (text === current) {
    return {state: {...state, file: {text, version}, save: "saved", conflict: undefined}, effects: [{type: "markDraftSaved", text}, {type: "showSaveStatus", status: "saved"}]};
  }
  if (current === state.file.text) {
    const loaded = load({...state, file: {text, version}}, text, "disk");
    // The file held what this page saved: someone else replaced it; this page's version stays in History.
    const notice: SessionEffect[] = state.savedHere
      ? [{type: "showNotice", text: "The file was replaced from elsewhere (another tab or editor): this page now shows that version. The version this page saved is kept in History."}]
      : [];
    return {
      state: {...loaded.state, save: "saved", savedHere: false},
      effects: [...notice, ...loaded.effects, {type: "markDraftSaved", text}, {type: "showSaveStatus", status: "saved"}]
    };
  }
  return {
    state: {...state, save: "conflict", pending: current, conflict: {text, version}},
    effects: [{type: "showSaveStatus", status: "conflict"}, {type: "showConflict", mine: current, disk: text}]
  };
}

function hasCell(notebook: Notebook, id: CellId | undefined): boolean {
  return id !== undefined && notebook.cells.some((cell) => cell.id === id);
}

function cellsOf(notebook: Notebook, ids: readonly CellId[]): Cell[] {
  return notebook.cells.filter((cell) => ids.includes(cell.id));
}
