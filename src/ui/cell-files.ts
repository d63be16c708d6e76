import {compileCell} from "../compiler/index.ts";
import type {Cell, Notebook} from "../notebook/index.ts";

// Cells are values: an edit makes a new one, so each is compiled once.
const compiled = new WeakMap<Cell, string[]>();

/** The file names a cell gives `FileAttachment` (literal names, as the build resolves them). */
export function cellFiles(cell: Cell): string[] {
  let files = compiled.get(cell);
  if (files === undefined) compiled.set(cell, (files = compileCell(cell).files));
  return files;
}

/** The file names a notebook's cells give `FileAttachment`, in cell order, as the notebook is when called. */
export function cellFileNames(notebook: () => Notebook): () => string[] {
  return () => notebook().cells.flatMap(cellFiles);
}
