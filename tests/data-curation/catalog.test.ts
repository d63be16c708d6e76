import {existsSync, readdirSync, statSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {DATA_DIR, readCatalog, readTable, rowsOf} from "./data-tables.ts";

const catalog = readCatalog();
const DUCKDB_TYPES = ["VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN", "DATE"];

describe("data/catalog.json", () => {
  it("lists a file that exists for every table, and every data file is listed", () => {
    for (const t of catalog.tables) expect(existsSync(path.join(DATA_DIR, t.file)), t.file).toBe(true);
    const listed = new Set(catalog.tables.map((t) => t.file).concat("catalog.json"));
    expect(readdirSync(DATA_DIR).filter((f) => !listed.has(f))).toEqual([]);
  });

  it("documents every column, in the order of the file header", () => {
    for (const t of catalog.tables) {
      expect(readTable(t.name).header, t.name).toEqual(t.columns.map((c) => c.name));
      for (const c of t.columns) {
        expect(DUCKDB_TYPES, `${t.name}.${c.name}`).toContain(c.type);
        expect(c.description.length, `${t.name}.${c.name}`).toBeGreaterThan(3);
      }
    }
  });

  it("gives every table a format, description, grain, licence, citation, command and known sources", () => {
    const sourceIds = new Set(catalog.sources.map((s) => s.source_id));
    for (const t of catalog.tables) {
      expect(t.format).toBe("csv");
      for (const field of [t.description, t.grain, t.license, t.citation]) expect(field.length, t.name).toBeGreaterThan(2);
      expect(t.command).toBe("npm run data");
      for (const s of t.sources) expect(sourceIds.has(s), `${t.name} cites ${s}`).toBe(true);
    }
  });

  it("has unique keys in every table", () => {
    for (const t of catalog.tables) {
      const keys = rowsOf(t.name).map((r) => t.key.map((k) => r[k]).join("|"));
      expect(new Set(keys).size, `${t.name} key (${t.key.join(", ")})`).toBe(keys.length);
    }
  });

  it("keeps the same sources in the catalog and in the sources table", () => {
    expect(rowsOf("sources").map((r) => r.source_id)).toEqual(catalog.sources.map((s) => s.source_id));
  });

  it("states the reason for every comparison country", () => {
    expect(catalog.comparison_set.length).toBeGreaterThanOrEqual(12);
    for (const c of catalog.comparison_set) expect(c.reason.length, c.iso3).toBeGreaterThan(20);
  });

  it("keeps data/ under 5 MB", () => {
    const bytes = readdirSync(DATA_DIR).reduce((n, f) => n + statSync(path.join(DATA_DIR, f)).size, 0);
    expect(bytes).toBeLessThan(5e6);
  });
});
