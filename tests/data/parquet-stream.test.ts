// A Parquet file loaded row group by row group (the way pages make tables) against the same file
// decoded whole into one Arrow stream, and against native DuckDB reading it: same rows, same types.
// The file is written by native DuckDB (@duckdb/node-api) with small row groups.
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {DuckDBInstance as NativeInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, it} from "vitest";
import {DataFileError, DuckDBClient, parquetToIPCStream, summarizeParquet, type DuckDBInstance, type FileLoadProgress, type TableFiles} from "../../src/data/index.ts";
import {openNodeDuckDB, rowsOf} from "./node-duckdb.ts";

const ROWS = 5000;
let bytes: Uint8Array;
let nativeRows: Record<string, unknown>[];
let instance: DuckDBInstance;

/** Every value as text, so that both engines' results compare whatever JS type they come as. */
const AS_TEXT = "SELECT id::VARCHAR AS id, country::VARCHAR AS country, amount::VARCHAR AS amount, rate::VARCHAR AS rate, day::VARCHAR AS day, note::VARCHAR AS note FROM";

beforeAll(async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "mapt-parquet-stream-")), "rows.parquet");
  const native = await (await NativeInstance.create(":memory:")).connect();
  await native.run("SET threads = 1");
  // Strings (with nulls and non-ASCII), integers, floats, dates (with nulls), long strings.
  await native.run(`COPY (
    SELECT i AS id,
      CASE WHEN i % 7 = 3 THEN NULL ELSE ['Syria', 'Kenya', 'Côte d’Ivoire', 'Myanmar 🇲🇲', ''][i % 5 + 1] END AS country,
      CASE WHEN i % 11 = 0 THEN NULL ELSE i * 1000 END::BIGINT AS amount,
      CASE WHEN i % 13 = 0 THEN NULL ELSE i / 8 END::DOUBLE AS rate,
      CASE WHEN i % 17 = 0 THEN NULL ELSE DATE '2000-01-01' + i::INTEGER END AS day,
      repeat('x', i % 40) || i::VARCHAR AS note
    FROM range(${ROWS}) t(i)
  ) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
  nativeRows = (await native.runAndReadAll(`${AS_TEXT} read_parquet('${file}') ORDER BY id`)).getRowObjectsJS() as Record<string, unknown>[];
  native.closeSync();
  bytes = new Uint8Array(readFileSync(file));
  instance = await openNodeDuckDB();
});

const parquetFile = (name: string, data: Uint8Array) => ({name, arrayBuffer: async () => data.slice().buffer as ArrayBuffer});

describe("a Parquet file made into a table row group by row group", () => {
  it("gives the same table as the whole file decoded at once, and as native DuckDB reads it, in several batches with progress", async () => {
    expect((await summarizeParquet(bytes)).rowGroups).toBeGreaterThan(1);
    const progress: FileLoadProgress[] = [];
    const streamed = await DuckDBClient.of({t: parquetFile("rows.parquet", bytes)}, {instance, load: {onProgress: (p) => progress.push(p)}});

    const connection = await instance.connect();
    // The whole-file path: one IPC stream of every batch, inserted in one call.
    await connection.insertArrowFromIPCStream(await parquetToIPCStream(bytes), "whole");

    const streamedRows = rowsOf(await streamed.query(`${AS_TEXT} t ORDER BY id`));
    expect(streamedRows).toEqual(rowsOf(await connection.query(`${AS_TEXT} whole ORDER BY id`)));
    expect(streamedRows).toEqual(nativeRows);
    expect(streamedRows).toHaveLength(ROWS);
    const types = async (db: {query(sql: string): Promise<unknown>}, table: string) =>
      rowsOf((await db.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`)) as never);
    expect(await types(streamed, "t")).toEqual(await types({query: (sql) => connection.query(sql)}, "whole"));

    // Progress: rows of the total, growing to all of them, then done.
    const loading = progress.filter((p) => p.phase === "loading" && p.rows! > 0);
    expect(loading.length).toBeGreaterThan(1);
    expect(loading.every((p) => p.table === "t" && p.file === "rows.parquet" && p.totalRows === ROWS && p.totalBytes === bytes.byteLength)).toBe(true);
    expect(loading.map((p) => p.rows)).toEqual([...loading.map((p) => p.rows!)].sort((a, b) => a - b));
    expect(loading.at(-1)!.rows).toBe(ROWS);
    expect(progress.at(-1)!.phase).toBe("done");
    await connection.query("DROP TABLE whole");
    await connection.close();
  });

  it("reads a file that comes as a Blob a slice at a time, to the same table", async () => {
    // A user's file on a page is a Blob (a File, a fetched response): never read whole on the page's thread.
    const source = {name: "rows.parquet", arrayBuffer: async () => Promise.reject(new Error("read whole")), blob: async () => new Blob([bytes.slice()])};
    const db = await DuckDBClient.of({t: source}, {instance});
    expect(rowsOf(await db.query(`${AS_TEXT} t ORDER BY id`))).toEqual(nativeRows);
  });

  it("refuses a file over the memory budget before decoding it, naming the file and the build-time route, and leaves the tables as they were", async () => {
    const files = new Map<string, ReturnType<typeof parquetFile>>();
    const tableFiles: TableFiles = {get: (name) => files.get(name), names: () => [...files.keys()]};
    const progress: FileLoadProgress[] = [];
    const small = await summarizeParquet(bytes);
    // A budget the file fits in, then a smaller one; the same client, as a page keeps it.
    const load = {memoryBudget: small.estimatedBytes, onProgress: (p: FileLoadProgress) => progress.push(p)};
    const db = await DuckDBClient.connect(instance, {files: tableFiles, load});
    const first = parquetFile("events.parquet", bytes);
    files.set("events", first);
    expect(rowsOf(await db.query("SELECT count(*) AS n FROM events"))).toEqual([{n: ROWS}]);

    load.memoryBudget = small.estimatedBytes - 1;
    files.set("events", parquetFile("events-2025.parquet", bytes));
    const error = await db.query("SELECT count(*) AS n FROM events").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toMatch(/^"events-2025\.parquet": is too large to load in this page \(5,000 rows\)/);
    expect((error as Error).message).toMatch(/database="duckdb"/);
    expect(progress.at(-1)).toMatchObject({table: "events", file: "events-2025.parquet", phase: "failed"});
    // No row of the refused file went in: the previous file's table is still there, as it was.
    expect(progress.some((p) => p.file === "events-2025.parquet" && p.phase === "loading")).toBe(false);
    const plain = await DuckDBClient.connect(instance);
    expect(rowsOf(await plain.query("SELECT count(*) AS n, max(id) AS last FROM events"))).toEqual([{n: ROWS, last: ROWS - 1}]);
    const reads = progress.length;
    files.set("events", first);
    expect(rowsOf(await db.query("SELECT count(*) AS n FROM events"))).toEqual([{n: ROWS}]);
    expect(progress.length).toBe(reads);
    await db.query("DROP TABLE events");
  });
});
