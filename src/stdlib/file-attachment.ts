import type {Table} from "apache-arrow";
import type {DSVRowArray} from "d3";
import {DataFileError, jsonProblem, loadParquetAsIPC, maybeTableFormat} from "../data/index.ts";
import {assertNever} from "../shared/index.ts";
import type {Workbook} from "./workbook.ts";
import type {ZipArchive} from "./zip-archive.ts";

/** Where an attachment's bytes come from. */
export type FileBody =
  /** A file the page fetches from `href` when a reader is called (a notebook's attached file). */
  | {type: "url"; href: string; fetch: (url: string) => Promise<Response>}
  /** Bytes already in memory: a file the reader chose, an entry of a zip archive. */
  | {type: "blob"; blob: Blob};

/** Options of {@link FileAttachment.dsv} (and, without `delimiter`, of `csv` and `tsv`). */
export interface DsvOptions {
  /** The one-character field separator. Default: `","`. */
  delimiter?: string;
  /** Infer numbers, booleans, dates and empty values with `d3.autoType`. Default: `false` (strings). */
  typed?: boolean;
  /** Return arrays of cells (the header row included) instead of objects keyed by it. Default: `false`. */
  array?: boolean;
}

/**
 * A file as cells read it: an attached file (`FileAttachment("name")`), a file the reader chose
 * in `Inputs.file`, or an entry of a zip archive. Nothing is read until a reader is called; each
 * reader fails naming the file.
 */
export class FileAttachment {
  /** The file's name (for an attached file, the name the notebook asked for). */
  readonly name: string;
  /** Its MIME type (from the build or the browser, else from the name's extension). */
  readonly mimeType: string;
  /** Its size in bytes, when known before reading (chosen files and zip entries). */
  readonly size: number | undefined;
  /** When it last changed, in milliseconds since 1970, when known (chosen files). */
  readonly lastModified: number | undefined;
  readonly #body: FileBody;
  readonly #document: Document | undefined;
  #objectUrl: string | undefined;

  /** `document` is where `image()` makes its element and where `xml()` finds a `DOMParser`. */
  constructor(name: string, mimeType: string, body: FileBody, document?: Document) {
    this.name = name;
    this.mimeType = mimeType;
    this.#body = body;
    this.#document = document;
    this.size = body.type === "blob" ? body.blob.size : undefined;
    const lastModified = body.type === "blob" ? (body.blob as Partial<File>).lastModified : undefined;
    this.lastModified = typeof lastModified === "number" ? lastModified : undefined;
  }

