import {readFileSync} from "node:fs";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient, readCatalog} from "../../src/data/index.ts";
import {createBuiltins, type Cite} from "../../src/stdlib/index.ts";
import {openNodeDuckDB} from "../data/node-duckdb.ts";

const dataDir = path.resolve(import.meta.dirname, "../../data");
let db: DuckDBClient;
let cite: Cite;

beforeAll(async () => {
  const catalog = readCatalog(JSON.parse(readFileSync(path.join(dataDir, "catalog.json"), "utf8")));
  db = await DuckDBClient.connect(await openNodeDuckDB(), {
    catalog,
    resolveUrl: (file) => path.join(dataDir, file),
    loadBytes: async (file) => new Uint8Array(readFileSync(file))
  });
  cite = (await createBuiltins({database: async () => db}).cite!()) as Cite;
});
afterAll(() => db?.close());

describe("cite", () => {
  it("cite names the dataset and version from the catalog's sources table", () => {
    const row = cite.source("unhcr");
    expect(cite("unhcr")).toBe(`${row.dataset}, version ${row.version}`);
  });

  it("cite says when the project has not verified a source", () => {
    expect(cite.source("mapt-timelines").verified).toBe(false);
    expect(cite("mapt-timelines")).toMatch(/ \(not verified by the project\)$/);
  });

  it("cite refuses an unknown source, naming the ones there are", () => {
    expect(() => cite("no-such-source")).toThrow(/no source "no-such-source".*"unhcr"/);
  });
});
