import type {AsyncDuckDB, AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";
import {CONNECTION_SETUP_SQL, type DuckDBConnection, type DuckDBInstance} from "./engine.ts";

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
    query: (sql) => conn.query(sql),
    async queryPrepared(sql, params) {
      const statement = await conn.prepare(sql);
      try {
        return await statement.query(...params);
      } finally {
        await statement.close();
      }
    },
    insertArrowFromIPCStream: (bytes, name) => conn.insertArrowFromIPCStream(bytes, {name}),
    close: () => conn.close()
  };
}
