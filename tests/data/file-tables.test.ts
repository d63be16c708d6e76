import {beforeAll, describe, expect, it} from "vitest";
import {DataFileError, DuckDBClient, type DuckDBInstance, type TableFiles} from "../../src/data/index.ts";
import {openNodeDuckDB, rowsOf} from "./node-duckdb.ts";

// Test data, not case figures: two small tables a user might attach.
const deathsCsv = "year,deaths\n2011,10\n2012,20\n";
const deathsJson = JSON.stringify([{year: 2013, deaths: 30}]);

/** A file handle over text, counting how often it is read. */
function textFile(name: string, text: string) {
  const file = {name, reads: 0, arrayBuffer: async () => (file.reads++, new TextEncoder().encode(text).buffer as ArrayBuffer)};
  return file;
}

/** Attached files the test changes, as a notebook page would. */
function attachedFiles(): TableFiles & {set(name: string, file: ReturnType<typeof textFile> | undefined): void} {
  const files = new Map<string, ReturnType<typeof textFile>>();
  return {
    get: (name) => files.get(name),
    names: () => [...files.keys()],
    set: (name, file) => (file ? files.set(name, file) : files.delete(name), undefined)
  };
}

let instance: DuckDBInstance;
beforeAll(async () => void (instance = await openNodeDuckDB()));

describe("DuckDBClient with attached files", () => {
  it("DuckDBClient.query creates a file's table the first time a query names it, and reads the file once", async () => {
    const files = attachedFiles();
    const deaths = textFile("deaths.csv", deathsCsv);
    files.set("deaths", deaths);
    const db = await DuckDBClient.connect(instance, {files});
    expect(await db.describeTables()).toEqual([{name: "deaths", kind: "file (not yet loaded)"}]);
    expect(deaths.reads).toBe(0);
    expect(rowsOf(await db.query("SELECT sum(deaths) AS total FROM Deaths"))).toEqual([{total: 30}]);
    expect(rowsOf(await db.query("SELECT count(*) AS n FROM deaths"))).toEqual([{n: 2}]);
    expect(deaths.reads).toBe(1);
    expect(await db.describeTables()).toEqual([{name: "deaths", kind: "table"}]);
    await db.query("DROP TABLE deaths");
  });

  it("DuckDBClient.query makes the table again when its file was replaced, and drops it when the file is detached", async () => {
    const files = attachedFiles();
    files.set("deaths", textFile("deaths.csv", deathsCsv));
    const db = await DuckDBClient.connect(instance, {files});
    expect(rowsOf(await db.query("SELECT max(year) AS last FROM deaths"))).toEqual([{last: 2012}]);
    files.set("deaths", textFile("deaths.json", deathsJson));
    expect(rowsOf(await db.query("SELECT max(year) AS last FROM deaths"))).toEqual([{last: 2013}]);
    files.set("deaths", undefined);
    await expect(db.query("SELECT * FROM deaths")).rejects.toThrow(/Table with name deaths does not exist/);
  });

  it("DuckDBClient.query reads a file's table instead of a catalog table of the same name, and the catalog's again once it is detached", async () => {
    const files = attachedFiles();
    const catalog = {tables: [{name: "events", file: "events.csv"}]};
    const loadBytes = async () => new TextEncoder().encode("source\ncatalog\n");
    const db = await DuckDBClient.connect(instance, {files, catalog, loadBytes});
    expect(rowsOf(await db.query("SELECT source FROM events"))).toEqual([{source: "catalog"}]);
    files.set("events", textFile("events.csv", "source\nmine\n"));
    expect((await db.describeTables()).filter((t) => t.name === "events")).toEqual([{name: "events", kind: "file (not yet loaded)"}]);
    expect(rowsOf(await db.query("SELECT source FROM events"))).toEqual([{source: "mine"}]);
    expect(await db.describeColumns("events")).toEqual([{name: "source", type: "VARCHAR", nullable: true}]);
    files.set("events", undefined);
    expect(rowsOf(await db.query("SELECT source FROM events"))).toEqual([{source: "catalog"}]);
  });

  it("DuckDBClient.query fails on a file that cannot be read, and tries again at the next query", async () => {
    const files = attachedFiles();
    let broken = true;
    files.set("counts", {name: "counts.json", reads: 0, arrayBuffer: async () => new TextEncoder().encode(broken ? "{not json" : '[{"n": 1}]').buffer as ArrayBuffer});
    const db = await DuckDBClient.connect(instance, {files});
    await expect(db.query("SELECT * FROM counts")).rejects.toThrow();
    broken = false;
    expect(rowsOf(await db.query("SELECT n FROM counts"))).toEqual([{n: 1}]);
  });
});

