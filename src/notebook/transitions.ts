import {assertNever} from "../shared/index.ts";
import {createCell} from "./createCell.ts";
import {nextCellId} from "./nextCellId.ts";
import type {Cell, CellId, CellMode, Notebook} from "./types.ts";

/**
 * A change to a notebook document, as the editor's buttons and keys make them. Positions are
 * indexes into `notebook.cells`; ids name cells. Events naming a cell that does not exist leave
 * the notebook unchanged.
 */
export type NotebookEvent =
  /** A new empty cell at `index` (clamped), with `id` when given (else `nextCellId`). */
  | {type: "insert"; index: number; mode?: CellMode; source?: string; id?: CellId}
  /** Puts back a deleted cell at `index` with its id (a fresh id only if another cell took it). */
  | {type: "restore"; index: number; cell: Cell}
  | {type: "delete"; id: CellId}
  /** Moves a cell one place up (-1) or down (1). */
  | {type: "move"; id: CellId; by: -1 | 1}
  /** Moves a cell to `index` (clamped) of the list without it (drag and drop). */
  | {type: "moveTo"; id: CellId; index: number}
  /** A copy of the cell with a fresh id, just below it. */
  | {type: "duplicate"; id: CellId; newId?: CellId}
  | {type: "setMode"; id: CellId; mode: CellMode}
  /** Names the cell's value for other cells (its `output` attribute); `""` removes the name. */
  | {type: "setOutput"; id: CellId; name: string}
  | {type: "togglePinned"; id: CellId}
  | {type: "toggleHidden"; id: CellId}
  | {type: "edit"; id: CellId; source: string}
  | {type: "setTitle"; title: string};

/**
 * Applies one event to a notebook and returns the new notebook; the input is never mutated.
 * Returns the same object when nothing changed.
 */
export function transitionNotebook(notebook: Notebook, event: NotebookEvent): Notebook {
  switch (event.type) {
    case "insert": {
      const id = event.id !== undefined && !hasCell(notebook, event.id) ? event.id : nextCellId(notebook);
      const cell = createCell({id, mode: event.mode ?? "js", source: event.source ?? ""});
      return withCells(notebook, insertAt(notebook.cells, clamp(event.index, notebook.cells.length), cell));
    }
    case "restore": {
      const cell = hasCell(notebook, event.cell.id) ? {...event.cell, id: nextCellId(notebook)} : event.cell;
      return withCells(notebook, insertAt(notebook.cells, clamp(event.index, notebook.cells.length), cell));
    }
    case "delete":
      return hasCell(notebook, event.id) ? withCells(notebook, notebook.cells.filter((c) => c.id !== event.id)) : notebook;
    case "move": {
      const index = indexOfCell(notebook, event.id);
      if (index < 0) return notebook;
      return moveCell(notebook, index, index + event.by);
    }
    case "moveTo": {
      const index = indexOfCell(notebook, event.id);
      if (index < 0) return notebook;
      return moveCell(notebook, index, event.index);
    }
    case "duplicate": {
      const index = indexOfCell(notebook, event.id);
      if (index < 0) return notebook;
      const id = event.newId !== undefined && !hasCell(notebook, event.newId) ? event.newId : nextCellId(notebook);
      const original = notebook.cells[index]!;
      const copy: Cell = {...original, id, extra: original.extra.map((a) => ({...a}))};
      return withCells(notebook, insertAt(notebook.cells, index + 1, copy));
    }
    case "setMode":
      return updateCell(notebook, event.id, (cell) => {
        if (cell.mode === event.mode && cell.type === undefined) return cell;
        const {type: _unknownType, ...rest} = cell;
        return {...rest, mode: event.mode};
      });
    case "setOutput":
      return updateCell(notebook, event.id, (cell) => {
        if ((cell.output ?? "") === event.name) return cell;
        const {output: _previous, ...rest} = cell;
        return event.name === "" ? rest : {...rest, output: event.name};
      });
    case "togglePinned":
      return updateCell(notebook, event.id, (cell) => ({...cell, pinned: !cell.pinned}));
    case "toggleHidden":
      return updateCell(notebook, event.id, (cell) => ({...cell, hidden: !cell.hidden}));
    case "edit":
      return updateCell(notebook, event.id, (cell) => (cell.source === event.source ? cell : {...cell, source: event.source}));
    case "setTitle":
      return notebook.title === event.title ? notebook : {...notebook, title: event.title};
    default:
      return assertNever(event, "notebook event");
  }
}

/** The index of the cell with `id`, or -1. */
export function indexOfCell(notebook: Notebook, id: CellId): number {
  return notebook.cells.findIndex((cell) => cell.id === id);
}

function hasCell(notebook: Notebook, id: CellId): boolean {
  return indexOfCell(notebook, id) >= 0;
}

function clamp(index: number, length: number): number {
  return Math.max(0, Math.min(length, Math.trunc(index)));
}

function withCells(notebook: Notebook, cells: Cell[]): Notebook {
  return {...notebook, cells};
}

function insertAt(cells: Cell[], index: number, cell: Cell): Cell[] {
  return [...cells.slice(0, index), cell, ...cells.slice(index)];
}

function moveCell(notebook: Notebook, from: number, to: number): Notebook {
  const rest = notebook.cells.filter((_, i) => i !== from);
  const target = clamp(to, rest.length);
  if (target === from) return notebook;
  return withCells(notebook, insertAt(rest, target, notebook.cells[from]!));
}

function updateCell(notebook: Notebook, id: CellId, update: (cell: Cell) => Cell): Notebook {
  const index = indexOfCell(notebook, id);
  if (index < 0) return notebook;
  const cell = notebook.cells[index]!;
  const next = update(cell);
  if (next === cell) return notebook;
  return withCells(notebook, notebook.cells.map((c, i) => (i === index ? next : c)));
}
