import {readFileSync} from "node:fs";
import {readFile} from "node:fs/promises";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {DuckDBClient, readCatalog} from "../../src/data/index.ts";
import {openNodeDuckDB} from "./node-duckdb.ts";

const dataDir = path.resolve(import.meta.dirname, "../../data");
const catalogFile = path.join(dataDir, "catalog.json");

describe("data/catalog.json in DuckDB", () => {
  it("readCatalog accepts the project's catalog without problems", () => {
    expect(readCatalog(JSON.parse(readFileSync(catalogFile, "utf8"))).problems).toEqual([]);
  });

  it("DuckDBClient queries every catalog table by name, with the catalog's columns in order", async () => {
    const catalog = readCatalog(JSON.parse(readFileSync(catalogFile, "utf8")));
    const db = await DuckDBClient.connect(await openNodeDuckDB(), {catalog, resolveUrl: (file) => path.join(dataDir, file), loadBytes: (file) => readFile(file)});
    for (const table of catalog.tables) {
      const columns = (await db.describeColumns(table.name)).map((c) => c.name);
      const documented = (table.spec.columns as {name: string}[] | undefined)?.map((c) => c.name);
      expect({table: table.name, columns}).toEqual({table: table.name, columns: documented ?? columns});
      expect(await db.queryRow(`SELECT count(*) > 0 AS rows FROM ${table.name}`)).toEqual({rows: true});
    }
  }, 120_000);
});
