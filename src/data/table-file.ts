import type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
import {quoteIdentifier, readFileSql, type TableFormat} from "./formats.ts";
import {parquetToIPCStreamOffThread} from "./parquet-off-thread.ts";

/** What {@link createTableFromFile} needs to know about one file. */
export interface TableFile {
  /** The SQL name to create. */
  name: string;
  /** The file's contents. */
  bytes: Uint8Array;
  /** Its format. */
  format: TableFormat;
  /** A name to register the bytes under, unique in the instance. */
  registeredName: string;
}

/**
 * Makes a file queryable as `name` on the connection's current database. CSV and TSV honour
 * `kind`: `"view"` keeps the file registered and reads it on every query (cheap to create: the
 * catalog's choice), `"table"` copies the rows in and drops the file. JSON, Parquet and Arrow
 * files are decoded in JS and always become tables: DuckDB-WASM's JSON and Parquet readers are
 * extensions it would download at run time (see `parquetToIPCStream`; Parquet is decoded in a worker).
 */
export async function createTableFromFile(
  connection: DuckDBConnection,
  instance: DuckDBInstance,
  file: TableFile,
  kind: "view" | "table"
): Promise<void> {
  switch (file.format) {
    case "arrow":
      return connection.insertArrowFromIPCStream(await toIPCStream(file.bytes), file.name);
    case "json":
      return connection.insertArrowFromIPCStream(await jsonToIPCStream(file.bytes), file.name);
    case "parquet":
      return connection.insertArrowFromIPCStream(await parquetToIPCStreamOffThread(file.bytes), file.name);
    case "csv":
    case "tsv": {
      await instance.registerFileBuffer(file.registeredName, file.bytes);
      const create = kind === "view" ? "CREATE OR REPLACE VIEW" : "CREATE TABLE";
      try {
        await connection.query(`${create} ${quoteIdentifier(file.name)} AS SELECT * FROM ${readFileSql(file.registeredName, file.format)}`);
      } finally {
        if (kind === "table") await instance.dropFile(file.registeredName);
      }
    }
  }
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
async function jsonToIPCStream(bytes: Uint8Array): Promise<Uint8Array> {
  const rows: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (!Array.isArray(rows) || rows.length === 0 || typeof rows[0] !== "object" || rows[0] === null) {
    throw new Error("a JSON table must be a non-empty array of row objects");
  }
  const {tableFromJSON, tableToIPC} = await import("apache-arrow");
  return tableToIPC(tableFromJSON(rows as Record<string, unknown>[]), "stream");
}
