import {beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient, type DuckDBInstance, type TableFiles} from "../../src/data/index.ts";
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
