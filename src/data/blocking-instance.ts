import type {DuckDBBindings, DuckDBConnection as BlockingConnection, PreparedStatement} from "@duckdb/duckdb-wasm/blocking";
import {abortError, CONNECTION_SETUP_SQL, type DuckDBConnection, type DuckDBInstance} from "./engine.ts";
import {PreparedStatements} from "./prepared-statements.ts";

/**
 * Adapts the synchronous bindings of `@duckdb/duckdb-wasm/blocking` (Node tests and tools:
 * `createDuckDB(bundles, logger, NODE_RUNTIME)`, instantiated and opened by the caller).
 */
export function fromBlockingDuckDB(db: DuckDBBindings): DuckDBInstance {
  return {
    async connect() {
      const connection = db.connect();
      connection.query(CONNECTION_SETUP_SQL);
      return blockingConnection(connection);
    },
    registerFileBuffer: async (name, bytes) => db.registerFileBuffer(name, bytes),
    dropFile: async (name) => db.dropFile(name)
  };
}

function blockingConnection(conn: BlockingConnection): DuckDBConnection {
  const statements = new PreparedStatements<PreparedStatement>({
    prepare: async (sql) => conn.prepare(sql),
    query: async (statement, params) => statement.query(...params),
    close: async (statement) => statement.close()
  });
  return {
    // The blocking bundle runs a query to its end before anything else happens: an aborted
    // signal can only stop a query that has not started.
    async query(sql, signal) {
      if (signal?.aborted) throw abortError();
      return conn.query(sql);
    },
    async queryPrepared(sql, params, signal) {
      if (signal?.aborted) throw abortError();
      return statements.query(sql, params);
    },
    insertArrowFromIPCStream: async (bytes, name, options) => conn.insertArrowFromIPCStream(bytes, {name, create: !options?.append}),
    close: async () => (await statements.closeAll(), conn.close())
  };
}
