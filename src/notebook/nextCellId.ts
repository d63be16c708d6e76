import type {CellId, Notebook} from "./types.ts";

/** A fresh id for a new cell of `notebook`: one more than the largest id in use (1 when empty). */
export function nextCellId(notebook: Pick<Notebook, "cells">): CellId {
  let max = 0;
  for (const cell of notebook.cells) if (cell.id > max) max = cell.id;
  return (max + 1) as CellId;
}
