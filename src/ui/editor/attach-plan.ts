import {checkTableFileSize, maybeTableFormat} from "../../data/index.ts";
import {ATTACHMENT_EXTENSIONS, maybeAttachmentName, type AttachmentName} from "../../shared/index.ts";

/** A file the user chose or dropped, as the plan needs it (a `File` is one). */
export interface ChosenFile {
  name: string;
  size: number;
}

/** What to do with one chosen file. */
export type AttachPlan =
  /** An HTML file: perhaps a notebook, which is opened (after asking), never attached. */
  | {type: "open"}
  /** Not attached, for this reason (shown to the user). */
  | {type: "refuse"; message: string}
  /** Attach it as `name`; `existing` says what already has its table name (ask before replacing). */
  | {type: "attach"; name: AttachmentName; existing?: string};

const formats = ATTACHMENT_EXTENSIONS.map((extension) => extension === "json" ? "JSON" : extension === "parquet" ? "Parquet" : extension === "arrow" ? "Arrow" : extension.toUpperCase());
const formatList = `${formats.slice(0, -1).join(", ")} or ${formats.at(-1)}`;

/**
 * Decides what attaching `file` means, before a byte of it is read: a notebook file is for
 * opening, a file of another format or too large for the page is refused with what to do, and
 * a data file is attached under a safe name (see `maybeAttachmentName`). `existing` maps each
 * table name the page's database has (lower case) to what it is, e.g. "the attached file
 * deaths.csv".
 */
export function planAttachment(file: ChosenFile, existing: ReadonlyMap<string, string>): AttachPlan {
  if (/\.html?$/i.test(file.name)) return {type: "open"};
  const name = maybeAttachmentName(file.name);
  if (name === undefined) {
    return {type: "refuse", message: `"${file.name}" was not attached: a notebook's data files are ${formatList} files, which become tables. Save it in one of these formats first.`};
  }
  if (file.size === 0) return {type: "refuse", message: `"${file.name}" was not attached: it is empty.`};
  try {
    checkTableFileSize(file.size, maybeTableFormat(name.file)!, file.name);
  } catch (error) {
    return {type: "refuse", message: `Not attached: ${(error as Error).message}`};
  }
  const what = existing.get(name.table);
  return what === undefined ? {type: "attach", name} : {type: "attach", name, existing: what};
}

/**
 * The first name like `name` whose table is not taken (`deaths.csv` → `deaths-2.csv`, table
 * `deaths_2`), for keeping both a file and the table it would replace.
 */
export function freeAttachmentName(name: AttachmentName, existing: ReadonlyMap<string, string>): AttachmentName {
  const dot = name.file.lastIndexOf(".");
  for (let n = 2; ; n++) {
    const free = maybeAttachmentName(`${name.file.slice(0, dot)}-${n}${name.file.slice(dot)}`)!;
    if (!existing.has(free.table)) return free;
  }
}

/**
 * The source of the cell that records an attached file: the notebook names the file, as Notebook
 * Kit reads it, and says which table it is. `original` is the name the file was chosen under.
 */
export function attachmentCellSource(name: AttachmentName, original: string): string {
  const file = original === name.file ? name.file : `"${original}" (as ${name.file})`;
  return `// ${file} is attached to this notebook: SQL cells query it as the table ${name.table}.\nFileAttachment(${JSON.stringify(name.file)})`;
}