  /** A URL that loads the file: where it is served, or an object URL for bytes in memory. */
  get href(): string {
    switch (this.#body.type) {
      case "url":
        return this.#body.href;
      case "blob":
        return (this.#objectUrl ??= URL.createObjectURL(this.#body.blob));
      default:
        return assertNever(this.#body);
    }
  }

  /**
   * Where the file is served (an attached file), else `undefined` (bytes in memory). DuckDB reads
   * an attached file there a range at a time, with the page's `fetch`, not the body's own.
   */
  get servedAt(): string | undefined {
    return this.#body.type === "url" ? this.#body.href : undefined;
  }

  /** The same as {@link href} (Observable's older API). */
  async url(): Promise<string> {
    return this.href;
  }

  async #response(): Promise<Response> {
    switch (this.#body.type) {
      case "url": {
        const response = await this.#body.fetch(this.#body.href);
        if (!response.ok) throw this.#error(`fetching ${this.#body.href} failed: ${response.status} ${response.statusText}`.trim());
        return response;
      }
      case "blob":
        // The bytes, not the Blob: a Response reads only the Blob class of its own realm.
        return new Response(await this.#body.blob.arrayBuffer());
      default:
        return assertNever(this.#body);
    }
  }

  #error(message: string, cause?: unknown): Error {
    return new Error(`FileAttachment "${this.name}": ${message}`, cause === undefined ? undefined : {cause});
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.#response()).arrayBuffer();
  }

  async blob(): Promise<Blob> {
    return this.#body.type === "blob" ? this.#body.blob : (await this.#response()).blob();
  }

  /** The text, decoded as UTF-8 or as `encoding` (a label `TextDecoder` knows, e.g. `"latin1"`). */
  async text(encoding?: string): Promise<string> {
    if (encoding === undefined) return (await this.#response()).text();
    return new TextDecoder(encoding).decode(await this.arrayBuffer());
  }

  /** The body as a stream of bytes. */
  async stream(): Promise<ReadableStream<Uint8Array>> {
    const body = (await this.#response()).body;
    if (body === null) throw this.#error("the response has no body");
    return body;
  }

  async json(): Promise<unknown> {
    const text = await this.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      const {reason, position} = jsonProblem(text, error);
      throw new DataFileError(this.name, reason, position, {cause: error});
    }
  }

  /** Delimiter-separated rows (see {@link DsvOptions}). */
  async dsv({delimiter = ",", typed = false, array = false}: DsvOptions = {}): Promise<DSVRowArray | unknown[]> {
    // d3-dsv alone: the app's `import("d3")` is all of D3 (see src/vite/d3-members.ts).
    const [text, d3] = await Promise.all([this.text(), import("d3-dsv")]);
    if (delimiter.length !== 1) throw this.#error(`the delimiter must be one character, not ${JSON.stringify(delimiter)}`);
    const format = d3.dsvFormat(delimiter);
    if (array) return typed ? format.parseRows(text, d3.autoType as never) : format.parseRows(text);
    return typed ? format.parse(text, d3.autoType as never) : format.parse(text);
  }

  /** Comma-separated rows, keyed by the header row (see {@link DsvOptions}). */
  csv(options: Omit<DsvOptions, "delimiter"> = {}): Promise<DSVRowArray | unknown[]> {
    return this.dsv({...options, delimiter: ","});
  }

  /** Tab-separated rows, keyed by the header row (see {@link DsvOptions}). */
  tsv(options: Omit<DsvOptions, "delimiter"> = {}): Promise<DSVRowArray | unknown[]> {
    return this.dsv({...options, delimiter: "\t"});
  }

  /** An Arrow IPC file (or stream) as an Arrow table. */
  async arrow(): Promise<Table> {
    const [bytes, {tableFromIPC}] = await Promise.all([this.arrayBuffer(), import("apache-arrow")]);
    return tableFromIPC(new Uint8Array(bytes));
  }

  /** A Parquet file as an Arrow table (decoded in the page; DuckDB is not started for it). */
  async parquet(): Promise<Table> {
    const [ipc, {tableFromIPC}] = await Promise.all([this.#parquetIPC(), import("apache-arrow")]);
    return tableFromIPC(ipc);
  }

  /** The Parquet file as Arrow IPC stream bytes. */
  async #parquetIPC(): Promise<Uint8Array> {
    const bytes = new Uint8Array(await this.arrayBuffer());
    try {
      return await loadParquetAsIPC(bytes);
    } catch (error) {
      throw this.#error(`not a Parquet file this page can read: ${(error as Error).message}`, error);
    }
  }

  /**
   * An Arquero table, read by the file's type: CSV, TSV and JSON as text (`options` go to
   * `aq.fromCSV` or `aq.fromJSON`), Arrow and Parquet as Arrow data (`aq.fromArrow`).
   */
  async arquero(options: Record<string, unknown> = {}): Promise<unknown> {
    const format = maybeTableFormat(this.name, this.mimeType);
    if (format === undefined) throw this.#error(`arquero() reads csv, tsv, json, arrow and parquet files; this one is ${this.mimeType}`);
    const aq = await import("arquero");
    switch (format) {
      case "csv":
        return aq.fromCSV(await this.text(), options);
      case "tsv":
        return aq.fromCSV(await this.text(), {delimiter: "\t", ...options});
      case "json":
        return aq.fromJSON(await this.text(), options);
      case "arrow":
        return aq.fromArrow(new Uint8Array(await this.arrayBuffer()), options);
      case "parquet":
        return aq.fromArrow(await this.#parquetIPC(), options);
      default:
        return assertNever(format);
    }
  }

  /** An XML document; fails with the parser's message when the file is not well-formed. */
  async xml(mimeType: DOMParserSupportedType = "application/xml"): Promise<Document> {
    const parsed = this.#domParser().parseFromString(await this.text(), mimeType);
    const error = mimeType === "text/html" ? null : parsed.querySelector("parsererror");
    if (error !== null) throw this.#error(`not well-formed XML: ${error.textContent?.trim()}`);
    return parsed;
  }

  /** An HTML document (parsed, never inserted in the page; its scripts do not run). */
  html(): Promise<Document> {
    return this.xml("text/html");
  }

  #domParser(): DOMParser {
    const Parser = (this.#document?.defaultView as (Window & typeof globalThis) | null | undefined)?.DOMParser ?? globalThis.DOMParser;
    if (Parser === undefined) throw this.#error("reading XML or HTML needs a document");
    return new Parser();
  }

  /** A zip archive: `filenames` lists its files, `file(name)` returns one as a FileAttachment. */
  async zip(): Promise<ZipArchive> {
    const [bytes, {ZipArchive}] = await Promise.all([this.arrayBuffer(), import("./zip-archive.ts")]);
    return ZipArchive.open(this.name, new Uint8Array(bytes), this.#document);
  }

  /** An Excel workbook (.xlsx): `sheetNames`, and `sheet(name, {range, headers})` for its rows. */
  async xlsx(): Promise<Workbook> {
    const [bytes, {Workbook}] = await Promise.all([this.arrayBuffer(), import("./workbook.ts")]);
    return Workbook.open(this.name, new Uint8Array(bytes), (text) => this.#domParser().parseFromString(text, "application/xml"));
  }

  /** An `<img>` of the file (any image type the browser decodes), once loaded; `properties` are set on it. */
  image(properties: Partial<HTMLImageElement> = {}): Promise<HTMLImageElement> {
    const document = this.#document;
    if (document === undefined) return Promise.reject(this.#error("image() needs a document"));
    return new Promise((resolve, reject) => {
      const image = document.createElement("img");
      Object.assign(image, properties);
      image.onload = () => resolve(image);
      image.onerror = () => reject(this.#error(`could not load it as an image (type ${this.mimeType})`));
      image.src = this.href;
    });
  }
}
