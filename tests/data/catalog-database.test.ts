// The build's catalog: each CSV table written once into a DuckDB file by native DuckDB, attached
// by the page on first use. Checked against the CSVs parsed independently (d3-dsv), not DuckDB.
import {mkdtempSync, readFileSync, statSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {csvParse} from "d3";
import {beforeAll, describe, expect, it} from "vitest";
import {CatalogLoadError, DuckDBClient, readCatalog, type Catalog} from "../../src/data/index.ts";
import {writeCatalogDatabases} from "../../src/vite/catalog-database.ts";
import {catalogFileEntries} from "../../src/vite/catalog-module.ts";
import {openNodeDuckDB, rowsOf} from "./node-duckdb.ts";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, "data");

let cacheDir: string;
let files: Map<string, string>;
let catalog: Catalog;

beforeAll(async () => {
  cacheDir = mkdtempSync(path.join(tmpdir(), "mapt-catalog-db-"));
  const result = await writeCatalogDatabases(root, dataDir, cacheDir, catalogFileEntries(dataDir));
  // Skipped means native DuckDB is missing or of another engine version than the wasm build.
  expect(result).not.toHaveProperty("skipped");
  files = (result as {files: Map<string, string>}).files;
  catalog = readCatalog(JSON.parse(readFileSync(path.join(dataDir, "catalog.json"), "utf8")));
}, 120_000);

/** The page's database over the build's files, recording what it loaded. */
async function builtCatalogClient(loadBytes = (url: string) => readFile(url)) {
  const tables = catalog.tables.map((table) => ({...table.spec, database: files.get(table.name)}));
  return DuckDBClient.connect(await openNodeDuckDB(), {catalog: {tables}, loadBytes});
}

/** A value as the CSV writes it: dates as YYYY-MM-DD, numbers by value, missing as "". */
function asCsvText(value: unknown, csvText: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && /^\d{4}-\d\d-\d\d$/.test(csvText)) return new Date(value).toISOString().slice(0, 10);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" && csvText !== "" && Number(csvText) === value) return csvText;
  return String(value);
}

describe("the build's catalog database files", () => {
  it("writes one DuckDB file per CSV table of the catalog", () => {
    expect([...files.keys()].sort()).toEqual(catalog.tables.filter((t) => t.format === "csv").map((t) => t.name).sort());
    for (const file of files.values()) expect(statSync(file).size).toBeGreaterThan(0);
  });

  it("every table attached from its file holds exactly the rows and values of its CSV", async () => {
    const db = await builtCatalogClient();
    for (const table of catalog.tables) {
      const csv = csvParse(readFileSync(path.join(dataDir, table.file), "utf8"));
      const rows = rowsOf(await db.query(`SELECT * FROM ${table.name}`));
      expect({table: table.name, rows: rows.length}).toEqual({table: table.name, rows: csv.length});
      expect({table: table.name, columns: Object.keys(rows[0] ?? {})}).toEqual({table: table.name, columns: csv.columns});
      const mismatches: string[] = [];
      rows.forEach((row, i) => {
        for (const column of csv.columns) {
          const expected = csv[i]![column] ?? "";
          const actual = asCsvText(row[column], expected);
          if (actual !== expected && mismatches.length < 5) mismatches.push(`${table.name} row ${i + 1} ${column}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
        }
      });
      expect(mismatches).toEqual([]);
    }
  }, 120_000);

  it("a table from the build's file has the column types the dev server's CSV table has", async () => {
    const built = await builtCatalogClient();
    const dev = await DuckDBClient.connect(await openNodeDuckDB(), {catalog, resolveUrl: (file) => path.join(dataDir, file), loadBytes: (file) => readFile(file)});
    for (const table of catalog.tables) {
      expect({table: table.name, columns: await built.describeColumns(table.name)}).toEqual({table: table.name, columns: await dev.describeColumns(table.name)});
    }
    expect((await built.describeTables()).find((t) => t.name === "countries")).toEqual({name: "countries", kind: "table"});
  }, 120_000);

  it("a query answers the same on the build's file as on the CSV", async () => {
    const sql = `SELECT indicator_id, count(*) AS n, round(avg(value), 6) AS mean FROM indicator_values GROUP BY ALL ORDER BY indicator_id`;
    const built = await builtCatalogClient();
    const dev = await DuckDBClient.connect(await openNodeDuckDB(), {catalog, resolveUrl: (file) => path.join(dataDir, file), loadBytes: (file) => readFile(file)});
    const expected = rowsOf(await dev.query(sql));
    expect(expected.length).toBeGreaterThan(10);
    expect(rowsOf(await built.query(sql))).toEqual(expected);
  }, 120_000);

  it("a table whose file failed to load is loaded by the next query that names it", async () => {
    const loaded: string[] = [];
    let failures = 1;
    const db = await builtCatalogClient(async (url) => {
      loaded.push(path.basename(url));
      if (failures-- > 0) throw new Error("network down");
      return readFile(url);
    });
    const error = await db.query(`SELECT count(*) AS n FROM countries`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogLoadError);
    expect((error as Error).message).toMatch(/^Could not load catalog table "countries" from file "countries.csv": network down/);
    const csvRows = csvParse(readFileSync(path.join(dataDir, "countries.csv"), "utf8")).length;
    expect(await db.queryRow(`SELECT count(*) AS n FROM countries`)).toEqual({n: csvRows});
    expect(loaded).toEqual(["countries.duckdb", "countries.duckdb"]);
  }, 60_000);

  it("a second build reuses the files of the first when no CSV changed", async () => {
    const before = new Map([...files].map(([name, file]) => [name, statSync(file).mtimeMs]));
    const again = await writeCatalogDatabases(root, dataDir, cacheDir, catalogFileEntries(dataDir));
    expect("files" in again && new Map([...again.files].map(([name, file]) => [name, statSync(file).mtimeMs]))).toEqual(before);
  });
});
