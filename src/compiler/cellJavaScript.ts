import type {Cell, CellMode} from "../notebook/index.ts";
import {queryKey, renderMarkdown} from "../shared/index.ts";
import {parseTemplate} from "./parseTemplate.ts";
import {SourceError} from "./sourceError.ts";
import {stripTypes} from "./stripTypes.ts";
import {templateJavaScript} from "./templateJavaScript.ts";

/**
 * A cell as the JavaScript source every cell goes through (see `transpileJavaScript`): a js cell
 * as written; a Markdown, HTML, TeX or SQL cell as one tagged template expression.
 */
export interface CellJavaScript {
  /** The JavaScript source: an expression or a program. */
  source: string;
  /** Maps an offset in `source` to the offset of the same character in the cell's source. */
  toCell(offset: number): number;
  /** A template cell's text when it has no `${...}` (static Markdown and HTML). */
  staticText?: string;
  /** Display the value even when the source is not an expression (template modes). Default false. */
  autodisplay?: boolean;
  /** A SQL cell whose query the build runs (see `CompiledCell.query`). */
  query?: {database: string; sql: string; key: string};
  /** A data loader cell the build runs (see `CompiledCell.loader`). */
  loader?: {mode: LoaderMode; source: string; format: string; key: string};
}

/** The modes of data loader cells: programs the build runs on the machine. */
type LoaderMode = "node" | "python" | "r";

/** Turns one mode's cell into JavaScript; throws a `SourceError` for a cell that cannot run. */
export type ToJavaScript = (cell: Cell) => CellJavaScript;

const identity = (cell: Cell): CellJavaScript => ({source: cell.source, toCell: (offset) => offset});

/**
 * A data loader cell (Node.js, Python, R): the build runs its program with the notebook's folder
 * as working directory and keeps what it prints, which the page reads in the cell's `format`
 * through the `__loader` builtin. The program is not JavaScript: `${...}` in it is text.
 */
function loaderJavaScript(cell: Cell & {mode: LoaderMode}): CellJavaScript {
  const format = cell.extra.find((attribute) => attribute.name.toLowerCase() === "format")?.value ?? "";
  const key = queryKey(`${cell.mode}:${format}`, cell.source);
  return {
    source: `__loader(${JSON.stringify(cell.mode)}, ${JSON.stringify(key)}, ${JSON.stringify(format)})`,
    toCell: () => 0,
    loader: {mode: cell.mode, source: cell.source, format, key}
  };
}

const identifier = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/**
 * A sql cell: a query on its database (`database="var:NAME"`, default `var:db`) through the
 * `__sql` builtin, which binds each `${...}` as a parameter and cancels the query when the cell
 * is invalidated (an input changed, the cell was interrupted).
 */
function sqlJavaScript(cell: Cell): CellJavaScript {
  const database = cell.database ?? "var:db";
  if (!database.startsWith("var:")) return buildQueryJavaScript(cell, database);
  const name = database.slice(4);
  if (!identifier.test(name)) {
    throw new SourceError(`Database "${database}" is not supported: a var: database names a variable, such as var:db`, 0);
  }
  return templateJavaScript(cell.source, `__sql(${name}, invalidation)`);
}

/**
 * A sql cell on any database but a `var:` one: a DuckDB or SQLite file (`database="cases.duckdb"`)
 * or a name from the notebook folder's `.observable/databases.json`. The build runs its query
 * on the machine (and says there which databases it cannot run) and the page reads the result
 * through the `__query` builtin, by the query's key. The query cannot use `${...}`: no reader's
 * value exists when the site is built.
 */
function buildQueryJavaScript(cell: Cell, database: string): CellJavaScript {
  const {expressions} = parseTemplate(cell.source);
  if (expressions.length > 0) {
    throw new SourceError(`A query on "${database}" runs when the site is built, before any reader's values exist, so it cannot use \${...}: filter its result in a JavaScript cell, or query a var: database`, expressions[0]!.start - 2);
  }
  const key = queryKey(database, cell.source);
  const js = templateJavaScript(cell.source, `__query(${JSON.stringify(database)}, ${JSON.stringify(key)})`);
  return {...js, staticText: undefined, query: {database, sql: cell.source, key}};
}

/**
 * A Markdown cell: rendered here, once, with a slot for each `${...}` value, so the page fills
 * the slots (the `__md` builtin) and never needs a Markdown renderer. Values stay values, as with
 * the `md` tag: text as text, a node as that node.
 */
function markdownJavaScript(cell: Cell): CellJavaScript {
  const {quasis} = parseTemplate(cell.source);
  // A slot prefix found nowhere in the text, so no authored text is read as a slot.
  let n = 0;
  while (cell.source.toLowerCase().includes(`maptslot${n}x`)) n++;
  const prefix = `MAPTSLOT${n}X`;
  const html = renderMarkdown(quasis.map((text, i) => (i === 0 ? text : `${prefix}${i - 1}X${text}`)).join(""));
  // `<` as an escape: the body's text never holds a tag or an HTML comment opener.
  const literal = (text: string) => JSON.stringify(text).replace(/</g, "\\u003c");
  return templateJavaScript(cell.source, `__md(${literal(html)}, ${literal(prefix)})`, {valuesOnly: true});
}

/**
 * How each mode becomes JavaScript; one more mode is one more entry. Modes that run only at
 * build time or not at all throw here, so their cells show why.
 */
export const javascriptOfMode: Record<Exclude<CellMode, "ojs">, ToJavaScript> = {
  js: identity,
  // Types become spaces, so the JavaScript's positions are the cell's.
  ts: (cell) => ({source: stripTypes(cell.source), toCell: (offset) => offset}),
  md: markdownJavaScript,
  // htl inserts values as text; `__html` also keeps the author's markup from running script.
  html: (cell) => templateJavaScript(cell.source, "__html"),
  tex: (cell) => templateJavaScript(cell.source, "tex.block", {raw: true}),
  sql: sqlJavaScript,
  dot: (cell) => templateJavaScript(cell.source, "dot", {raw: true}),
  node: (cell) => loaderJavaScript({...cell, mode: "node"}),
  python: (cell) => loaderJavaScript({...cell, mode: "python"}),
  r: (cell) => loaderJavaScript({...cell, mode: "r"})
};
