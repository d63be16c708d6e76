import {readFileSync} from "node:fs";
import {readFile} from "node:fs/promises";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient, readCatalogDetails, type CatalogDetails, type DuckDBInstance, type TableDescription} from "../../src/data/index.ts";
import {catalogRows, filterCatalogRows, starterSql, type CatalogRow} from "../../src/ui/editor/index.ts";
import {openNodeDuckDB} from "../data/node-duckdb.ts";

const dataDir = path.resolve(import.meta.dirname, "../../data");
const projectCatalog = JSON.parse(readFileSync(path.join(dataDir, "catalog.json"), "utf8"));

const details: CatalogDetails = readCatalogDetails({
  tables: [
    {name: "deaths", file: "deaths.csv", description: "Battle deaths", grain: "one row per year", columns: [{name: "bd_best", type: "BIGINT", unit: "deaths"}], sources: ["ucdp", "owid"]},
    {name: "events", file: "events.csv", description: "Dated events", sources: ["timeline"]},
    {name: "mapping", file: "mapping.csv", description: "Our own mapping", sources: []},
    {name: "vetoes", file: "vetoes.csv", sources: ["ucdp", "nowhere"]}
  ],
  sources: [
    {source_id: "ucdp", dataset: "UCDP BRD", url: "https://ucdp.uu.se/", verified: true},
    {source_id: "owid", dataset: "OWID", verified: true},
    {source_id: "timeline", dataset: "Timelines", verified: false}
  ]
});

const names = (rows: CatalogRow[]) => rows.map((row) => `${row.kind}:${row.name}`);

describe("catalogRows", () => {
  it("catalogRows lists the catalog tables in catalog order, then the page's other tables by name", () => {
    const tables: TableDescription[] = [
      {name: "zeta", kind: "table"},
      {name: "DEATHS", kind: "view"},
      {name: "alpha", kind: "view"},
      {name: "events", kind: "catalog (not yet loaded)"}
    ];
    expect(names(catalogRows(details, tables))).toEqual(["catalog:deaths", "catalog:events", "catalog:mapping", "catalog:vetoes", "user:alpha", "user:zeta"]);
    expect(catalogRows(details, tables).find((row) => row.name === "alpha")).toEqual({kind: "user", name: "alpha", type: "view"});
  });

  it("catalogRows resolves each table's sources and says how far they are verified", () => {
    const rows = catalogRows(details, []);
    const verification = Object.fromEntries(rows.map((row) => [row.name, row.kind === "catalog" ? row.verification : undefined]));
    expect(verification).toEqual({deaths: "verified", events: "unverified", mapping: "no source listed", vetoes: "partly verified"});
    const deaths = rows[0]!;
    expect(deaths.kind === "catalog" && deaths.sources.map((s) => [s.dataset, s.url])).toEqual([["UCDP BRD", "https://ucdp.uu.se/"], ["OWID", undefined]]);
  });

  it("catalogRows reads a source id the catalog does not describe as an unverified source", () => {
    const vetoes = catalogRows(details, []).find((row) => row.name === "vetoes");
    expect(vetoes?.kind === "catalog" && vetoes.sources[1]).toMatchObject({id: "nowhere", verified: false, url: undefined});
  });
});

describe("filterCatalogRows", () => {
  it("filterCatalogRows finds tables by name, description, column name or unit, every word counting", () => {
    const rows = catalogRows(details, [{name: "my_upload", kind: "table"}]);
    expect(names(filterCatalogRows(rows, "deaths"))).toEqual(["catalog:deaths"]);
    expect(names(filterCatalogRows(rows, "BD_BEST"))).toEqual(["catalog:deaths"]);
    expect(names(filterCatalogRows(rows, "dated"))).toEqual(["catalog:events"]);
    expect(names(filterCatalogRows(rows, "upload"))).toEqual(["user:my_upload"]);
    expect(names(filterCatalogRows(rows, "battle events"))).toEqual([]);
    expect(filterCatalogRows(rows, "  ")).toHaveLength(rows.length);
  });
});

describe("starterSql", () => {
  let instance: DuckDBInstance;
  beforeAll(async () => void (instance = await openNodeDuckDB()));

  it("starterSql lists the columns and the first 100 rows, one column a line when they do not fit", () => {
    expect(starterSql("deaths", ["year", "bd_best"])).toBe("SELECT year, bd_best\nFROM deaths\nLIMIT 100");
    expect(starterSql("t", [])).toBe("SELECT *\nFROM t\nLIMIT 100");
    const long = starterSql("countries", ["iso3", "name", "role", "peer_of", "region", "gwno", "cow", "vdem_country_id", "ewp_name"]);
    expect(long.split("\n").slice(0, 3)).toEqual(["SELECT", "  iso3,", "  name,"]);
    expect(long.endsWith("  ewp_name\nFROM countries\nLIMIT 100")).toBe(true);
  });

  it("starterSql quotes names DuckDB would not read back as themselves, and the query runs", async () => {
    const db = await DuckDBClient.connect(instance);
    await db.query(`CREATE TABLE "My Data" ("order" INTEGER, "Two words" VARCHAR, plain INTEGER)`);
    await db.query(`INSERT INTO "My Data" VALUES (1, 'a', 2)`);
    const sql = starterSql("My Data", ["order", "Two words", "plain"]);
    expect(sql).toBe(`SELECT "order", "Two words", plain\nFROM "My Data"\nLIMIT 100`);
    const result = await db.query(sql);
    expect(result.schema.fields.map((f) => f.name)).toEqual(["order", "Two words", "plain"]);
    expect(result.numRows).toBe(1);
  });

  it("starterSql of every table of the project's catalog runs and returns the catalog's columns", async () => {
    const db = await DuckDBClient.connect(instance, {catalog: projectCatalog, resolveUrl: (file) => path.join(dataDir, file), loadBytes: (file) => readFile(file)});
    for (const row of catalogRows(readCatalogDetails(projectCatalog), [])) {
      if (row.kind !== "catalog") continue;
      const result = await db.query(starterSql(row.name, row.columns.map((c) => c.name)));
      expect(result.schema.fields.map((f) => f.name), row.name).toEqual(row.columns.map((c) => c.name));
      expect(result.numRows, row.name).toBeGreaterThan(0);
      expect(result.numRows, row.name).toBeLessThanOrEqual(100);
    }
  }, 120_000);
});
