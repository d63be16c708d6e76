import type {Table} from "apache-arrow";
import type {DSVRowArray} from "d3";
import type {DuckDBClient} from "../data/index.ts";

/** What a {@link FileAttachment} needs from the page. */
export interface FileAttachmentHost {
  /** Fetches the file's URL. */
  fetch(url: string): Promise<Response>;
  /** The page database, for `parquet()`. */
  database(): Promise<DuckDBClient>;
  /** The document `image()` creates its element in. */
  document: Document | undefined;
}

/** Options of {@link FileAttachment.csv} and {@link FileAttachment.tsv}. */
export interface DsvOptions {
  /** Infer numbers, booleans, dates and empty values with `d3.autoType`. Default: `false` (strings). */
  typed?: boolean;
  /** Return arrays of cells instead of objects keyed by the header row. Default: `false`. */
  array?: boolean;
}

/**
 * A file attached to the notebook, as the `FileAttachment("name")` builtin returns it: nothing is
 * fetched until one of its readers is called.
 */
export class FileAttachment {
  /** The name the notebook asked for. */
  readonly name: string;
  /** Its MIME type (from the build, else from the extension). */
  readonly mimeType: string;
  /** The URL it is fetched from. */
  readonly href: string;
  readonly #host: FileAttachmentHost;

  constructor(name: string, href: string, mimeType: string, host: FileAttachmentHost) {
    this.name = name;
    this.href = href;
    this.mimeType = mimeType;
    this.#host = host;
  }

  /** The URL it is fetched from. */
  async url(): Promise<string> {
    return this.href;
  }

  /** The response, failing with the file's name and the HTTP status when it is not 2xx. */
  async #response(): Promise<Response> {
    const response = await this.#host.fetch(this.href);
    if (!response.ok) throw new Error(`FileAttachment "${this.name}": fetching ${this.href} failed: ${response.status} ${response.statusText}`.trim());
    return response;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.#response()).arrayBuffer();
  }

  async blob(): Promise<Blob> {
    return (await this.#response()).blob();
  }

  async text(): Promise<string> {
    return (await this.#response()).text();
  }

  /** The body as a stream of bytes. */
  async stream(): Promise<ReadableStream<Uint8Array>> {
    const body = (await this.#response()).body;
    if (body === null) throw new Error(`FileAttachment "${this.name}": the response has no body`);
    return body;
  }

  async json(): Promise<unknown> {
    const text = await this.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`FileAttachment "${this.name}" is not valid JSON: ${(error as Error).message}`, {cause: error});
    }
  }

  /** Comma-separated rows, keyed by the header row (see {@link DsvOptions}). */
  csv(options: DsvOptions = {}): Promise<DSVRowArray | unknown[]> {
    return this.#dsv(",", options);
  }

  /** Tab-separated rows, keyed by the header row (see {@link DsvOptions}). */
  tsv(options: DsvOptions = {}): Promise<DSVRowArray | unknown[]> {
    return this.#dsv("\t", options);
  }

  async #dsv(delimiter: string, {typed = false, array = false}: DsvOptions): Promise<DSVRowArray | unknown[]> {
    const [text, d3] = await Promise.all([this.text(), import("d3")]);
    const format = d3.dsvFormat(delimiter);
    if (array) return typed ? format.parseRows(text, d3.autoType as never) : format.parseRows(text);
    return typed ? format.parse(text, d3.autoType as never) : format.parse(text);
  }

  /** An Arrow IPC file (or stream) as an Arrow table. */
  async arrow(): Promise<Table> {
    const [bytes, {tableFromIPC}] = await Promise.all([this.arrayBuffer(), import("apache-arrow")]);
    return tableFromIPC(new Uint8Array(bytes));
  }

  /** A Parquet file as an Arrow table, read by the page's DuckDB. */
  async parquet(): Promise<Table> {
    const db = await this.#host.database();
    return db.readFile(this, "parquet");
  }

  /** An `<img>` of the file, resolved once it has loaded; `properties` are set on it. */
  image(properties: Partial<HTMLImageElement> = {}): Promise<HTMLImageElement> {
    const document = this.#host.document;
    if (document === undefined) return Promise.reject(new Error(`FileAttachment "${this.name}": image() needs a document`));
    return new Promise((resolve, reject) => {
      const image = document.createElement("img");
      Object.assign(image, properties);
      image.onload = () => resolve(image);
      image.onerror = () => reject(new Error(`FileAttachment "${this.name}": could not load the image at ${this.href}`));
      image.src = this.href;
    });
  }
}
