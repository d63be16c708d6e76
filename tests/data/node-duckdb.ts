// Opens a real DuckDB-WASM (blocking bundle) in Node for tests: no mocks of DuckDB.
import {createRequire} from "node:module";
import path from "node:path";
import {createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBBindings, type DuckDBConfig} from "@duckdb/duckdb-wasm/blocking";
import {DUCKDB_CONFIG, fromBlockingDuckDB, type DuckDBInstance} from "../../src/data/index.ts";

const dist = path.dirname(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));

/** A fresh in-memory DuckDB instance, opened as the page opens its own. */
export async function openNodeDuckDB(): Promise<DuckDBInstance> {
  return fromBlockingDuckDB(await openNodeBindings());
}

/**
 * The blocking bundle's own bindings of a fresh in-memory DuckDB, opened as the page opens its own
 * (or with `config`: `{}` keeps DuckDB's 64-bit integers and decimals, as a file from elsewhere has them).
 */
export async function openNodeBindings(config: DuckDBConfig = DUCKDB_CONFIG): Promise<DuckDBBindings> {
  const db = await createDuckDB(
    {
      mvp: {mainModule: path.join(dist, "duckdb-mvp.wasm"), mainWorker: path.join(dist, "duckdb-node-mvp.worker.cjs")},
      eh: {mainModule: path.join(dist, "duckdb-eh.wasm"), mainWorker: path.join(dist, "duckdb-node-eh.worker.cjs")}
    },
    new VoidLogger(),
    NODE_RUNTIME
  );
  await db.instantiate(() => {});
  db.open(config);
  return db;
}

/** Rows of an Arrow table as plain objects. */
export function rowsOf(table: {toArray(): Array<{toJSON(): Record<string, unknown>}>}): Record<string, unknown>[] {
  return table.toArray().map((row) => row.toJSON());
}
