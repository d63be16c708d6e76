/**
 * The notebook document: what is saved. Live state (status, value, error, timing) never lives here.
 * Format: Observable Notebook Kit 2.0 HTML (see DESIGN.md, "The notebook file").
 */

/** A cell's language, from its `<script type>`. */
export type CellMode =
  | "js" // type="module" (the default)
  | "ts" // text/x-typescript
  | "ojs" // application/vnd.observable.javascript
  | "md" // text/markdown
  | "html" // text/html
  | "tex" // application/x-tex
  | "sql" // application/sql
  | "dot" // text/vnd.graphviz (Graphviz, drawn by the `dot` builtin)
  | "node" // application/vnd.node.javascript (kept; not run)
  | "python" // text/x-python (kept; not run)
  | "r"; // text/x-r (kept; not run)

/** Branded positive-integer cell id, stable across edits and saves. */
export type CellId = number & {readonly __brand: "CellId"};

/** An attribute we do not interpret, kept in order and written back as it was. */
export interface ExtraAttribute {
  name: string;
  /** `null` for a boolean attribute written without a value. */
  value: string | null;
}

/** One cell of the document. */
export interface Cell {
  id: CellId;
  mode: CellMode;
  /**
   * The cell's source with the file's indentation removed and `<\/script>` unescaped; kept exactly
   * (a file we wrote reads back the same source, trailing newlines included).
   */
  source: string;
  /** Show the code when reading. Boolean by presence in the file. */
  pinned: boolean;
  /** Hide the cell's output when reading. Boolean by presence in the file. */
  hidden: boolean;
  /** The variable name a sql cell (or loader) exposes its result as. */
  output?: string;
  /** The database a sql cell queries; `undefined` means the default `var:db`. */
  database?: string;
  /** Attributes we do not interpret, kept for a byte-stable round trip. */
  extra: ExtraAttribute[];
  /**
   * The `type` attribute as read, only when it names no known mode (e.g. "text/plain"). Such a
   * cell keeps `mode: "js"` (Notebook Kit's default, so editors highlight something sensible),
   * is written back with this type unchanged, and compiles to an error instead of running.
   * An editor that changes the cell's mode drops this field.
   */
  type?: string;
}

/** A whole notebook document. */
export interface Notebook {
  title: string;
  /** Root `theme` attribute; `undefined` when absent (Notebook Kit's default is "air"). */
  theme?: string;
  readOnly: boolean;
  cells: Cell[];
  /** Attributes of the root `<notebook>` other than theme and readonly; absent when none. */
  extra?: ExtraAttribute[];
  /** Elements, comments and text between cells that are not cells; absent when none. */
  nodes?: PreservedNode[];
}

/**
 * Something in the file that is not a cell (`<meta>`, `<style>`, a comment, stray text), kept and
 * written back as it was read.
 */
export interface PreservedNode {
  /**
   * The node's source text exactly as read (an element with all its content, a comment, stray
   * text), starting with its indentation so that it is written back at the same column.
   */
  text: string;
  /** Written just before the cell with this id; at the end of the notebook when `undefined` or
   * when no such cell remains. */
  before?: CellId;
}

/** A problem found while reading a file: it was repaired or skipped, never thrown. */
export interface ParseDiagnostic {
  /** 1-based line in the file. */
  line: number;
  message: string;
  severity: "warning" | "error";
}

/** What `readNotebook` returns: the document and every problem it repaired or could not. */
export interface ParseResult {
  notebook: Notebook;
  diagnostics: ParseDiagnostic[];
}
