import type {Table} from "apache-arrow";

/**
 * One connection to a DuckDB instance: the small surface {@link DuckDBClient} needs, so that the
 * same client runs over the browser's worker-backed `AsyncDuckDB` and Node's blocking bundle.
 */
export interface DuckDBConnection {
  /**
   * Runs one SQL text (may hold several statements) and returns the last result. When `signal`
   * aborts before the result is in, the query is cancelled where the engine allows it and the
   * promise rejects with an `AbortError`.
   */
  query(sql: string, signal?: AbortSignal): Promise<Table>;
  /**
   * Runs one statement as a prepared statement with `?` placeholders bound to `params`. When
   * `signal` aborts, the promise rejects with an `AbortError` at once (the engine finishes the
   * statement; DuckDB-WASM cannot interrupt a prepared statement: the page's supervised engine
   * is replaced when it has not finished within `STOP_GRACE_MS`, see `superviseDuckDB`).
   */
  queryPrepared(sql: string, params: unknown[], signal?: AbortSignal): Promise<Table>;
  /**
   * Creates table `name` in the connection's current database from Arrow IPC stream bytes, or
   * with `append`, adds the rows to that table (made by an earlier call). The bytes may be
   * handed to the engine's worker: the caller's view may be emptied.
   */
  insertArrowFromIPCStream(bytes: Uint8Array, name: string, options?: {append?: boolean}): Promise<void>;
  /** Closes the connection; the instance stays open. */
  close(): Promise<void>;
}

/** A DuckDB instance: opens connections and holds the registered files they read. */
export interface DuckDBInstance {
  /** Opens a new connection (each has its own current database and prepared statements). */
  connect(): Promise<DuckDBConnection>;
  /**
   * Makes `bytes` readable from SQL as the file `name` (e.g. `read_parquet('name')`). The
   * caller's bytes stay whole unless `handOver`: then they may be moved to the engine's worker
   * without a copy (a copy of a large file would hold up the page's thread).
   */
  registerFileBuffer(name: string, bytes: Uint8Array, options?: {handOver?: boolean}): Promise<void>;
  /**
   * Makes a `Blob` readable from SQL as the file `name`, read a slice at a time by the engine's
   * worker (never copied whole). Absent where the engine cannot (Node's blocking bundle).
   */
  registerFileBlob?(name: string, blob: Blob): Promise<void>;
  /**
   * Makes the file at `url` (absolute, its server answering range requests) readable from SQL as
   * the file `name`, read a range at a time by the engine's worker: the page never holds it.
   * Absent where the engine cannot (Node's blocking bundle).
   */
  registerFileUrl?(name: string, url: string): Promise<void>;
  /** Forgets a file registered with {@link DuckDBInstance.registerFileBuffer}, `registerFileBlob` or `registerFileUrl`. */
  dropFile(name: string): Promise<void>;
  /**
   * Counts the engines behind the instance: it changes when a failed engine was replaced by a
   * new one, whose connections, tables and files start empty (see `superviseDuckDB`).
   * Default: 0 (an instance that never replaces its engine).
   */
  readonly generation?: number;
}

/**
 * Run on every new connection. DuckDB-WASM would otherwise download extensions (parquet, json…)
 * from the network when a query needs one: nothing here loads code at run time, and in Node's
 * blocking bundle that download hangs the process. A query needing one fails with DuckDB's
 * "…exists in the parquet extension" message instead.
 */
export const CONNECTION_SETUP_SQL = "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false";

/** The error a query rejects with when its signal aborts. */
export function abortError(): Error {
  return new DOMException("The query was cancelled", "AbortError");
}

/** `promise`, or a rejection with {@link abortError} as soon as `signal` aborts. */
export function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener("abort", onAbort, {once: true});
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
