import * as Arrow from "apache-arrow";
import {csvParseRows} from "d3";
import {parquetReadObjects} from "hyparquet";
import {describe, expect, it} from "vitest";
import {downloadName, tableColumns, toCsv, toParquet} from "../../src/ui/downloads/index.ts";

const arrowTable = () =>
  new Arrow.Table({
    day: Arrow.vectorFromArray([Date.UTC(2011, 2, 15), null], new Arrow.DateDay()),
    n: Arrow.vectorFromArray(new BigInt64Array([10_000_000_000n, 2n])),
    name: Arrow.vectorFromArray(["Aleppo, north", 'Say "hi"'])
  });

describe("table downloads", () => {
  it("tableColumns reads an Arrow table's columns with its dates as dates", () => {
    const columns = tableColumns(arrowTable());
    expect(columns.map((c) => [c.name, c.kind])).toEqual([["day", "date"], ["n", "value"], ["name", "value"]]);
    expect(columns[0]!.values).toEqual([new Date(Date.UTC(2011, 2, 15)), null]);
    expect(columns[1]!.values).toEqual([10_000_000_000n, 2n]);
  });

  it("tableColumns reads rows of objects, every key in order first seen, and keeps only the shown columns", () => {
    const rows = [{a: 1, b: "x"}, {b: "y", c: true}];
    expect(tableColumns(rows).map((c) => [c.name, c.values])).toEqual([["a", [1, null]], ["b", ["x", "y"]], ["c", [null, true]]]);
    expect(tableColumns(rows, ["c", "a"]).map((c) => c.name)).toEqual(["c", "a"]);
  });

  it("tableColumns rejects a value that is no table, naming what it got", () => {
    expect(() => tableColumns(42)).toThrow(/cannot download a number as a table/);
  });

  it("toCsv quotes commas, quotes and line breaks, and writes dates, big integers and missing values plainly", () => {
    const text = toCsv(tableColumns(arrowTable()));
    expect(csvParseRows(text)).toEqual([["day", "n", "name"], ["2011-03-15", "10000000000", "Aleppo, north"], ["", "2", 'Say "hi"']]);
    expect(toCsv(tableColumns([{note: "two\nlines"}]))).toBe('note\r\n"two\nlines"\r\n');
  });

  it("toParquet writes each column in one Parquet type that reads back as the same values", async () => {
    const columns = tableColumns([
      {i: 1, x: 1.5, s: "a", b: true, t: new Date("2020-01-02T03:04:05Z"), mixed: 1},
      {i: null, x: 2, s: null, b: false, t: null, mixed: "two"}
    ]);
    const file = toParquet(columns);
    expect(await parquetReadObjects({file})).toEqual([
      {i: 1, x: 1.5, s: "a", b: true, t: new Date("2020-01-02T03:04:05Z"), mixed: "1"},
      {i: null, x: 2, s: null, b: false, t: null, mixed: "two"}
    ]);
  });

  it("toParquet keeps Arrow dates as dates and 64-bit integers as bigints", async () => {
    const rows = await parquetReadObjects({file: toParquet(tableColumns(arrowTable()))});
    expect(rows.map((r) => [r.day, r.n])).toEqual([[new Date(Date.UTC(2011, 2, 15)), 10_000_000_000n], [null, 2n]]);
  });

  it("downloadName joins the notebook's and the chart's names as a file name", () => {
    expect(downloadName("Syria 2011 onward", "Deaths per year (2011–2020)", "png")).toBe("syria-2011-onward-deaths-per-year-2011-2020.png");
  });
});
