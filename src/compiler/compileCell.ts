import type {Cell} from "../notebook/index.ts";
import {renderMarkdown, sanitizeHtml} from "../shared/index.ts";
import {javascriptOfMode, type CellJavaScript} from "./cellJavaScript.ts";
import {compiledCell} from "./compiledCell.ts";
import {defaultGlobals} from "./defaultGlobals.ts";
import {checkBody} from "./checkBody.ts";
import {checkScriptSafe} from "./scriptSafe.ts";
import {SourceError, toCompileError} from "./sourceError.ts";
import {transpileJavaScript} from "./transpileJavaScript.ts";
import {transpileObservable} from "./transpileObservable.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";

const identifier = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/**
 * Compiles one cell into what the runtime defines. Every mode but legacy Observable JavaScript
 * becomes JavaScript first (`javascriptOfMode`), then goes through the same passes
 * (`compilePasses`). Pure and never throws: a mistake in the cell becomes `error` (positioned in
 * the cell's source, 1-based) and a `body` that throws a `SyntaxError` saying
 * "message (line:column)" when run.
 *
 * A cell's `output` attribute names its value, in every mode, as Notebook Kit does: the value of
 * an expression, a Markdown cell's element, a SQL cell's result table, or a program cell's
 * object of declarations (whose names are then not exposed one by one).
 */
export function compileCell(cell: Cell, options: CompileOptions = {}): CompiledCell {
  const resolved: Required<CompileOptions> = {globals: options.globals ?? defaultGlobals};
  let js: CellJavaScript | undefined;
  try {
    if (cell.type !== undefined) {
      throw new SourceError(`Unknown cell type "${cell.type}": the cell is kept in the file but not run`, 0);
    }
    if (cell.output !== undefined && !identifier.test(cell.output)) {
      throw new SourceError(`invalid output name "${cell.output}": it must be a JavaScript identifier`, 0);
    }
    // Observable JavaScript is parsed as a script already (`<!--` is a comment there too).
    if (cell.mode === "ojs") {
      const compiled = transpileObservable(cell, resolved);
      if (compiled.error === undefined) checkBody(compiled.body);
      return compiled;
    }
    js = javascriptOfMode[cell.mode](cell);
    const compiled = compiledCell(cell, transpileJavaScript(js, resolved));
    checkScriptSafe(compiled, js.source);
    checkBody(compiled.body);
    const staticHtml = js.staticText !== undefined && cell.output === undefined ? staticHtmlOf(cell, js.staticText) : undefined;
    if (staticHtml !== undefined) compiled.staticHtml = staticHtml;
    if (cell.output !== undefined) compiled.output = cell.output;
    if (js.query !== undefined) compiled.query = js.query;
    if (js.loader !== undefined) compiled.loader = js.loader;
    return compiled;
  } catch (thrown) {
    const error = toCompileError(thrown, cell.source, js?.toCell);
    const message = `${error.message} (${error.line}:${error.column})`;
    return compiledCell(cell, {body: `() => { throw new SyntaxError(${JSON.stringify(message)}); }`, error});
  }
}

/** The HTML a static Markdown or HTML cell shows before (and instead of) running: the author's
 * markup, kept but never running script (as `md` and `__html` do for cells with values). */
function staticHtmlOf(cell: Cell, text: string): string | undefined {
  if (cell.mode === "md") return renderMarkdown(text);
  if (cell.mode === "html") return sanitizeHtml(text, "trusted");
  return undefined;
}
