import type {DuckDBBindings} from "@duckdb/duckdb-wasm/blocking";
import * as flechette from "@uwdata/flechette";
import {Dictionary, Int32, Table, tableToIPC, Utf8, vectorFromArray} from "apache-arrow";
import * as aq from "arquero";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {tableFromIPC, tableToIPC as standInTableToIPC, useFlechette} from "../../src/stdlib/flechette-stand-in.ts";
import {openNodeBindings} from "../data/node-duckdb.ts";

// The copy of Arquero a page gets when no cell names its Arrow writers calls these in place of
// @uwdata/flechette (src/vite/arquero-arrow.ts). Arquero's `fromArrow(bytes)` is
// `fromArrow(tableFromIPC(bytes, {useDate: true}))`: given the stand-in's table, published
// Arquero must make the same rows as it does from the bytes with flechette.

let db: DuckDBBindings;

// DuckDB's defaults: 64-bit integers and decimals stay so in the bytes (a file from elsewhere has them).
beforeAll(async () => void (db = await openNodeBindings({})), 60_000);
afterAll(() => db?.reset());

/** The Arrow IPC bytes DuckDB writes for `sql`. */
function duckdbBytes(sql: string): Uint8Array {
  const connection = db.connect();
  try {
    return connection.useUnsafe((bindings, conn) => bindings.runQuery(conn, sql)).slice();
  } finally {
    connection.close();
  }
}

/** Arquero's rows from `bytes` read by the stand-in, and by flechette as published Arquero does. */
const rowsOf = (bytes: Uint8Array) => ({
  standIn: aq.fromArrow(tableFromIPC(bytes, {useDate: true}) as Parameters<typeof aq.fromArrow>[0]).objects(),
  flechette: aq.fromArrow(bytes).objects()
});

describe("the flechette stand-in", () => {
  it("tableFromIPC gives Arquero the rows flechette gives for text, numbers, decimals, booleans, dates, timestamps, 64-bit integers and nulls", () => {
    const bytes = duckdbBytes(`
      SELECT range AS n, range::INTEGER AS i, range * 1.5 - 100 AS x, (range / 7)::DOUBLE AS ratio, range % 2 = 0 AS even, 'c' || (range % 3) AS label,
             DATE '2011-03-15' + range::INTEGER AS day, TIMESTAMP '2007-12-27 10:30:00' + INTERVAL (range) HOUR AS at,
             CASE WHEN range % 4 = 0 THEN NULL ELSE range END AS sometimes
      FROM range(0, 300)`);
    const {standIn, flechette} = rowsOf(bytes);
    expect(standIn.length).toBe(300);
    expect(standIn).toEqual(flechette);
    expect((standIn[1] as {day: unknown}).day).toBeInstanceOf(Date);
  });

  it("tableFromIPC gives Arquero the same dictionary column: values, nulls, and groups by it", () => {
    const table = new Table({
      country: vectorFromArray(["SYR", "KEN", "SYR", null, "KEN", "SYR"], new Dictionary(new Utf8(), new Int32())),
      value: vectorFromArray([1, 2, 3, 4, 5, 6], new Int32())
    });
    for (const format of ["stream", "file"] as const) {
      const bytes = tableToIPC(table, format);
      const {standIn, flechette} = rowsOf(bytes);
      expect(standIn).toEqual(flechette);
      const sums = (t: aq.ColumnTable) => t.groupby("country").rollup({total: aq.op.sum("value")}).orderby("country").objects();
      expect(sums(aq.fromArrow(tableFromIPC(bytes, {useDate: true}) as Parameters<typeof aq.fromArrow>[0]))).toEqual(sums(aq.fromArrow(bytes)));
    }
  });

  it("tableFromIPC without useDate gives epoch milliseconds, as flechette does", () => {
    const bytes = duckdbBytes("SELECT DATE '2011-03-15' AS day");
    const standIn = aq.fromArrow(tableFromIPC(bytes, {useDate: false}) as Parameters<typeof aq.fromArrow>[0]).objects();
    expect(standIn).toEqual(aq.fromArrow(bytes, {useDate: false}).objects());
    expect(standIn).toEqual([{day: Date.UTC(2011, 2, 15)}]);
  });

  it("tableFromIPC refuses a column type it cannot give as flechette would, naming the column and what to write", () => {
    const bytes = duckdbBytes("SELECT [1, 2] AS pair");
    expect(() => tableFromIPC(bytes, {useDate: true})).toThrow(/column "pair" holds List values.*name toArrow in a cell/);
  });

  it("the writers say what to write in a cell, and hand their calls to flechette once a page has loaded it", () => {
    const arrow = flechette.tableFromArrays({x: [1, 2, 3]});
    expect(() => standInTableToIPC(arrow)).toThrow(/without its Arrow writer.*name toArrow in a cell of this notebook/);
    useFlechette(flechette);
    try {
      const bytes = standInTableToIPC(arrow, {format: "stream"}) as Uint8Array;
      expect(aq.fromArrow(bytes).objects()).toEqual([{x: 1}, {x: 2}, {x: 3}]);
    } finally {
      useFlechette(undefined);
    }
  });
});
