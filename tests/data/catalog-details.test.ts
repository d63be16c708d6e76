import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {readCatalogDetails} from "../../src/data/index.ts";

const projectCatalog = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../data/catalog.json"), "utf8"));

describe("readCatalogDetails", () => {
  it("readCatalogDetails keeps each table's description, grain, columns with unit, sources, licence and citation", () => {
    const details = readCatalogDetails({
      tables: [
        {
          name: "deaths",
          file: "deaths.csv",
          description: "Deaths per year",
          grain: "one row per country and year",
          columns: [{name: "deaths", type: "BIGINT", unit: "deaths", description: "Battle deaths"}, {name: "iso3", type: "VARCHAR", unit: null}],
          sources: ["ucdp"],
          license: "CC BY 4.0",
          citation: "UCDP (2025)."
        }
      ],
      sources: [{source_id: "ucdp", publisher: "UCDP", dataset: "BRD", licence: "CC BY 4.0", url: "https://ucdp.uu.se/", verified: true}]
    });
    expect(details.tables).toEqual([
      {
        name: "deaths",
        description: "Deaths per year",
        grain: "one row per country and year",
        columns: [
          {name: "deaths", type: "BIGINT", unit: "deaths", description: "Battle deaths"},
          {name: "iso3", type: "VARCHAR", unit: undefined, description: ""}
        ],
        sources: ["ucdp"],
        licence: "CC BY 4.0",
        citation: "UCDP (2025)."
      }
    ]);
    expect(details.sources[0]).toMatchObject({id: "ucdp", url: "https://ucdp.uu.se/", verified: true, licence: "CC BY 4.0"});
  });

  it("readCatalogDetails treats a source not marked verified: true as unverified", () => {
    const details = readCatalogDetails({tables: [], sources: [{id: "a", verified: "yes"}, {id: "b"}, {id: "c", verified: true}]});
    expect(details.sources.map((s) => [s.id, s.verified])).toEqual([["a", false], ["b", false], ["c", true]]);
  });

  it("readCatalogDetails drops source addresses that are not http(s), so no link runs script", () => {
    const details = readCatalogDetails({sources: [{id: "x", url: "javascript:alert(1)"}, {id: "y", url: "http://example.org/data"}]});
    expect(details.sources.map((s) => s.url)).toEqual([undefined, "http://example.org/data"]);
  });

  it("readCatalogDetails leaves out what the database cannot use and never throws on malformed input", () => {
    const details = readCatalogDetails({
      tables: [{name: "ok", file: "ok.csv", columns: "not a list", sources: [3, "s"]}, {name: "no file"}, 7],
      sources: [{publisher: "no id"}, "text"]
    });
    expect(details.tables.map((t) => [t.name, t.columns, t.sources])).toEqual([["ok", [], ["s"]]]);
    expect(details.sources).toEqual([]);
    expect(readCatalogDetails(null)).toEqual({tables: [], sources: []});
  });

  it("readCatalogDetails of the project's catalog documents every column and cites only sources the catalog describes", () => {
    const details = readCatalogDetails(projectCatalog);
    expect(details.tables.map((t) => t.name)).toEqual(projectCatalog.tables.map((t: {name: string}) => t.name));
    const ids = new Set(details.sources.map((s) => s.id));
    for (const table of details.tables) {
      expect(table.description, table.name).not.toBe("");
      expect(table.grain, table.name).not.toBe("");
      for (const column of table.columns) expect(column.description, `${table.name}.${column.name}`).not.toBe("");
      for (const id of table.sources) expect(ids.has(id), `${table.name} cites ${id}`).toBe(true);
    }
  });
});
