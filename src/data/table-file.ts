import type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
import {DataFileError} from "./errors.ts";
import {jsonProblem} from "./json-problem.ts";
import {quoteIdentifier, readFileSql, type TableFormat} from "./formats.ts";
import {checkMemoryBudget, defaultMemoryBudget, estimateFileMemory, queryAtBuildTime, type FileLoadProgress} from "./file-load.ts";
import {streamParquetBatchesOffThread} from "./parquet-off-thread.ts";
import {checkDelimitedTable, raggedLines} from "./delimited-check.ts";
import {fetchBlob, fetchBytes} from "./load-bytes.ts";
import {isRemoteFile, readRange, type RemoteFile} from "./remote-file.ts";

/** What {@link createTableFromFile} needs to know about one file. */
export interface TableFile {
  /** The SQL name to create. */
  name: string;
  /**
   * The file's contents: bytes, a `Blob` (a user's file), or a file at a URL (see
   * {@link RemoteFile}). A Blob is never read whole on the page's thread: Parquet's worker and
   * (for CSV and TSV, where the engine can) DuckDB's worker read it a slice at a time. A URL
   * whose server reads ranges is read the same way, a range at a time; else it is fetched as a
   * Blob, once the memory check passed on the size its server told.
   */
  bytes: Uint8Array | Blob | RemoteFile;
  /** Its format. */
  format: TableFormat;
  /** A name to register the bytes under, unique in the instance. */
  registeredName: string;
  /** The file's name as its user knows it, for messages. */
  fileName: string;
  /** Told as the table fills (the table and file names are the caller's to add). Default: nothing. */
  onProgress?: (progress: Omit<FileLoadProgress, "table" | "file">) => void;
  /** See `FileLoadOptions.memoryBudget`. Default: {@link defaultMemoryBudget}. */
  memoryBudget?: number;
  /** The bytes are the caller's to give away (read for this table only): no copy is made of them. */
  handOver?: boolean;
}

/**
 * Makes a file queryable as `name` on the connection's current database. CSV and TSV honour
 * `kind`: `"view"` keeps the file registered and reads it on every query (cheap to create: the
 * catalog's choice), `"table"` copies the rows in and drops the file. JSON, Parquet and Arrow
 * files are decoded in JS and always become tables: DuckDB-WASM's JSON and Parquet readers are
 * extensions it would download at run time (see `parquetToIPCStream`; Parquet is decoded in a worker).
 *
 * A file that cannot be a table fails with a {@link DataFileError} naming `fileName` (and the
 * line and column where the format has them): an empty file, invalid JSON, a damaged Parquet
 * file, a CSV whose rows do not all have the header's number of fields, a file whose table would
 * take more memory than the page's budget (checked before it is decoded, and for a file at a URL,
 * before it is fetched). Nothing is left behind.
 *
 * A Parquet file goes into DuckDB row group by row group as the worker decodes them: the first
 * creates the table, the others append, so neither thread ever holds the whole table as Arrow.
 */