/** What a query of table `t` made of one file says, and the file's name and position as the error carries them. */
async function failureOf(name: string, bytes: string | Uint8Array): Promise<{message: string; file: string; line?: number; column?: number}> {
  const files = attachedFiles();
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  files.set("t", {name, reads: 0, arrayBuffer: async () => data.slice().buffer as ArrayBuffer});
  const db = await DuckDBClient.connect(instance, {files});
  const error = await db.query("SELECT * FROM t").then(() => undefined, (e: unknown) => e);
  if (!(error instanceof DataFileError)) throw new Error(`expected a DataFileError, got ${String(error)}`);
  expect(error.message).not.toMatch(/sources\/|mapt_hidden/);
  return {message: error.message, file: error.file, line: error.line, column: error.column};
}

describe("DuckDBClient with a bad file", () => {
  it("a ragged CSV is an error naming the file and listing its bad lines, never one column of whole lines", async () => {
    const failure = await failureOf("latin.csv", "country,year,deaths\nKenya,2008,1133\nSyria,2011\nSyria,2012,9000,extra\nKenya,2007,10\n");
    expect(failure).toEqual({
      file: "latin.csv",
      line: 3,
      column: undefined,
      message: '"latin.csv" at line 3: 2 rows do not have the 3 fields of the header: line 3 has 2, line 4 has 4. Fix those lines (a missing or extra comma, or a value with a comma that needs "quotes") and attach the file again.'
    });
  });

  it("a CSV with one short row among many names that row's line", async () => {
    const failure = await failureOf("events.csv", "country,year\n" + "Kenya,2008\n".repeat(40) + "Syria\n" + "Kenya,2008\n".repeat(40));
    expect([failure.line, failure.message]).toEqual([42, expect.stringContaining("line 42 has 1")]);
  });

  it("a TSV with a row of too many fields is an error naming its line", async () => {
    expect((await failureOf("counts.tsv", "a\tb\n1\t2\n3\t4\t5\n")).message).toContain("line 3 has 3");
  });

  it("an empty file says it is empty, whatever its format", async () => {
    for (const name of ["empty.csv", "empty.tsv", "empty.json", "empty.parquet", "empty.arrow"]) {
      expect((await failureOf(name, name.endsWith("csv") ? "\n\n" : "")).message).toBe(`"${name}": the file is empty: there is nothing to make a table of`);
    }
  });

  it("invalid JSON names the file, line and column", async () => {
    const failure = await failureOf("deaths.json", '[{"year": 2011},\n {"year": 2012,}]');
    expect(failure).toMatchObject({file: "deaths.json", line: 2, column: 16});
    expect(failure.message).toMatch(/^"deaths.json" at line 2, column 16: is not valid JSON/);
  });

  it("a damaged Parquet file names the file", async () => {
    expect((await failureOf("values.parquet", "PAR1 not really")).message).toMatch(/^"values.parquet": is not a readable Parquet file/);
  });

  it("a CSV that is not UTF-8 names the file and line and says what to do", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode("country\nKenya\n"), 0x43, 0xf4, 0x74, 0x65, 0x0a]);
    expect(await failureOf("latin.csv", latin1)).toMatchObject({line: 3, message: expect.stringContaining("not UTF-8 text; save it as UTF-8")});
  });

  it("a replacement file that cannot be read leaves the previous file's table as it was", async () => {
    const files = attachedFiles();
    files.set("deaths", textFile("deaths.csv", deathsCsv));
    const db = await DuckDBClient.connect(instance, {files});
    expect(rowsOf(await db.query("SELECT count(*) AS n FROM deaths"))).toEqual([{n: 2}]);
    files.set("deaths", textFile("deaths.csv", "year,deaths\n2011\n"));
    await expect(db.query("SELECT * FROM deaths")).rejects.toBeInstanceOf(DataFileError);
    const other = await DuckDBClient.connect(instance);
    expect(rowsOf(await other.query("SELECT count(*) AS n FROM deaths"))).toEqual([{n: 2}]);
    files.set("deaths", textFile("deaths.csv", "year,deaths\n2013,30\n"));
    expect(rowsOf(await db.query("SELECT year FROM deaths"))).toEqual([{year: 2013}]);
    await db.query("DROP TABLE deaths");
  });

  it("a file that cannot be read leaves the catalog table of the same name as it was", async () => {
    const files = attachedFiles();
    const catalog = {tables: [{name: "events", file: "events.csv"}]};
    const db = await DuckDBClient.connect(instance, {files, catalog, loadBytes: async () => new TextEncoder().encode("source\ncatalog\n")});
    expect(rowsOf(await db.query("SELECT source FROM events"))).toEqual([{source: "catalog"}]);
    files.set("events", textFile("events.json", "[1, 2"));
    await expect(db.query("SELECT * FROM events")).rejects.toThrow(/^"events.json" at line 1, column 6: is not valid JSON/);
    files.set("events", undefined);
    expect(rowsOf(await db.query("SELECT source FROM events"))).toEqual([{source: "catalog"}]);
  });
});
