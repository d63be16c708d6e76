import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import {CONNECTION_SETUP_SQL, unlessAborted, type DuckDBConnection, type DuckDBInstance} from "./engine.ts";

/** Adapts the browser's worker-backed `AsyncDuckDB` (already instantiated and opened). */
export function fromAsyncDuckDB(db: AsyncDuckDB): DuckDBInstance {
  return {
    async connect() {
      const connection = await db.connect();
      await connection.query(CONNECTION_SETUP_SQL);
      return asyncConnection(connection);
    },
    registerFileBuffer: (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: async (name) => void (await db.dropFile(name))
  };
}

function asyncConnection(conn: AsyncDuckDBConnection): DuckDBConnection {
  return {
    async query(sql, signal) {
      if (signal === undefined) return conn.query(sql);
      // A sent query runs as DuckDB's pending query, polled step by step, so a cancel message
      // reaches the worker between steps; `query()` would hold the worker until the end.
      const onAbort = () => void conn.cancelSent().catch(() => {});
      signal.addEventListener("abort", onAbort, {once: true});
      try {
        const reader = await unlessAborted(conn.send(sql), signal);
        const {Table} = await import("apache-arrow");
        const batches = [];
        for await (const batch of reader) batches.push(batch);
        return new Table(batches);
      } finally {
        signal.removeEventListener("abort", onAbort);
      }
    },
    async queryPrepared(sql, params, signal) {
      const statement = await conn.prepare(sql);
      try {
        return await unlessAborted(statement.query(...params), signal);
      } finally {
        void statement.close();
      }
    },
    insertArrowFromIPCStream: (bytes, name) => conn.insertArrowFromIPCStream(bytes, {name}),
    close: () => conn.close()
  };
}
