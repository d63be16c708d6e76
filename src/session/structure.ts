import {indexOfCell, transitionNotebook, type Cell, type CellId, type Notebook} from "../notebook/index.ts";
import {assertNever} from "../shared/index.ts";
import type {StructuralEvent, UndoEntry} from "./types.ts";

/** A structural command applied: the new document, how to undo it, and the cell to select. */
export interface Restructured {
  notebook: Notebook;
  /** Undefined when nothing changed. */
  undo: UndoEntry | undefined;
  highestId: number;
  /** The cell the command brings into focus (a new cell, a moved one). */
  select?: CellId;
  /** Cells that come back as they were (undo of a delete): they run again when trusted. */
  restored: CellId[];
}

/**
 * Applies one structural command. New cells get ids above `highestId` (every id this session
 * used), so undoing a delete never meets a cell that took its id in the meantime.
 */
export function restructure(notebook: Notebook, highestId: number, event: StructuralEvent): Restructured {
  const unchanged: Restructured = {notebook, undo: undefined, highestId, restored: []};
  const apply = (next: Notebook, label: string, undo: StructuralEvent[], extra: Partial<Restructured> = {}): Restructured =>
    next === notebook ? unchanged : {notebook: next, undo: {label, undo}, highestId, restored: [], ...extra};
  switch (event.type) {
    case "insert": {
      const id = (highestId + 1) as CellId;
      const next = transitionNotebook(notebook, {type: "insert", index: event.index, mode: event.mode, source: event.source, id});
      return {...apply(next, "add cell", [{type: "delete", ids: [id]}], {select: id}), highestId: id};
    }
    case "paste": {
      let next = notebook;
      const ids: CellId[] = [];
      event.cells.forEach((cell, i) => {
        const id = (highestId + 1 + i) as CellId;
        ids.push(id);
        next = transitionNotebook(next, {type: "restore", index: event.index + i, cell: {...cell, id, extra: cell.extra.map((a) => ({...a}))}});
      });
      return {...apply(next, "paste", [{type: "delete", ids}], {select: ids[0]}), highestId: highestId + ids.length};
    }
    case "restore": {
      let next = notebook;
      event.cells.forEach((cell, i) => (next = transitionNotebook(next, {type: "restore", index: event.index + i, cell})));
      const ids = event.cells.map((cell) => cell.id);
      return apply(next, "restore", [{type: "delete", ids}], {select: ids[0], restored: ids, highestId: Math.max(highestId, ...ids)});
    }
    case "delete": {
      const gone = notebook.cells.map((cell, index) => ({cell, index})).filter(({cell}) => event.ids.includes(cell.id));
      let next = notebook;
      for (const {cell} of gone) next = transitionNotebook(next, {type: "delete", id: cell.id});
      const after = next.cells[Math.min(gone[0]?.index ?? 0, next.cells.length - 1)]?.id;
      // Restoring in ascending order puts every cell back at its index.
      return apply(next, gone.length > 1 ? "delete cells" : "delete cell", gone.map(({cell, index}) => ({type: "restore", index, cells: [cell]})), {select: after});
    }
    case "move": {
      const next = transitionNotebook(notebook, event);
      return apply(next, "move cell", [{type: "move", id: event.id, by: event.by === 1 ? -1 : 1}], {select: event.id});
    }
    case "moveTo": {
      const from = indexOfCell(notebook, event.id);
      const next = transitionNotebook(notebook, event);
      return apply(next, "move cell", [{type: "moveTo", id: event.id, index: from}], {select: event.id});
    }
    case "duplicate": {
      const id = (highestId + 1) as CellId;
      const next = transitionNotebook(notebook, {type: "duplicate", id: event.id, newId: id});
      return {...apply(next, "duplicate cell", [{type: "delete", ids: [id]}], {select: id}), highestId: next === notebook ? highestId : id};
    }
    case "setMode": {
      const cell = cellOf(notebook, event.id);
      const next = transitionNotebook(notebook, event);
      return apply(next, "change mode", cell ? [{type: "setMode", id: event.id, mode: cell.mode}] : []);
    }
    case "setOutput": {
      const cell = cellOf(notebook, event.id);
      const next = transitionNotebook(notebook, event);
      return apply(next, "rename", cell ? [{type: "setOutput", id: event.id, name: cell.output ?? ""}] : []);
    }
    case "togglePinned":
    case "toggleHidden":
      return apply(transitionNotebook(notebook, event), event.type === "togglePinned" ? "show code" : "hide output", [event]);
    default:
      return assertNever(event, "structural event");
  }
}

function cellOf(notebook: Notebook, id: CellId): Cell | undefined {
  return notebook.cells.find((cell) => cell.id === id);
}
