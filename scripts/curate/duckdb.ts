import {createRequire} from "node:module";
import path from "node:path";
import * as duckdb from "@duckdb/duckdb-wasm/blocking";

/** A minimal synchronous DuckDB session for the curation script. */
export interface DuckSession {
  /** Makes `bytes` readable by SQL under `name`. */
  register(name: string, bytes: Uint8Array): void;
  /** Runs SQL and returns plain row objects (BIGINT and DECIMAL read as numbers). */
  query(sql: string): Record<string, unknown>[];
  close(): void;
}

/** Opens DuckDB-WASM in Node through its blocking bundle. */
export async function openDuckSession(): Promise<DuckSession> {
  const dist = path.dirname(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  const bundles: duckdb.DuckDBBundles = {
    mvp: {mainModule: path.join(dist, "duckdb-mvp.wasm"), mainWorker: path.join(dist, "duckdb-node-mvp.worker.cjs")},
    eh: {mainModule: path.join(dist, "duckdb-eh.wasm"), mainWorker: path.join(dist, "duckdb-node-eh.worker.cjs")}
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({query: {castBigIntToDouble: true, castDecimalToDouble: true}});
  const conn = db.connect();
  return {
    register: (name, bytes) => db.registerFileBuffer(name, bytes),
    query(sql) {
      try {
        return conn.query(sql).toArray().map((r) => r.toJSON() as Record<string, unknown>);
      } catch (e) {
        // DuckDB's errors in Node carry the whole minified bundle line; keep the message only.
        throw new Error(`DuckDB query failed: ${(e as Error).message.split("\n").at(-1)}\n${sql}`);
      }
    },
    close() {
      conn.close();
      db.reset();
    }
  };
}
