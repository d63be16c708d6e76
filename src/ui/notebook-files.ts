import {checkTableFileSize, maybeTableFormat, type FileSource, type TableFiles} from "../data/index.ts";
import {isTableFileName, tableNameOf} from "../shared/index.ts";
import type {FileReference} from "../share/index.ts";
import type {ResolvedFile} from "../stdlib/index.ts";

/** Where one of a notebook's files is. */
export interface NotebookFile {
  /** Where the page fetches it: beside the notebook, or an object URL of a file kept in this browser. */
  url: string;
  /** Default: from the name's extension. */
  mimeType?: string;
  /** Its bytes, for a file kept in this browser (read without fetching). */
  blob?: Blob;
}

interface Entry {
  file: NotebookFile;
  source: FileSource;
}

/**
 * The files of a page's notebook: those the build found beside it, and those attached since
 * (kept in this browser, or written beside it by the dev server). `FileAttachment` resolves
 * names here, and the page's DuckDB makes a table of each data file the notebook's cells name
 * (see {@link NotebookFiles.tables}): the cells are the notebook's record of its attachments.
 */
export class NotebookFiles {
  readonly #files = new Map<string, Entry>();
  /** Files a link refers to that the page lacks, or has other bytes of: why cells cannot read them, and which file the link means. */
  readonly #blocked = new Map<string, {reason: string; expected?: FileReference}>();
  #referenced: () => Iterable<string>;
  /** Bumped by every change of the files, so {@link tableFiles} knows when its last answer is stale. */
  #version = 0;
  /** The last {@link tableFiles} answer, with what it was made from. */
  #tableFiles?: {version: number; referenced: string[]; tables: Map<string, string>};

  /**
   * `built`: the files the build resolved. `referenced`: the file names the notebook's cells
   * give `FileAttachment`, in cell order (asked at each query: keep it cheap).
   */
  constructor(built: Record<string, NotebookFile>, referenced: () => Iterable<string>) {
    for (const [name, file] of Object.entries(built)) this.set(name, file);
    this.#referenced = referenced;
  }

  /**
   * Where `FileAttachment(name)` points, if the notebook has that file. Throws the reason for a
   * file set aside by {@link block}, so the cell that reads it says so.
   */
  resolve(name: string): ResolvedFile | undefined {
    const blocked = this.#blocked.get(name);
    if (blocked !== undefined) throw new Error(blocked.reason);
    return this.#files.get(name)?.file;
  }

  /**
   * Sets `name` aside until the right file is {@link set}: a link refers to it and the page does
   * not have it, or has other bytes under that name. Cells that read it (as a file or as a table)
   * fail with `reason` instead of giving a different result. `expected`: the file the link
   * means, which a link made from this page refers to in turn.
   */
  block(name: string, reason: string, expected?: FileReference): void {
    const previous = this.#files.get(name)?.file;
    if (previous?.blob) URL.revokeObjectURL(previous.url);
    this.#files.delete(name);
    this.#blocked.set(name, {reason, expected});
    this.#version++;
  }

  /** The file a link means by `name`, while the page does not have it (see {@link block}). */
  expected(name: string): FileReference | undefined {
    return this.#blocked.get(name)?.expected;
  }

  /** The file names the notebook's cells give `FileAttachment`, once each. */
  referenced(): string[] {
    return [...new Set(this.#referenced())];
  }

  /** Every file's name. */
  names(): string[] {
    return [...this.#files.keys()];
  }

  /** Adds a file, or replaces the one of that name (its table is made again at the next query). */
  set(name: string, file: NotebookFile): void {
    const previous = this.#files.get(name)?.file;
    if (previous?.blob && previous.url !== file.url) URL.revokeObjectURL(previous.url);
    this.#files.set(name, {file, source: fileSource(name, file)});
    this.#blocked.delete(name);
    this.#version++;
  }

  /** From now on, the cells' file names come from `referenced` (the editor's live notebook). */
  setReferences(referenced: () => Iterable<string>): void {
    this.#referenced = referenced;
  }

  /**
   * The data files the cells name that the notebook has, by table name (see `tableNameOf`): when
   * two give one table name, the first cell's wins. The same map (do not change it) while neither
   * the files nor the names the cells give changed.
   */
  tableFiles(): Map<string, string> {
    // Performance: every identifier of every query asks for this, and a table name costs Unicode
    // normalisation and regular expressions per file name; so the answer is kept until the files
    // or the cells' names change (comparing the names is cheap).
    const referenced = [...this.#referenced()];
    const last = this.#tableFiles;
    if (last?.version === this.#version && sameNames(last.referenced, referenced)) return last.tables;
    const tables = new Map<string, string>();
    for (const name of referenced) {
      if (!isTableFileName(name) || !(this.#files.has(name) || this.#blocked.has(name))) continue;
      const table = tableNameOf(name);
      if (!tables.has(table)) tables.set(table, name);
    }
    this.#tableFiles = {version: this.#version, referenced, tables};
    return tables;
  }

  /** The notebook's data files as the page's DuckDB sees them. */
  readonly tables: TableFiles = {
    get: (table) => {
      const name = this.tableFiles().get(table);
      if (name === undefined) return undefined;
      const blocked = this.#blocked.get(name);
      return blocked === undefined ? this.#files.get(name)?.source : blockedSource(name, blocked.reason);
    },
    names: () => [...this.tableFiles().keys()]
  };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * A file as DuckDB reads it: its size is checked before any byte is read (a file kept here knows
 * it; a served one says it in Content-Length), so a file too large is refused with advice, not
 * by the tab running out of memory.
 */
function fileSource(name: string, file: NotebookFile): FileSource {
  const format = maybeTableFormat(name, file.mimeType);
  const check = (size: number) => format && checkTableFileSize(size, format, name);
  /** The served file's response, refused (unread) when its Content-Length is too large. */
  const fetched = async () => {
    const response = await fetch(file.url);
    if (!response.ok) throw new Error(`fetching "${name}" from ${file.url} failed: ${response.status} ${response.statusText}`.trim());
    const length = response.headers.get("content-length");
    if (length !== null && /^\d+$/.test(length)) {
      try {
        check(Number(length));
      } catch (error) {
        await response.body?.cancel();
        throw error;
      }
    }
    return response;
  };
  return {
    name,
    mimeType: file.mimeType,
    async arrayBuffer() {
      if (file.blob) {
        check(file.blob.size);
        return file.blob.arrayBuffer();
      }
      return (await fetched()).arrayBuffer();
    },
    // A large file stays out of the page's memory: DuckDB's and the Parquet decoder's workers read it.
    async blob() {
      if (file.blob) {
        check(file.blob.size);
        return file.blob;
      }
      return (await fetched()).blob();
    }
  };
}

/** A file set aside: its table cannot be made, and the query says why. */
function blockedSource(name: string, reason: string): FileSource {
  return {
    name,
    arrayBuffer: () => Promise.reject(new Error(reason))
  };
}
