import {beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient, type DuckDBInstance, type TableFiles} from "../../src/data/index.ts";
import {openNodeDuckDB, rowsOf} from "./node-duckdb.ts";

// Test data, not case figures.
const catalogCsv = "country,year,deaths\nSYR,2011,1000\nSYR,2012,9000\n";
const attachedCsv = "year,events\n2011,3\n2012,5\n2013,8\n";

/** Two real DuckDB engines, opened once (each is slow to open): the first, and the one replacing it. */
let engines: DuckDBInstance[];
beforeAll(async () => void (engines = await Promise.all([openNodeDuckDB(), openNodeDuckDB()])), 120_000);

/**
 * An instance whose engine the test replaces, as the page's supervisor does after a crash: each
 * engine is a separate, real DuckDB, and the new one has none of the old one's tables.
 */
function replaceableInstance(first: DuckDBInstance, next: DuckDBInstance): DuckDBInstance & {replace(): void} {
  let engine = first;
  let generation = 0;
  return {
    get generation() {
      return generation;
    },
    connect: () => engine.connect(),
    registerFileBuffer: (name, bytes) => engine.registerFileBuffer(name, bytes),
    dropFile: (name) => engine.dropFile(name),
    replace() {
      engine = next;
      generation++;
    }
  };
}

describe("DuckDBClient over an engine that was replaced", () => {
  it("DuckDBClient.query connects to the new engine and makes the catalog's and the user's tables again on first use", async () => {
    const instance = replaceableInstance(engines[0], engines[1]);
    const loaded: string[] = [];
    const file = {name: "events.csv", arrayBuffer: async () => new TextEncoder().encode(attachedCsv).buffer as ArrayBuffer};
    const files: TableFiles = {get: (name) => (name === "events" ? file : undefined), names: () => ["events"]};
    const db = await DuckDBClient.connect(instance, {
      catalog: {version: 1, tables: [{name: "deaths", file: "deaths.csv", format: "csv"}]},
      loadBytes: async (url) => (loaded.push(url), new TextEncoder().encode(catalogCsv)),
      files
    });
    const query = "SELECT (SELECT sum(deaths) FROM deaths) AS deaths, (SELECT sum(events) FROM events) AS events";
    const before = rowsOf(await db.query(query));
    expect(before).toEqual([{deaths: 10000, events: 16}]);

    instance.replace();
    expect(rowsOf(await db.query(query))).toEqual(before);
    expect(loaded).toEqual(["deaths.csv", "deaths.csv"]);
    expect(await db.describeTables()).toEqual([
      {name: "deaths", kind: "table"},
      {name: "events", kind: "table"}
    ]);
  });

  it("DuckDBClient.query's parameterised query reads the new engine's tables, not a statement prepared in the old one", async () => {
    const instance = replaceableInstance(engines[0], engines[1]);
    const csvs = [catalogCsv, "country,year,deaths\nSYR,2011,7\nSYR,2012,8\n"];
    const db = await DuckDBClient.connect(instance, {
      catalog: {version: 1, tables: [{name: "deaths_by_year", file: "deaths_by_year.csv", format: "csv"}]},
      loadBytes: async () => new TextEncoder().encode(csvs.shift()!)
    });
    const query = "SELECT deaths FROM deaths_by_year WHERE year = ?";
    expect(rowsOf(await db.query(query, [2012]))).toEqual([{deaths: 9000}]);
    expect(rowsOf(await db.query(query, [2011]))).toEqual([{deaths: 1000}]);
    instance.replace();
    expect(rowsOf(await db.query(query, [2012]))).toEqual([{deaths: 8}]);
  });

  it("DuckDBClient.of's database says it was lost with its engine, and the cell that makes it can make it again", async () => {
    const instance = replaceableInstance(engines[1], engines[0]);
    const mine = await DuckDBClient.of({t: [{x: 1}, {x: 2}]}, {instance});
    expect(rowsOf(await mine.query("SELECT sum(x) AS s FROM t"))).toEqual([{s: 3}]);
    instance.replace();
    await expect(mine.query("SELECT sum(x) AS s FROM t")).rejects.toThrow(/lost when DuckDB restarted; run the cell that makes it again/);
    const again = await DuckDBClient.of({t: [{x: 1}, {x: 2}]}, {instance});
    expect(rowsOf(await again.query("SELECT sum(x) AS s FROM t"))).toEqual([{s: 3}]);
  });
});