export async function createTableFromFile(
  connection: DuckDBConnection,
  instance: DuckDBInstance,
  file: TableFile,
  kind: "view" | "table"
): Promise<void> {
  const budget = file.memoryBudget ?? defaultMemoryBudget();
  const report = file.onProgress ?? (() => {});
  const source = file.bytes;
  const remote = isRemoteFile(source) ? source : undefined;
  const delimited = file.format === "csv" || file.format === "tsv";
  // Read where it is, by DuckDB's worker: only the table takes DuckDB's memory, not the file too.
  const inPlace = delimited && (remote?.ranges ? instance.registerFileUrl !== undefined : !(source instanceof Uint8Array) && instance.registerFileBlob !== undefined);
  const checkMemory = (size: number) => {
    if (file.format !== "parquet") checkMemoryBudget(file.fileName, estimateFileMemory(size, file.format, inPlace), budget);
  };
  // A file at a URL is refused on the size its server told, before a byte of it is fetched.
  if (remote?.size !== undefined) checkMemory(remote.size);
  const readsRanges = remote?.ranges === true && (file.format === "parquet" || inPlace);
  const data = remote && !readsRanges ? await fetchBlob(remote.url) : source;
  const totalBytes = sizeOf(data);
  if (remote?.size === undefined) checkMemory(totalBytes);
  // The first 64 kB: enough to see a blank file (most are small) and a delimited file's header.
  const head = await headOf(data, 65536);
  if (isBlank(head) && (totalBytes <= head.byteLength || isBlank(await bytesOf(data)))) {
    throw new DataFileError(file.fileName, "the file is empty: there is nothing to make a table of");
  }
  if (file.format === "parquet") return insertParquet(connection, {...file, bytes: data}, totalBytes, budget, report);
  report({phase: "loading", bytes: 0, totalBytes});
  switch (file.format) {
    case "arrow": {
      const bytes = await bytesOf(data);
      await connection.insertArrowFromIPCStream(await decoded(file, () => toIPCStream(bytes), "is not a readable Arrow file"), file.name);
      break;
    }
    case "json":
      await connection.insertArrowFromIPCStream(await jsonToIPCStream({...file, bytes: await bytesOf(data)}), file.name);
      break;
    case "csv":
    case "tsv": {
      // Handed-over bytes are gone once registered; the checks below read only the header line.
      const checked = {...file, bytes: head};
      if (data instanceof Uint8Array) await instance.registerFileBuffer(file.registeredName, data, {handOver: file.handOver});
      else if (isRemoteFile(data) && instance.registerFileUrl) await instance.registerFileUrl(file.registeredName, data.url);
      else if (data instanceof Blob && instance.registerFileBlob) await instance.registerFileBlob(file.registeredName, data);
      else await instance.registerFileBuffer(file.registeredName, await bytesOf(data), {handOver: true});
      const create = kind === "view" ? "CREATE OR REPLACE VIEW" : "CREATE TABLE";
      try {
        await connection.query(`${create} ${quoteIdentifier(file.name)} AS SELECT * FROM ${readFileSql(file.registeredName, file.format)}`);
        if (kind === "table") await checkDelimitedTable(connection, checked);
      } catch (error) {
        const ragged = /Expected Number of Columns/.test(String(error)) ? await raggedLines(connection, checked) : undefined;
        throw ragged ?? delimitedError(error, checked);
      } finally {
        if (kind === "table") await instance.dropFile(file.registeredName);
      }
    }
  }
  report({phase: "done", bytes: totalBytes, totalBytes});
}

/**
 * Streams a Parquet file into table `file.name`, one row group at a time (see the comment of
 * {@link createTableFromFile}). The file's bytes are handed to the decoder's worker.
 */
async function insertParquet(
  connection: DuckDBConnection,
  file: TableFile,
  totalBytes: number,
  budget: number,
  report: NonNullable<TableFile["onProgress"]>
): Promise<void> {
  let created = false;
  let refused: unknown;
  let insertFailed: unknown;
  try {
    await streamParquetBatchesOffThread(file.bytes, {
      onSummary({totalRows, estimatedBytes}) {
        try {
          checkMemoryBudget(file.fileName, estimatedBytes, budget, totalRows);
        } catch (error) {
          refused = error;
          throw error;
        }
        report({phase: "loading", rows: 0, totalRows, bytes: 0, totalBytes});
      },
      async onBatch(ipc, {rows, totalRows}) {
        try {
          await connection.insertArrowFromIPCStream(ipc, file.name, {append: created});
        } catch (error) {
          insertFailed = error;
          throw error;
        }
        created = true;
        report({phase: "loading", rows, totalRows, bytes: totalRows ? Math.round((totalBytes * rows) / totalRows) : totalBytes, totalBytes});
      }
    });
  } catch (error) {
    // Rows of the batches already in go too: a table is the whole file or nothing.
    if (created) await connection.query(`DROP TABLE IF EXISTS ${quoteIdentifier(file.name)}`).catch(() => {});
    if (error === refused) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (error === insertFailed) throw new DataFileError(file.fileName, `could not be loaded into DuckDB: ${message}`, {}, {cause: error});
    throw new DataFileError(file.fileName, `is not a readable Parquet file (${message})`, {}, {cause: error});
  }
  report({phase: "done", bytes: totalBytes, totalBytes});
}

