import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {CatalogLoadError, DuckDBClient, QueryError, readCatalog, type DuckDBInstance} from "../../src/data/index.ts";
import {openNodeDuckDB, rowsOf} from "./node-duckdb.ts";

let instance: DuckDBInstance;
let dir: string;

const CATALOG = {
  version: 1,
  tables: [
    {name: "deaths", file: "deaths.csv", format: "csv", description: "Deaths per year", columns: [{name: "year"}]},
    {name: "actions", file: "actions.csv", format: "csv", description: "International actions"},
    {name: "broken", file: "missing.csv", format: "csv"}
  ],
  sources: [{id: "ucdp"}]
};

beforeAll(async () => {
  instance = await openNodeDuckDB();
  dir = await mkdtemp(path.join(tmpdir(), "mapt-catalog-"));
  await writeFile(path.join(dir, "deaths.csv"), "country,year,deaths\nSYR,2011,1000\nSYR,2012,9000\nKEN,2008,1133\n");
  await writeFile(path.join(dir, "actions.csv"), "country,year,action\nSYR,2012,Annan plan\n");
});

/** A page database over the test catalog that records which files it loaded. */
async function openCatalogClient(on: DuckDBInstance = instance) {
  const loaded: string[] = [];
  const client = await DuckDBClient.connect(on, {
    catalog: CATALOG,
    resolveUrl: (file) => path.join(dir, file),
    loadBytes: async (file) => {
      loaded.push(path.basename(file));
      return readFile(file);
    }
  });
  return {client, loaded};
}

describe("readCatalog", () => {
  it("readCatalog keeps name, file and format and tolerates extra fields", () => {
    const catalog = readCatalog(CATALOG);
    expect(catalog.problems).toEqual([]);
    expect(catalog.tables.map(({name, file, format, description}) => ({name, file, format, description}))[0]).toEqual({
      name: "deaths",
      file: "deaths.csv",
      format: "csv",
      description: "Deaths per year"
    });
    expect(catalog.tables[0].spec.columns).toEqual([{name: "year"}]);
  });

  it("readCatalog infers the format from the file extension", () => {
    expect(readCatalog({tables: [{name: "t", file: "t.parquet"}]}).tables[0].format).toBe("parquet");
  });

  it("readCatalog reports bad entries by position and name and keeps the good ones", () => {
    const catalog = readCatalog({
      tables: [{name: "ok", file: "ok.csv"}, {file: "x.csv"}, {name: "nofile"}, {name: "xl", file: "x.xlsx"}, {name: "OK", file: "ok2.csv"}, 7]
    });
    expect(catalog.tables.map((t) => t.name)).toEqual(["ok"]);
    expect(catalog.problems).toEqual([
      `catalog table 2: "name" must be a non-empty string, got nothing`,
      `catalog table 3 ("nofile"): "file" must be a non-empty string, got nothing`,
      `catalog table 4 ("xl"): cannot tell the format of "x.xlsx"; use one of parquet, csv, tsv, json, arrow`,
      `catalog table 5 ("OK"): duplicate name`,
      `catalog table 6: expected an object, got 7`
    ]);
  });

  it("readCatalog reports a catalog that is not an object", () => {
    expect(readCatalog([1]).problems).toEqual([`catalog: expected an object with "tables", got an array`]);
  });
});

