import type {AsyncDuckDB, AsyncDuckDBConnection, AsyncPreparedStatement, DuckDBDataProtocol} from "@duckdb/duckdb-wasm";
import {Table} from "apache-arrow/table";
import {abortError, CONNECTION_SETUP_SQL, unlessAborted, type DuckDBConnection, type DuckDBInstance} from "./engine.ts";
import {PreparedStatements} from "./prepared-statements.ts";

/** What a supervisor (see `superviseDuckDB`) watches of an engine's work. */
export interface EngineWork {
  /** Rejects when the engine is given up: work not settled by then rejects with its reason. */
  lost: Promise<never>;
  /**
   * Work was asked to stop (its signal aborted) before it settled; `settled` settles with it;
   * `started`: the engine was running it (else it waited behind other work).
   */
  stopRequested(settled: Promise<unknown>, started: boolean): void;
}

/** Adapts the browser's worker-backed `AsyncDuckDB` (already instantiated and opened). */
export function fromAsyncDuckDB(db: AsyncDuckDB, work?: EngineWork): DuckDBInstance {
  const alive = <T>(promise: Promise<T>): Promise<T> => (work === undefined ? promise : Promise.race([promise, work.lost]));
  return {
    async connect() {
      const connection = await alive(db.connect());
      await alive(connection.query(CONNECTION_SETUP_SQL));
      return asyncConnection(connection, work);
    },
    // DuckDB-WASM transfers the buffer to its worker, which empties ours: the caller's bytes
    // (a user's file, kept to read again: a replaced table, a reload, a FileAttachment) stay whole.
    registerFileBuffer: (name, bytes, options) => alive(db.registerFileBuffer(name, options?.handOver ? bytes : bytes.slice())),
    // DuckDB's worker reads the Blob with FileReaderSync, one slice at a time. The protocol's
    // value (BROWSER_FILEREADER) is written out: importing the enum would load duckdb-wasm here.
    registerFileBlob: (name, blob) => alive(db.registerFileHandle(name, blob, 2 as DuckDBDataProtocol, true)),
    // HTTP (4): the worker reads the URL with range requests (synchronous XHR), never whole
    // when the server answers them. Not direct I/O: DuckDB's buffer manager caches what it read.
    registerFileUrl: (name, url) => alive(db.registerFileURL(name, url, 4 as DuckDBDataProtocol, false)),
    dropFile: async (name) => void (await alive(db.dropFile(name)))
  };
}

function asyncConnection(conn: AsyncDuckDBConnection, watch: EngineWork | undefined): DuckDBConnection {
  // A connection holds one pending query at a time: a second one started while the first is
  // polled would replace it. So the connection's work runs one piece after another.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    let begun = false;
    const started = queue.then(() => (signal?.aborted ? Promise.reject(abortError()) : ((begun = true), work())));
    // Work of an engine given up rejects at once, whatever the worker (dead or busy) still does.
    const run = watch === undefined ? started : Promise.race([started, watch.lost]);
    queue = run.catch(() => {});
    // A stop that the engine does not answer (the work, or the work queued before it, goes on)
    // is how a stuck engine shows: the supervisor times it.
    if (watch !== undefined && signal !== undefined && !signal.aborted) {
      const onAbort = () => watch.stopRequested(run, begun);
      signal.addEventListener("abort", onAbort, {once: true});
      void run.finally(() => signal.removeEventListener("abort", onAbort)).catch(() => {});
    }
    return unlessAborted(run, signal);
  };
  const statements = new PreparedStatements<AsyncPreparedStatement>({
    prepare: (sql) => conn.prepare(sql),
    query: (statement, params) => statement.query(...params),
    close: (statement) => statement.close()
  });
  return {
    query(sql, signal) {
      if (signal === undefined) return serial(() => conn.query(sql));
      return serial(async () => {
        // A sent query runs as DuckDB's pending query, polled step by step, so a cancel message
        // reaches the worker between steps; `query()` would hold the worker until the end.
        const onAbort = () => void conn.cancelSent().catch(() => {});
        signal.addEventListener("abort", onAbort, {once: true});
        try {
          const reader = await conn.send(sql);
          const batches = [];
          for await (const batch of reader) batches.push(batch);
          // A result without rows still has its columns.
          return batches.length ? new Table(batches) : new Table(reader.schema);
        } finally {
          signal.removeEventListener("abort", onAbort);
        }
      }, signal);
    },
    queryPrepared: (sql, params, signal) => serial(() => statements.query(sql, params), signal),
    insertArrowFromIPCStream: (bytes, name, options) => serial(() => conn.insertArrowFromIPCStream(bytes, {name, create: !options?.append})),
    close: () => serial(async () => (await statements.closeAll(), await conn.close()))
  };
}
