import {createRequire} from "node:module";
import path from "node:path";
import {createDuckDB, NODE_RUNTIME, VoidLogger} from "@duckdb/duckdb-wasm/blocking";
import {Dictionary, Int32, Table, tableFromArrays, tableFromIPC, tableToIPC, Utf8, vectorFromArray} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {ArrowIPCError, DUCKDB_CONFIG, readArrowIPC} from "../../src/data/index.ts";

const dist = path.dirname(createRequire(import.meta.url).resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));

/** The bytes DuckDB-WASM's worker hands the page for `sql` (Arrow's file format). */
async function duckdbResultBytes(sql: string): Promise<Uint8Array> {
  const db = await createDuckDB(
    {
      mvp: {mainModule: path.join(dist, "duckdb-mvp.wasm"), mainWorker: path.join(dist, "duckdb-node-mvp.worker.cjs")},
      eh: {mainModule: path.join(dist, "duckdb-eh.wasm"), mainWorker: path.join(dist, "duckdb-node-eh.worker.cjs")}
    },
    new VoidLogger(),
    NODE_RUNTIME
  );
  await db.instantiate(() => {});
  db.open(DUCKDB_CONFIG);
  const connection = db.connect();
  try {
    return connection.useUnsafe((bindings, conn) => bindings.runQuery(conn, sql)).slice();
  } finally {
    connection.close();
  }
}

/** What a cell sees of a table: its columns with their types, and its rows. */
function contents(table: Table) {
  return {
    columns: table.schema.fields.map((f) => `${f.name}: ${f.type}`),
    rows: table.toArray().map((row) => row.toJSON())
  };
}

const sample = () =>
  new Table({
    year: vectorFromArray([2000, 2001, null, 2003], new Int32()),
    country: vectorFromArray(["SYR", "KEN", "SYR", null], new Dictionary(new Utf8(), new Int32())),
    name: vectorFromArray(["Syria", "Kenya", null, "Iraq"], new Utf8())
  });

describe("readArrowIPC", () => {
  it("readArrowIPC reads a DuckDB result as the Arrow Table tableFromIPC makes of it", async () => {
    const bytes = await duckdbResultBytes(
      "SELECT range AS year, 'c' || (range % 3) AS label, range * 1.5 AS value, DATE '2011-03-15' + range::INT AS day, NULL::VARCHAR AS empty FROM range(0, 5000)"
    );
    const table = readArrowIPC(bytes);
    expect(table).toBeInstanceOf(Table);
    expect(table.numRows).toBe(5000);
    expect(contents(table)).toEqual(contents(tableFromIPC(bytes)));
  });

  it("readArrowIPC keeps the columns of a DuckDB result with no rows", async () => {
    const bytes = await duckdbResultBytes("SELECT 1::INTEGER AS a, 'x' AS b WHERE false");
    const table = readArrowIPC(bytes);
    expect(table.numRows).toBe(0);
    expect(contents(table)).toEqual(contents(tableFromIPC(bytes)));
    expect(table.schema.fields.map((f) => f.name)).toEqual(["a", "b"]);
  });

  it("readArrowIPC reads the stream and file formats, dictionary columns and several batches", () => {
    const one = sample();
    const table = new Table([...one.batches, ...one.batches]);
    for (const format of ["stream", "file"] as const) {
      const bytes = tableToIPC(table, format);
      expect(contents(readArrowIPC(bytes))).toEqual(contents(tableFromIPC(bytes)));
      expect(readArrowIPC(bytes).numRows).toBe(8);
    }
  });

  it("readArrowIPC reads bytes that do not start on an 8-byte boundary (a snapshot inside a larger file)", () => {
    const ipc = tableToIPC(tableFromArrays({x: Float64Array.from([1.5, 2.5, 3.5])}), "stream");
    const shifted = new Uint8Array(ipc.length + 3);
    shifted.set(ipc, 3);
    expect(contents(readArrowIPC(shifted.subarray(3)))).toEqual(contents(tableFromIPC(ipc)));
  });

  it("readArrowIPC rejects bytes that are not Arrow IPC with an ArrowIPCError", () => {
    expect(() => readArrowIPC(new TextEncoder().encode("year,value\n2000,1\n"))).toThrow(ArrowIPCError);
    const cut = tableToIPC(sample(), "stream");
    expect(() => readArrowIPC(cut.subarray(0, cut.length - 40))).toThrow(ArrowIPCError);
  });
});
