import type {Table} from "apache-arrow";

/**
 * One connection to a DuckDB instance: the small surface {@link DuckDBClient} needs, so that the
 * same client runs over the browser's worker-backed `AsyncDuckDB` and Node's blocking bundle.
 */
export interface DuckDBConnection {
  /** Runs one SQL text (may hold several statements) and returns the last result. */
  query(sql: string): Promise<Table>;
  /** Runs one statement as a prepared statement with `?` placeholders bound to `params`. */
  queryPrepared(sql: string, params: unknown[]): Promise<Table>;
  /** Creates table `name` in the connection's current database from Arrow IPC stream bytes. */
  insertArrowFromIPCStream(bytes: Uint8Array, name: string): Promise<void>;
  /** Closes the connection; the instance stays open. */
  close(): Promise<void>;
}

/** A DuckDB instance: opens connections and holds the registered files they read. */
export interface DuckDBInstance {
  /** Opens a new connection (each has its own current database and prepared statements). */
  connect(): Promise<DuckDBConnection>;
  /** Makes `bytes` readable from SQL as the file `name` (e.g. `read_parquet('name')`). */
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** Forgets a file registered with {@link DuckDBInstance.registerFileBuffer}. */
  dropFile(name: string): Promise<void>;
}

/**
 * Run on every new connection. DuckDB-WASM would otherwise download extensions (parquet, json…)
 * from the network when a query needs one: nothing here loads code at run time, and in Node's
 * blocking bundle that download hangs the process. A query needing one fails with DuckDB's
 * "…exists in the parquet extension" message instead.
 */
export const CONNECTION_SETUP_SQL = "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false";
