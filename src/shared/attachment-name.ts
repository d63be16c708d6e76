/**
 * Names of the data files attached to a notebook, shared by the editor (which names a chosen
 * file), the dev server's attach endpoint (which accepts only names of this form) and the
 * database (which makes each attached file a table).
 */

/** The extensions of the files that can be attached as tables, lower case, in the order messages list them. */
export const ATTACHMENT_EXTENSIONS = ["csv", "tsv", "json", "parquet", "arrow"] as const;

/** One of {@link ATTACHMENT_EXTENSIONS}. */
export type AttachmentExtension = (typeof ATTACHMENT_EXTENSIONS)[number];

/** The file name an attachment is stored under, and the SQL table it becomes. */
export interface AttachmentName {
  /** Lower-case ASCII letters, digits, `-` and `_`, then the extension: `deaths-2011.csv`. */
  file: string;
  /** The table: `deaths_2011`. */
  table: string;
}

/** Longest stem of an attachment's file name, in characters. */
const maxStemLength = 80;

/** The exact form of an attachment's file name; anything else is refused by the attach endpoint. */
const attachmentFileName = new RegExp(`^[a-z0-9][a-z0-9_-]{0,${maxStemLength - 1}}\\.(?:${ATTACHMENT_EXTENSIONS.join("|")})$`);

/** DuckDB's reserved keywords (`duckdb_keywords()`, category "reserved"): not usable as bare table names. */
const reservedWords = new Set(
  ("all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default " +
    "deferrable desc describe distinct do else end except false fetch for foreign from group having in initially " +
    "intersect into lambda lateral leading limit not null offset on only or order pivot pivot_longer pivot_wider " +
    "placing primary qualify references returning select show some summarize symmetric table then to trailing true " +
    "union unique unpivot using variadic when where window with").split(" ")
);

/** The lower-case extension of a file name (after its last dot, path ignored), or `""`. */
function extensionOf(name: string): string {
  const base = name.split("/").pop()!;
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** `text` in lower-case ASCII letters, digits and `_`, accents dropped, every run of other characters one `separator`. */
function words(text: string, separator: "-" | "_"): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, separator)
    .replace(/^[-_]+|[-_]+$/g, "");
}

/** Whether a file name (or FileAttachment name) has an extension that can be attached as a table. */
export function isTableFileName(name: string): boolean {
  return (ATTACHMENT_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}

/** Whether `name` is an attachment file name exactly as {@link maybeAttachmentName} makes them. */
export function isAttachmentFileName(name: string): boolean {
  return attachmentFileName.test(name);
}

/**
 * The name to store a chosen file under, and its table: accents dropped, lower case, every run
 * of other characters one `-` (`Décès 2011 (UN).CSV` → `deces-2011-un.csv`, table
 * `deces_2011_un`). `undefined` when the file is not of an attachable format.
 */
export function maybeAttachmentName(original: string): AttachmentName | undefined {
  const extension = extensionOf(original);
  if (!isTableFileName(original)) return undefined;
  const base = original.split(/[\\/]/).pop()!;
  const stem = words(base.slice(0, base.length - extension.length - 1), "-").slice(0, maxStemLength).replace(/[-_]+$/, "") || "data";
  const file = `${stem}.${extension}`;
  return {file, table: tableNameOf(file)};
}

/**
 * The SQL table an attached file becomes: the file's name without folder and extension, made an
 * identifier that needs no quotes (`deaths.csv` → `deaths`, `data/Deaths 2011.csv` →
 * `deaths_2011`, `2011.csv` → `t_2011`, `order.csv` → `order_table`).
 */
export function tableNameOf(fileName: string): string {
  const base = fileName.split("/").pop()!;
  const dot = base.lastIndexOf(".");
  const stem = words(dot <= 0 ? base : base.slice(0, dot), "_");
  if (stem === "") return "data";
  if (/^[0-9]/.test(stem)) return `t_${stem}`;
  return reservedWords.has(stem) ? `${stem}_table` : stem;
}
