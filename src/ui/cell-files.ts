import {compileCell} from "../compiler/index.ts";
import type {Cell, Notebook} from "../notebook/index.ts";

/**
 * The file names a notebook's cells give `FileAttachment`, in cell order, as a function of the
 * notebook at the moment it is called. Each cell is compiled once per source and mode.
 */
export function cellFileNames(notebook: () => Notebook): () => string[] {
  const cache = new WeakMap<Cell, string[]>();
  const filesOf = (cell: Cell) => {
    let files = cache.get(cell);
    if (files === undefined) cache.set(cell, (files = compileCell(cell).files));
    return files;
  };
  return () => notebook().cells.flatMap(filesOf);
}