describe("DuckDBClient catalog tables", () => {
  it("DuckDBClient.query creates a catalog table on first use, loading only the files it names", async () => {
    const {client, loaded} = await openCatalogClient();
    expect(rowsOf(await client.query(`SELECT sum(deaths) AS total FROM deaths WHERE country = 'SYR'`))).toEqual([{total: 10000}]);
    expect(loaded).toEqual(["deaths.csv"]);
    await client.query(`SELECT count(*) FROM DEATHS`);
    expect(loaded).toEqual(["deaths.csv"]);
  });

  it("DuckDBClient.query ignores catalog names inside strings and comments", async () => {
    const {client, loaded} = await openCatalogClient();
    await client.query(`SELECT 'actions' AS a, E'it\\'s deaths' AS b, "x" FROM (SELECT 1 AS x) -- actions\n /* broken */`);
    expect(loaded).toEqual([]);
  });

  it("DuckDBClient.query finds catalog names in quoted identifiers, any case", async () => {
    const {client, loaded} = await openCatalogClient();
    await client.query(`SELECT count(*) FROM "Actions" WHERE $$deaths$$ <> 'x'`);
    expect(loaded).toEqual(["actions.csv"]);
  });

  it("DuckDBClient.query loads a catalog table from the url the build gave it", async () => {
    const loaded: string[] = [];
    const catalog = {tables: [{name: "deaths", file: "deaths.csv", format: "csv", url: path.join(dir, "deaths.csv")}]};
    const client = await DuckDBClient.connect(await openNodeDuckDB(), {catalog, loadBytes: async (url) => (loaded.push(url), readFile(url))});
    expect(await client.queryRow(`SELECT count(*) AS n FROM deaths`)).toEqual({n: 3});
    expect(loaded).toEqual([path.join(dir, "deaths.csv")]);
  });

  it("DuckDBClient.sql creates a catalog table once under concurrent first uses", async () => {
    const {client, loaded} = await openCatalogClient(await openNodeDuckDB());
    const results = await Promise.all([1, 2, 3].map((i) => client.sql`SELECT count(*) + ${i} AS n FROM actions`));
    expect(results.map((r) => rowsOf(r)[0].n)).toEqual([2, 3, 4]);
    expect(loaded).toEqual(["actions.csv"]);
  });

  it("DuckDBClient.query joins catalog tables", async () => {
    const {client} = await openCatalogClient();
    const rows = rowsOf(await client.query(`SELECT a.action, d.deaths FROM actions a JOIN deaths d USING (country, year)`));
    expect(rows).toEqual([{action: "Annan plan", deaths: 9000}]);
  });

  it("DuckDBClient.query names the table and file of a catalog file that fails to load", async () => {
    const {client} = await openCatalogClient();
    const error = await client.query(`SELECT * FROM broken`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogLoadError);
    expect((error as Error).message).toMatch(/^Could not load catalog table "broken" from file "missing.csv": .*ENOENT/);
  });

  it("DuckDBClient.query loads a catalog table again after its file failed to load", async () => {
    let failures = 1;
    const loaded: string[] = [];
    const client = await DuckDBClient.connect(await openNodeDuckDB(), {
      catalog: CATALOG,
      resolveUrl: (file) => path.join(dir, file),
      loadBytes: async (file) => {
        loaded.push(path.basename(file));
        if (failures-- > 0) throw new Error("connection reset");
        return readFile(file);
      }
    });
    await expect(client.query(`SELECT count(*) FROM deaths`)).rejects.toThrow(/^Could not load catalog table "deaths" from file "deaths.csv": connection reset/);
    expect(await client.queryRow(`SELECT count(*) AS n FROM deaths`)).toEqual({n: 3});
    expect(await client.queryRow(`SELECT count(*) AS n FROM deaths`)).toEqual({n: 3});
    expect(loaded).toEqual(["deaths.csv", "deaths.csv"]);
  });

  it("DuckDBClient.query retries a catalog table whose load failed once the file is there", async () => {
    const later = await mkdtemp(path.join(tmpdir(), "mapt-catalog-later-"));
    const catalog = {tables: [{name: "arrivals", file: "arrivals.csv", format: "csv"}]};
    const client = await DuckDBClient.connect(instance, {catalog, resolveUrl: (file) => path.join(later, file), loadBytes: (file) => readFile(file)});
    await expect(client.query(`SELECT * FROM arrivals`)).rejects.toBeInstanceOf(CatalogLoadError);
    await writeFile(path.join(later, "arrivals.csv"), "year,n\n2012,5\n");
    expect(await client.queryRow(`SELECT n FROM arrivals`)).toEqual({n: 5});
  });

  it("DuckDBClient.query gives DuckDB's message for a SQL error on a catalog table", async () => {
    const {client} = await openCatalogClient();
    const error = await client.query(`SELECT nope FROM deaths`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as Error).message).toMatch(/^Binder Error: Referenced column "nope" not found/);
  });

  it("DuckDBClient.describeTables lists catalog tables not yet loaded", async () => {
    const {client} = await openCatalogClient(await openNodeDuckDB());
    await client.query(`SELECT * FROM deaths`);
    expect(await client.describeTables()).toEqual([
      {name: "deaths", kind: "table"},
      {name: "actions", kind: "catalog (not yet loaded)"},
      {name: "broken", kind: "catalog (not yet loaded)"}
    ]);
  });

  it("DuckDBClient.describeColumns loads a catalog table to describe it", async () => {
    const {client, loaded} = await openCatalogClient(await openNodeDuckDB());
    expect((await client.describeColumns("actions")).map((c) => `${c.name} ${c.type}`)).toEqual(["country VARCHAR", "year BIGINT", "action VARCHAR"]);
    expect(loaded).toEqual(["actions.csv"]);
  });
});
