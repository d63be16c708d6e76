import type {AsyncDuckDB, AsyncDuckDBConnection, DuckDBDataProtocol} from "@duckdb/duckdb-wasm";
import {abortError, CONNECTION_SETUP_SQL, unlessAborted, type DuckDBConnection, type DuckDBInstance} from "./engine.ts";

/** Adapts the browser's worker-backed `AsyncDuckDB` (already instantiated and opened). */
export function fromAsyncDuckDB(db: AsyncDuckDB): DuckDBInstance {
  return {
    async connect() {
      const connection = await db.connect();
      await connection.query(CONNECTION_SETUP_SQL);
      return asyncConnection(connection);
    },
    // DuckDB-WASM transfers the buffer to its worker, which empties ours: the caller's bytes
    // (a user's file, kept to read again: a replaced table, a reload, a FileAttachment) stay whole.
    registerFileBuffer: (name, bytes, options) => db.registerFileBuffer(name, options?.handOver ? bytes : bytes.slice()),
    // DuckDB's worker reads the Blob with FileReaderSync, one slice at a time. The protocol's
    // value (BROWSER_FILEREADER) is written out: importing the enum would load duckdb-wasm here.
    registerFileBlob: (name, blob) => db.registerFileHandle(name, blob, 2 as DuckDBDataProtocol, true),
    dropFile: async (name) => void (await db.dropFile(name))
  };
}

function asyncConnection(conn: AsyncDuckDBConnection): DuckDBConnection {
  // A connection holds one pending query at a time: a second one started while the first is
  // polled would replace it. So the connection's work runs one piece after another.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    const run = queue.then(() => (signal?.aborted ? Promise.reject(abortError()) : work()));
    queue = run.catch(() => {});
    return unlessAborted(run, signal);
  };
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
          const {Table} = await import("apache-arrow");
          const batches = [];
          for await (const batch of reader) batches.push(batch);
          // A result without rows still has its columns.
          return batches.length ? new Table(batches) : new Table(reader.schema);
        } finally {
          signal.removeEventListener("abort", onAbort);
        }
      }, signal);
    },
    queryPrepared(sql, params, signal) {
      return serial(async () => {
        const statement = await conn.prepare(sql);
        try {
          return await statement.query(...params);
        } finally {
          await statement.close();
        }
      }, signal);
    },
    insertArrowFromIPCStream: (bytes, name, options) => serial(() => conn.insertArrowFromIPCStream(bytes, {name, create: !options?.append})),
    close: () => serial(() => conn.close())
  };
}
