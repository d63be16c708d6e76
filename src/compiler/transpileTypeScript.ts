import type {Cell} from "../notebook/index.ts";
import {SourceError} from "./sourceError.ts";
import {transpileJavaScript} from "./transpileJavaScript.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";

/**
 * Compiles a ts cell. MAPT does not bundle the TypeScript compiler, so a ts cell runs only when
 * its source is also plain JavaScript (no type syntax); otherwise it is a compile error at 1:1.
 */
export function transpileTypeScript(cell: Cell, options: Required<CompileOptions>): CompiledCell {
  try {
    return transpileJavaScript(cell, options);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new SourceError('TypeScript cells are not supported yet; use a JavaScript cell (type="module")', 0);
  }
}