/** All of a file's bytes (a Blob read whole: only for formats decoded on the page anyway). */
async function bytesOf(data: TableFile["bytes"]): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data;
  return isRemoteFile(data) ? fetchBytes(data.url) : new Uint8Array(await data.arrayBuffer());
}

/** The first `length` bytes of a file (fewer if it is shorter). */
async function headOf(data: TableFile["bytes"], length: number): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data.slice(0, length);
  if (isRemoteFile(data)) return new Uint8Array(await readRange(data, 0, Math.min(length, sizeOf(data))));
  return new Uint8Array(await data.slice(0, length).arrayBuffer());
}

/** A file's size in bytes (a file at a URL whose size its server did not tell is fetched as a Blob first). */
function sizeOf(data: TableFile["bytes"]): number {
  if (data instanceof Uint8Array) return data.byteLength;
  return isRemoteFile(data) ? (data.size ?? 0) : data.size;
}

/** A file whose bytes are in memory (the delimited checks read its header line). */
export type TableFileBytes = Omit<TableFile, "bytes"> & {bytes: Uint8Array};

/** Only whitespace (or a byte-order mark): nothing to make a table of. */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== 0xef && byte !== 0xbb && byte !== 0xbf) return false;
  return true;
}

async function decoded(file: Pick<TableFile, "fileName">, decode: () => Promise<Uint8Array>, what: string): Promise<Uint8Array> {
  try {
    return await decode();
  } catch (error) {
    throw new DataFileError(file.fileName, `${what} (${error instanceof Error ? error.message : String(error)})`, {}, {cause: error});
  }
}

/** DuckDB's CSV error about the registered file, as one about the user's file: its name, the line, the reason. */
function delimitedError(error: unknown, file: TableFileBytes): unknown {
  if (error instanceof DataFileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const line = /\bLine: (\d+)/.exec(message)?.[1];
  // DuckDB's message: a "CSV Error on Line" heading, the line, the reason, then solutions and the
  // reader's settings (which name the path DuckDB registered the bytes under, not the user's file).
  const lines = message.replaceAll(file.registeredName, file.fileName).split("\n");
  const explanation = lines.find((text) => text.trim() !== "" && !/CSV Error on Line|^Original Line|^Possible Solution|^\s/.test(text)) ?? lines[0]!;
  // Out of memory is not the file's fault: say so, and what works for a file this large.
  if (/Out of Memory Error/i.test(explanation)) {
    return new DataFileError(
      file.fileName,
      `is too large to load in this page: DuckDB ran out of memory making its table (${explanation.trim()}). ${queryAtBuildTime(file.fileName)}`,
      {},
      {cause: error}
    );
  }
  const reason = /not utf-8 encoded/i.test(explanation)
    ? "it is not UTF-8 text; save it as UTF-8 (in a spreadsheet: CSV UTF-8) and attach it again"
    : `cannot be read as ${file.format.toUpperCase()}: ${explanation.replace(/^Invalid Input Error: /, "")}`;
  return new DataFileError(file.fileName, reason, line === undefined ? {} : {line: Number(line)}, {cause: error});
}

/**
 * Re-encodes Arrow IPC file or stream bytes as a stream, the only form DuckDB inserts. Goes
 * through our own apache-arrow, so it works whichever Arrow wrote the bytes.
 */
export async function toIPCStream(bytes: Uint8Array): Promise<Uint8Array> {
  const {tableFromIPC, tableToIPC} = await import("apache-arrow");
  return tableToIPC(tableFromIPC(bytes), "stream");
}

/** A JSON array of row objects as Arrow IPC stream bytes (column types inferred from values). */
async function jsonToIPCStream(file: TableFileBytes): Promise<Uint8Array> {
  const text = new TextDecoder().decode(file.bytes);
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (error) {
    const {reason, position} = jsonProblem(text, error);
    throw new DataFileError(file.fileName, reason, position, {cause: error});
  }
  if (!Array.isArray(rows) || rows.length === 0 || typeof rows[0] !== "object" || rows[0] === null) {
    throw new DataFileError(file.fileName, "a JSON table must be a non-empty array of row objects ([{\"column\": value, ...}, ...])");
  }
  const {tableFromJSON, tableToIPC} = await import("apache-arrow");
  return tableToIPC(tableFromJSON(rows as Record<string, unknown>[]), "stream");
}
