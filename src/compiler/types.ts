import type {CellId, CellMode} from "../notebook/index.ts";

/** A compile error of one cell, positioned in that cell's source (1-based). */
export interface CompileError {
  message: string;
  line: number;
  column: number;
}

/**
 * One cell, compiled: everything the runtime needs to define it, nothing about the DOM.
 *
 * Calling the function whose source is `body` with the values of `inputs` (in order) gives:
 * - when `output` is set: that variable's value (ojs named cells, sql cells with output=);
 * - when `outputs` is non-empty: an object holding one property per name in `outputs`;
 * - otherwise: the value to display when `autodisplay`, or nothing.
 * The result may be a promise (top-level await) or a generator (yield).
 */
export interface CompiledCell {
  id: CellId;
  mode: CellMode;
  /**
   * JS source of a function expression, e.g. `async (Plot, x) => { ... }`. md, html, tex and sql
   * bodies call their tag (`md`, `html`, `tex.block`, `db.sql`) with the cell's exact text in the
   * template's cooked `strings`; a tag must not read `strings.raw`. ojs bodies are `function`s, so
   * `this` is the variable's previous value as in Observable.
   */
  body: string;
  /**
   * Free references the body reads, in parameter order (other cells' names and builtins). Two
   * kinds of names need care: ojs reads `viewof x` and `mutable x` (the parameters are named
   * `viewof$x` and `mutable$x`; the body uses `mutable$x.value`), and cells with imports read
   * `__import`, a builtin `(specifier: string, options?: {with?: object; names?: string[]}) => Promise<module>`
   * that resolves a specifier as written (`npm:d3`, `d3`, `./x.js`) to the module's namespace.
   */
  inputs: string[];
  /** Top-level declarations of a program cell, exposed to other cells. */
  outputs: string[];
  /** The single variable this cell defines under a name (ojs `x = ...`, `viewof x`, sql `output=`). */
  output?: string;
  /** Display the returned value (expression cells, md/html/tex, sql). */
  autodisplay: boolean;
  /** ojs `viewof x`: `output` is "viewof x" and `x` is its current input value. */
  autoview: boolean;
  /** ojs `mutable x`: `output` is "mutable x" and `x` is its current value. */
  automutable: boolean;
  /** Literal names passed to `FileAttachment(...)`, for the build to resolve. */
  files: string[];
  /** Module specifiers as written (`npm:d3`, `d3`, `./x.js`) of static imports and of dynamic
   * `import("...")` of a literal string, so the build can bundle them. */
  imports: string[];
  /**
   * Names of the inputs the cell declares with `const name = view(input)`, in source order; the
   * body passes each name to `view` as a second argument, so the page can read and restore
   * inputs by name (share links).
   */
  views: string[];
  /**
   * Pre-rendered HTML for a md/html cell with no `${...}`: the page can show it before any
   * script runs, and the runtime may skip the cell.
   */
  staticHtml?: string;
  /**
   * A SQL cell on a DuckDB or SQLite file: the build runs `sql` on `database` (relative to the
   * notebook's folder) and hands the page its result under `key`, which the body's `__query`
   * builtin looks up.
   */
  query?: {database: string; sql: string; key: string};
  /**
   * A data loader cell (`node`, `python`, `r` modes): the build runs `source` with that
   * interpreter in the notebook's folder and hands the page what it printed under `key`, read in
   * `format` (Notebook Kit's `format` attribute: json, csv, text, html, png...; "" for a file).
   */
  loader?: {mode: "node" | "python" | "r"; source: string; format: string; key: string};
  /** Set when the cell cannot compile; `body` then throws this error when run. */
  error?: CompileError;
}

/** Options of `compileCell` and `compileNotebook`. */
export interface CompileOptions {
  /**
   * Names a cell may read without them becoming inputs. Default: `defaultGlobals` (JavaScript
   * and common browser globals).
   */
  globals?: ReadonlySet<string>;
}
