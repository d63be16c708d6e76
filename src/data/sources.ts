import type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
import {maybeTableFormat, TABLE_FORMATS, type TableFormat} from "./formats.ts";
import type {FileLoadOptions, FileLoadProgress} from "./file-load.ts";
import {fetchBytes, toBytes, type LoadBytes} from "./load-bytes.ts";
import type {RemoteFile} from "./remote-file.ts";

/** A file handle such as a `FileAttachment`: its name (and MIME type) tell the format. */
export interface FileSource {
  readonly name: string;
  readonly mimeType?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The contents as a Blob, when the source can give one without reading it (preferred for large files). */
  blob?(): Promise<Blob>;
  /**
   * Where the file is served, when it is read from a URL (an attached file), else `undefined`:
   * a large file is then read there a range at a time rather than fetched whole.
   */
  readonly servedAt?: string;
}

/** An Arrow JS table (apache-arrow). */
export interface ArrowTableSource {
  readonly schema: {readonly fields: readonly unknown[]};
  getChild(name: string): unknown;
}

/** An arquero table: crosses into DuckDB as Arrow IPC bytes. */
export interface ArqueroSource {
  toArrowIPC(options?: Record<string, unknown>): Uint8Array;
}

/**
 * What `DuckDBClient.of({name: source})` accepts: a file handle (csv, tsv, json, arrow or parquet
 * by name or MIME type), an Arrow table, an arquero table, an array of row objects, or the URL of
 * such a file.
 */
export type DuckDBSource = FileSource | ArrowTableSource | ArqueroSource | readonly Record<string, unknown>[] | string;

let registrations = 0;

/** Reading a file where it is served (remote-file.ts), loaded with the first such file: no page's start needs it. */
const remoteFiles = () => import("./remote-file.ts");

/**
 * Creates table `name` on the connection's current database from one {@link DuckDBSource}.
 * `format` overrides what a file's or URL's name tells.
 */
export async function insertSource(
  connection: DuckDBConnection,
  instance: DuckDBInstance,
  name: string,
  source: DuckDBSource,
  loadBytes: LoadBytes,
  format?: TableFormat,
  load: FileLoadOptions & {table?: string} = {}
): Promise<void> {
  const file = (data: Uint8Array | Blob | RemoteFile, format: TableFormat, fileName: string) => insertFile(connection, instance, name, data, format, fileName, load);
  if (typeof source === "string") {
    // Where the page fetches, only the file's size is asked for here: the file is read where it
    // is, a range at a time, or fetched once it is known to fit (see `createTableFromFile`).
    const data = loadBytes === fetchBytes ? await (await remoteFiles()).openRemoteFile(source) : toBytes(await loadBytes(source));
    return file(data, format ?? formatOf(name, source), fileNameOf(source));
  }
  if (Array.isArray(source)) {
    if (source.length === 0) throw new Error(`DuckDBClient.of: table "${name}" is an empty array; a table needs at least one row to have columns`);
    const {tableFromJSON, tableToIPC} = await import("apache-arrow");
    return connection.insertArrowFromIPCStream(tableToIPC(tableFromJSON(source as Record<string, unknown>[]), "stream"), name);
  }
  if (isArquero(source)) return connection.insertArrowFromIPCStream(source.toArrowIPC({format: "stream"}), name);
  if (isArrowTable(source)) {
    const {tableToIPC} = await import("apache-arrow");
    return connection.insertArrowFromIPCStream(tableToIPC(source as never, "stream"), name);
  }
  if (isFile(source)) {
    // An attached file served over HTTP is read there; one the page cannot ask for ranges (a
    // file path where there is no page) is read through the attachment itself.
    const served = source.servedAt === undefined ? undefined : await openServedFile(source.servedAt);
    const data = served ?? (typeof source.blob === "function" ? await source.blob() : new Uint8Array(await source.arrayBuffer()));
    return file(data, format ?? formatOf(name, source.name, source.mimeType), source.name);
  }
  throw new Error(
    `DuckDBClient.of: table "${name}" has an unsupported source; expected a FileAttachment, an Arrow or arquero table, an array of objects or a URL`
  );
}

/** The format of a file source by its name and MIME type, failing with both when neither tells. */
export function readSourceFormat(file: FileSource): TableFormat {
  return formatOf(file.name, file.name, file.mimeType);
}

/**
 * Makes table `name` of a file's bytes (which are handed over: a Parquet file's go to its
 * decoder's worker), telling `load.onProgress` as it goes under `load.table` (default: `name`).
 */
async function insertFile(
  connection: DuckDBConnection,
  instance: DuckDBInstance,
  name: string,
  bytes: Uint8Array | Blob | RemoteFile,
  format: TableFormat,
  fileName: string,
  load: FileLoadOptions & {table?: string}
) {
  const registeredName = `sources/${++registrations}/${name}.${format}`;
  const table = load.table ?? name;
  const totalBytes = (bytes instanceof Uint8Array ? bytes.byteLength : bytes.size) ?? 0;
  const onProgress = load.onProgress && ((progress: Omit<FileLoadProgress, "table" | "file">) => load.onProgress!({table, file: fileName, ...progress}));
  try {
    // A user's file is what needs the loaders (CSV checks, Parquet off the main thread): loaded then.
    const {createTableFromFile} = await import("./table-file.ts");
    await createTableFromFile(connection, instance, {name, bytes, format, registeredName, fileName, onProgress, memoryBudget: load.memoryBudget, handOver: true}, "table");
  } catch (error) {
    load.onProgress?.({table, file: fileName, phase: "failed", bytes: 0, totalBytes});
    throw error;
  }
}

/** The file at `url` when the page can ask its server for ranges (an HTTP address), else `undefined`. */
async function openServedFile(url: string): Promise<RemoteFile | undefined> {
  const {httpAddress, openRemoteFile} = await remoteFiles();
  const address = httpAddress(url);
  return address === undefined ? undefined : openRemoteFile(address);
}

/** A URL's last path segment (no query or hash): the file's name as its user knows it. */
function fileNameOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0]!;
  return decodeURIComponentSafe(path.slice(path.lastIndexOf("/") + 1)) || url;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function formatOf(table: string, file: string, mimeType?: string): TableFormat {
  const format = maybeTableFormat(file, mimeType);
  if (format !== undefined) return format;
  const type = mimeType === undefined ? "" : ` (type ${mimeType})`;
  throw new Error(`DuckDBClient.of: cannot tell the format of table "${table}" from "${file}"${type}; use a ${TABLE_FORMATS.map((f) => `.${f}`).join(", ")} file`);
}

function isArquero(source: object): source is ArqueroSource {
  return typeof (source as Partial<ArqueroSource>).toArrowIPC === "function";
}

function isArrowTable(source: object): source is ArrowTableSource {
  const table = source as Partial<ArrowTableSource>;
  return typeof table.getChild === "function" && Array.isArray(table.schema?.fields);
}

function isFile(source: object): source is FileSource {
  const file = source as Partial<FileSource>;
  return typeof file.name === "string" && typeof file.arrayBuffer === "function";
}
