import type {StepCounter, TagAttribute} from "../shared/index.ts";

export type {StepCounter, TagAttribute};

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
  /**
   * How the notebook was written in the file it was read from; absent for a new notebook.
   * `serializeNotebook` writes the file's own bytes for everything that has not changed since.
   */
  file?: NotebookFile;
}

/**
 * A notebook file as read, cut into the parts `serializeNotebook` puts back together: the text
 * before the first cell, each cell with the text before it, and the text after the last cell.
 * Comments, elements and text between cells live in these parts, so they are written back where
 * they were.
 */
export interface NotebookFile {
  /** Everything before the first cell except the whitespace just before it (the doctype, the
   * `<notebook>` tag, the title...); with no cells, everything up to where new cells go. */
  head: string;
  /** The cells in the order they were read. */
  cells: CellText[];
  /** Everything after the last cell (`</notebook>` and what follows). */
  tail: string;
  /** The file's line ending (its first one), used for the parts written anew. */
  newline: "\n" | "\r\n" | "\r";
  /** The first `<notebook>` start tag, within `head`; absent when the file has none. */
  root?: TagText;
  /** Where the first `<title>`'s content is: in `head`, in `tail`, or in the text before a cell. */
  title?: {in: "head" | "tail" | CellId; start: number; end: number};
  /** The notebook's saved fields as read, to tell what changed since. */
  read: Pick<Notebook, "title" | "theme" | "readOnly" | "extra">;
}

/** A start tag as written, with where each of its attributes is, to rewrite some and keep the rest. */
export interface TagText {
  /** Offset of the tag's `<` in the part that holds it (0 for a cell's own tag). */
  start: number;
  /** The tag as written, `<` to `>`. */
  text: string;
  /** Offset in `text` just after the tag's name. */
  nameEnd: number;
  /** Every attribute as written, duplicates included, with offsets in `text`. */
  attributes: TagAttribute[];
}

/** One cell as written in the file it was read from. */
export interface CellText {
  /** The cell's id once read (after any renumbering). */
  id: CellId;
  /** The text between the previous cell (or `head`) and this cell's `<script`. */
  before: string;
  startTag: TagText;
  /** The text between the start tag and the end tag, exactly as written. */
  body: string;
  /** The end tag as written; `""` when the file ended inside the cell. */
  endTag: string;
  /** The cell's saved fields as read: while the cell still equals them, its bytes are kept. */
  read: Cell;
}

/** A problem found while reading a file: it was repaired or skipped, never thrown. */
export interface ParseDiagnostic {
  /** 1-based line in the file. */
  line: number;
  message: string;
  /**
   * `"error"`: the file is broken in a way that hides or garbles content (an unclosed `<script>`,
   * comment or title, no `<notebook>`), shown to readers. `"warning"`: something Notebook Kit
   * repairs or ignores silently (ids renumbered, text between cells, a duplicate attribute),
   * shown to authors (`check --strict`, the editor) only.
   */
  severity: "warning" | "error";
  /** The cell the problem belongs to, when it belongs to one. */
  cell?: CellId;
}

/** What `readNotebook` returns: the document and every problem it repaired or could not. */
export interface ParseResult {
  notebook: Notebook;
  diagnostics: ParseDiagnostic[];
}
