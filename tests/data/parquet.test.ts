// Parquet to Arrow, one record batch per row group, checked value by value against hyparquet's
// own row reader (its default decoding: JS strings, Dates, bigints).
import {tableFromIPC} from "apache-arrow";
import {parquetReadObjects} from "hyparquet";
import {parquetWriteBuffer} from "hyparquet-writer";
import {describe, expect, it} from "vitest";
import {DuckDBClient, parquetToIPCStream, type ParquetProgress} from "../../src/data/index.ts";
import {openNodeDuckDB} from "./node-duckdb.ts";

const ROWS = 2500;
const names = ["Syria", "Kenya", "Côte d’Ivoire", "Myanmar 🇲🇲", ""];

function sampleParquet(): Uint8Array {
  const index = Array.from({length: ROWS}, (_, i) => i);
  const buffer = parquetWriteBuffer({
    rowGroupSize: 1000,
    columnData: [
      {name: "country", data: index.map((i) => (i % 7 === 3 ? null : names[i % names.length]!)), type: "STRING"},
      {name: "year", data: index.map((i) => 1990 + (i % 35)), type: "INT32"},
      {name: "deaths", data: index.map((i) => (i % 11 === 0 ? null : BigInt(i * 1000))), type: "INT64"},
      {name: "rate", data: index.map((i) => (i % 13 === 0 ? null : i / 8)), type: "DOUBLE"},
      {name: "verified", data: index.map((i) => i % 2 === 0), type: "BOOLEAN"},
      {name: "seen", data: index.map((i) => (i % 5 === 0 ? null : new Date(Date.UTC(2000, 0, 1) + i * 3_600_000))), type: "TIMESTAMP"}
    ]
  });
  return new Uint8Array(buffer);
}

/** A value as both sides can show it: Dates and bigints as numbers, nulls as null. */
function plain(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "bigint") return Number(value);
  return value;
}

describe("parquetToIPCStream", () => {
  it("makes one Arrow record batch per row group, each value as hyparquet reads it", async () => {
    const bytes = sampleParquet();
    const progress: ParquetProgress[] = [];
    const table = tableFromIPC(await parquetToIPCStream(bytes, (p) => progress.push(p)));
    expect(table.batches.map((batch) => batch.numRows)).toEqual([1000, 1000, 500]);
    expect(progress).toEqual([
      {rows: 1000, totalRows: ROWS},
      {rows: 2000, totalRows: ROWS},
      {rows: 2500, totalRows: ROWS}
    ]);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const expected = (await parquetReadObjects({file})).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    const actual = table.toArray().map((row) => Object.fromEntries(Object.entries(row.toJSON()).map(([k, v]) => [k, plain(v)])));
    expect(actual.length).toBe(ROWS);
    expect(actual).toEqual(expected);
  });

  it("a Parquet file of several row groups queries in DuckDB as one table of the file's types", async () => {
    const client = await DuckDBClient.of({p: {name: "p.parquet", arrayBuffer: async () => sampleParquet().buffer as ArrayBuffer}}, {instance: await openNodeDuckDB()});
    const index = Array.from({length: ROWS}, (_, i) => i).filter((i) => i % 7 !== 3 && names[i % names.length] === "Côte d’Ivoire");
    const deaths = index.filter((i) => i % 11 !== 0).reduce((sum, i) => sum + i * 1000, 0);
    expect(await client.queryRow(`SELECT count(*) AS n, sum(deaths) AS deaths FROM p WHERE country = 'Côte d’Ivoire'`)).toEqual({n: index.length, deaths});
    expect((await client.describeColumns("p")).map((c) => c.type)).toEqual(["VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "BOOLEAN", "TIMESTAMP_MS"]);
  });
});
