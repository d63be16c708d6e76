import {readFileSync} from "node:fs";
import path from "node:path";
import {Window} from "happy-dom";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient, readCatalog} from "../../src/data/index.ts";
import {createBuiltins, type Bibliography, type Cite} from "../../src/stdlib/index.ts";
import {openNodeDuckDB} from "../data/node-duckdb.ts";

const dataDir = path.resolve(import.meta.dirname, "../../data");
const document = new Window().document as unknown as Document;
let db: DuckDBClient;
let cite: Cite;
let bibliography: Bibliography;

beforeAll(async () => {
  const catalog = readCatalog(JSON.parse(readFileSync(path.join(dataDir, "catalog.json"), "utf8")));
  db = await DuckDBClient.connect(await openNodeDuckDB(), {
    catalog,
    resolveUrl: (file) => path.join(dataDir, file),
    loadBytes: async (file) => new Uint8Array(readFileSync(file))
  });
  const builtins = createBuiltins({database: async () => db, document});
  cite = (await builtins.cite()) as Cite;
  bibliography = (await builtins.bibliography()) as Bibliography;
}, 60_000); // DuckDB's start-up, slow when other test files share the cores
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

  it("cite names the project's own compilations by their compiler, not by the project's file names", () => {
    const row = cite.source("mapt-timelines");
    expect(cite("mapt-timelines")).toBe(`${row.dataset}, ${row.publisher} (not verified by the project)`);
    expect(cite("mapt-timelines")).not.toMatch(/\.csv|\.md/);
  });

  it("cite.link links the source line to the publisher's page and carries the full citation", () => {
    const link = cite.link("ucdp-brd");
    expect(link.tagName).toBe("A");
    expect(link.getAttribute("href")).toBe(cite.source("ucdp-brd").url);
    expect(link.textContent).toBe(cite("ucdp-brd"));
    expect(link.getAttribute("title")).toBe(cite.source("ucdp-brd").citation);
  });

  it("cite refuses an unknown source, naming the ones there are", () => {
    expect(() => cite("no-such-source")).toThrow(/no source "no-such-source".*"unhcr"/);
    expect(() => cite.link("no-such-source")).toThrow(/no source "no-such-source"/);
  });
});

describe("bibliography", () => {
  it("bibliography lists the chosen data sources in order, with citation, link, licence and flag", () => {
    const list = bibliography({sources: ["unhcr", "mapt-timelines"], cases: []});
    const items = [...list.querySelectorAll("ol > li")];
    expect(items.map((li) => li.id)).toEqual(["source-unhcr", "source-mapt-timelines"]);
    expect(items[0]!.textContent).toContain(cite.source("unhcr").citation!);
    expect(items[0]!.querySelector("a")!.getAttribute("href")).toBe(cite.source("unhcr").url);
    expect(items[1]!.textContent).toContain("Not verified by the project");
  });

  it("bibliography lists each work the timeline cites once, with the events citing it and links to UN documents", () => {
    const list = bibliography({sources: [], cases: ["SYR"]});
    const items = [...list.querySelectorAll("details li")];
    const prst = items.find((li) => li.textContent!.startsWith("S/PRST/2011/16"))!;
    expect(prst.textContent).toContain("(event SYR-011)");
    expect(prst.querySelector("a")!.getAttribute("href")).toBe("https://undocs.org/S/PRST/2011/16");
    const resolution = items.find((li) => li.textContent!.startsWith("S/RES/2118 (2013)"))!;
    expect(resolution.querySelector("a")!.getAttribute("href")).toBe("https://undocs.org/S/RES/2118(2013)");
    expect(items.every((li) => !/KEN-/.test(li.textContent!))).toBe(true);
    expect(new Set(items.map((li) => li.textContent)).size).toBe(items.length);
  });

  it("bibliography keeps a semicolon inside parentheses within its work, and flags citations that say a detail is unverified", () => {
    const items = [...bibliography({sources: [], cases: ["KEN"]}).querySelectorAll("details li")].map((li) => li.textContent!);
    expect(items).toContain("ICC-01/09-3 (Request for authorisation, 26 Nov 2009; filing number unverified) (event KEN-044) ⚠");
    expect(items).toContain("ICC press release, 6 Nov 2009 (event KEN-044)");
  });

  it("bibliography links only documents the UN's document service holds", () => {
    const items = [...bibliography({sources: [], cases: ["SYR"]}).querySelectorAll("details li")];
    const entry = (start: string) => items.find((li) => li.textContent!.startsWith(start))!;
    expect(entry("OPCW Fact-Finding Mission final report S/1731/2019").querySelector("a")).toBeNull();
    expect(entry("A/HRC/31/CRP.1").querySelector("a")).toBeNull();
    expect([...entry("A/67/997-S/2013/553").querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      "https://undocs.org/A/67/997",
      "https://undocs.org/S/2013/553"
    ]);
  });

  it("bibliography with a title opens with how to cite the notebook: title, address and today's date", () => {
    const list = bibliography({title: "Kenya 2007-08", sources: ["unhcr"], cases: []});
    expect([...list.querySelectorAll("h2")].map((h) => h.textContent)).toEqual(["How to cite this notebook", "References"]);
    const line = list.querySelector("h2 + p")!;
    expect(line.querySelector("em")!.textContent).toBe("Kenya 2007-08");
    expect(line.textContent).toContain(`read on ${new Date().toISOString().slice(0, 10)}`);
    expect(bibliography({sources: ["unhcr"], cases: []}).querySelector("h2")).toBeNull();
  });

  it("bibliography refuses an unknown source id", () => {
    expect(() => bibliography({sources: ["no-such-source"]})).toThrow(/bibliography: no source "no-such-source"/);
  });
});
