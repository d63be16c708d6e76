import type {Cell, CellMode} from "../notebook/index.ts";
import {compiledCell} from "./compiledCell.ts";
import {defaultGlobals} from "./defaultGlobals.ts";
import {SourceError, toCompileError} from "./sourceError.ts";
import {transpileJavaScript} from "./transpileJavaScript.ts";
import {transpileObservable} from "./transpileObservable.ts";
import {transpileSql} from "./transpileSql.ts";
import {transpileHtml, transpileMarkdown, transpileTemplate, transpileTex} from "./transpileTemplate.ts";
import {transpileTypeScript} from "./transpileTypeScript.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";

/** Compiles one cell of a mode; throws a `SyntaxError` carrying `pos` for the user's mistakes. */
type Transpile = (cell: Cell, options: Required<CompileOptions>) => CompiledCell;

const notRun = (cell: Cell): never => {
  throw new SourceError(`${cell.mode} cells are not supported; they are kept in the file but not run`, 0);
};

/** How each mode compiles; one more mode is one more entry. */
const transpilers: Record<CellMode, Transpile> = {
  js: transpileJavaScript,
  ts: transpileTypeScript,
  ojs: transpileObservable,
  md: transpileMarkdown,
  html: transpileHtml,
  tex: transpileTex,
  sql: transpileSql,
  dot: (cell, options) => transpileTemplate(cell, {input: "dot", expression: "dot", raw: true}, options).cell,
  node: notRun,
  python: notRun,
  r: notRun
};

/**
 * Compiles one cell into what the runtime defines. Pure and never throws: a mistake in the
 * cell becomes `error` (positioned in the cell's source, 1-based) and a `body` that throws a
 * `SyntaxError` saying "message (line:column)" when run.
 */
export function compileCell(cell: Cell, options: CompileOptions = {}): CompiledCell {
  const resolved: Required<CompileOptions> = {globals: options.globals ?? defaultGlobals};
  try {
    if (cell.type !== undefined) {
      throw new SourceError(`Unknown cell type "${cell.type}": the cell is kept in the file but not run`, 0);
    }
    return transpilers[cell.mode](cell, resolved);
  } catch (thrown) {
    const error = toCompileError(thrown, cell.source);
    const message = `${error.message} (${error.line}:${error.column})`;
    return compiledCell(cell, {body: `() => { throw new SyntaxError(${JSON.stringify(message)}); }`, error});
  }
}
