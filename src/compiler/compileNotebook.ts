import type {Notebook} from "../notebook/index.ts";
import {compileCell} from "./compileCell.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";

/** Compiles every cell of a notebook, in order. Never throws (see `compileCell`). */
export function compileNotebook(notebook: Notebook, options?: CompileOptions): CompiledCell[] {
  return notebook.cells.map((cell) => compileCell(cell, options));
}
