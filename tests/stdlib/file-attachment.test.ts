import ExcelJS from "exceljs";
import {Window} from "happy-dom";
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient} from "../../src/data/index.ts";
import {createBuiltins, type FileAttachment} from "../../src/stdlib/index.ts";
import {zipFile} from "./zip-file.ts";

const window = new Window();
const document = window.document as unknown as Document;
let dir: string;
const files = new Set<string>();

async function attach(name: string, content: string | Uint8Array): Promise<void> {
  await writeFile(path.join(dir, name), content);
  files.add(name);
}

/** The `FileAttachment` builtin over the temp folder, fetching from disk. */
async function attachment(name: string): Promise<FileAttachment> {
  const builtins = createBuiltins({
    database: () => Promise.reject(new Error("these readers must not start DuckDB")) as Promise<DuckDBClient>,
    resolveFile: (file) => (files.has(file) ? {url: path.join(dir, file)} : undefined),
    fetch: async (url) => new Response(await readFile(url)),
    document
  });
  return ((await builtins.FileAttachment()) as (name: string) => FileAttachment)(name);
}

/** A real .xlsx written by ExcelJS (not the code under test): strings, numbers, dates, booleans, formulas, rich text. */
async function workbookBytes(options: {date1904?: boolean} = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  const deaths = workbook.addWorksheet("Deaths");
  deaths.addRow(["country", "year", "deaths", "reported", "verified", "doubled"]);
  deaths.addRow(["Syria", 2012, 1000, new Date(Date.UTC(2012, 5, 30)), true, {formula: "C2*2", result: 2000}]);
  deaths.addRow([{richText: [{text: "Ken"}, {font: {bold: true}, text: "ya"}]}, 2008, 2000, new Date(Date.UTC(2008, 1, 28)), false, {formula: "C3*2", result: 4000}]);
  deaths.getColumn(4).numFmt = "yyyy-mm-dd";
  const notes = workbook.addWorksheet("Notes");
  notes.getCell("B2").value = "checked";
  notes.getCell("C4").value = 3.5;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mapt-attachments-"));
  await attach("deaths.csv", "country,deaths\nSyria,1000\nKenya,2000\n");
  await attach("deaths.tsv", "country\tdeaths\nSyria\t1000\nKenya\t2000\n");
  await attach("deaths.json", `[{"country": "Syria", "deaths": 1000}, {"country": "Kenya", "deaths": 2000}]`);
  await attach("deaths.txt", "country|deaths\nSyria|1000\n");
  await attach("timeline.xml", `<?xml version="1.0"?><timeline><event year="2011">Protests</event><event year="2012">Veto</event></timeline>`);
  await attach("broken.xml", `<timeline><event></timeline>`);
  await attach("page.html", `<!doctype html><title>Report</title><p class="lead">Early warning</p>`);
  await attach("bundle.zip", zipFile({"data/deaths.csv": "country,deaths\nSyria,1000\n", "notes.json": `{"source": "UCDP"}`}));
  await attach("report.xlsx", await workbookBytes());
  await attach("mac.xlsx", await workbookBytes({date1904: true}));
  await attach("not-a-workbook.xlsx", "country,deaths\n");
  const {parquetWriteBuffer} = await import("hyparquet-writer");
  await attach("deaths.parquet", new Uint8Array(parquetWriteBuffer({columnData: [{name: "country", data: ["Syria", "Kenya"], type: "STRING"}, {name: "deaths", data: [1000, 2000], type: "INT32"}]})));
  const Arrow = await import("apache-arrow");
  await attach("deaths.arrow", Arrow.tableToIPC(Arrow.tableFromJSON([{country: "Syria", deaths: 1000}, {country: "Kenya", deaths: 2000}]), "file"));
});

describe("FileAttachment.dsv", () => {
  it("FileAttachment.dsv reads any one-character delimiter, typed or as arrays", async () => {
    const file = await attachment("deaths.txt");
    expect([...(await file.dsv({delimiter: "|", typed: true}))]).toEqual([{country: "Syria", deaths: 1000}]);
    expect(await file.dsv({delimiter: "|", array: true})).toEqual([["country", "deaths"], ["Syria", "1000"]]);
  });

  it("FileAttachment.dsv rejects a delimiter longer than one character, naming the file", async () => {
    await expect((await attachment("deaths.txt")).dsv({delimiter: "||"})).rejects.toThrow(`FileAttachment "deaths.txt": the delimiter must be one character, not "||"`);
  });
});

describe("FileAttachment.json", () => {
  it("FileAttachment.json names the file, line and column of invalid JSON, and says when the file is empty", async () => {
    await attach("counts.json", '[{"n": 1},\n {"n": 2,}]');
    await attach("nothing.json", "");
    await expect((await attachment("counts.json")).json()).rejects.toThrow(/^"counts.json" at line 2, column 10: is not valid JSON/);
    await expect((await attachment("nothing.json")).json()).rejects.toThrow('"nothing.json": the file is empty: there is nothing to read');
  });
});

describe("FileAttachment.xml and .html", () => {
  it("FileAttachment.xml parses an XML document", async () => {
    const xml = await (await attachment("timeline.xml")).xml();
    expect(Array.from(xml.getElementsByTagName("event"), (e) => `${e.getAttribute("year")} ${e.textContent}`)).toEqual(["2011 Protests", "2012 Veto"]);
  });

  it("FileAttachment.xml fails naming the file when the XML is not well-formed", async () => {
    await expect((await attachment("broken.xml")).xml()).rejects.toThrow(/^FileAttachment "broken.xml": not well-formed XML/);
  });

  it("FileAttachment.html parses an HTML document without running it", async () => {
    const page = await (await attachment("page.html")).html();
    expect([page.title, page.querySelector("p.lead")?.textContent]).toEqual(["Report", "Early warning"]);
  });
});

describe("FileAttachment.zip", () => {
  it("FileAttachment.zip lists the archive's files", async () => {
    expect((await (await attachment("bundle.zip")).zip()).filenames).toEqual(["data/deaths.csv", "notes.json"]);
  });

  it("FileAttachment.zip's file(name) is a FileAttachment with every reader", async () => {
    const zip = await (await attachment("bundle.zip")).zip();
    const csv = zip.file("data/deaths.csv");
    expect([csv.name, csv.mimeType]).toEqual(["data/deaths.csv", "text/csv"]);
    expect([...(await csv.csv({typed: true}))]).toEqual([{country: "Syria", deaths: 1000}]);
    expect(await zip.file("notes.json").json()).toEqual({source: "UCDP"});
  });

  it("FileAttachment.zip's file(name) names the archive and lists its files for a missing name", async () => {
    const zip = await (await attachment("bundle.zip")).zip();
    expect(() => zip.file("deaths.csv")).toThrow(`Zip archive "bundle.zip" has no file "deaths.csv"; its files are "data/deaths.csv", "notes.json"`);
  });

  it("FileAttachment.zip fails naming a file that is not a zip archive", async () => {
    await expect((await attachment("deaths.csv")).zip()).rejects.toThrow(/^FileAttachment "deaths.csv" is not a zip archive/);
  });
});

describe("FileAttachment.xlsx", () => {
  it("FileAttachment.xlsx lists the workbook's sheets", async () => {
    expect((await (await attachment("report.xlsx")).xlsx()).sheetNames).toEqual(["Deaths", "Notes"]);
  });

  it("FileAttachment.xlsx reads strings, numbers, dates, booleans, formula results and rich text by column letter", async () => {
    const rows = (await (await attachment("report.xlsx")).xlsx()).sheet("Deaths");
    expect(rows.columns).toEqual(["#", "A", "B", "C", "D", "E", "F"]);
    expect({...rows[1]}).toEqual({A: "Syria", B: 2012, C: 1000, D: new Date(Date.UTC(2012, 5, 30)), E: true, F: 2000});
    expect({...rows[2]}).toEqual({A: "Kenya", B: 2008, C: 2000, D: new Date(Date.UTC(2008, 1, 28)), E: false, F: 4000});
  });

  it("FileAttachment.xlsx names columns by the header row with {headers: true} and keeps row numbers as #", async () => {
    const rows = (await (await attachment("report.xlsx")).xlsx()).sheet(0, {headers: true});
    expect(rows.columns).toEqual(["#", "country", "year", "deaths", "reported", "verified", "doubled"]);
    expect(rows.map((row) => [row["#"], row.country, row.deaths])).toEqual([[2, "Syria", 1000], [3, "Kenya", 2000]]);
  });

  it("FileAttachment.xlsx reads only the cells of a range", async () => {
    const workbook = await (await attachment("report.xlsx")).xlsx();
    expect(workbook.sheet("Deaths", {range: "A2:C3"}).map((row) => ({...row}))).toEqual([{A: "Syria", B: 2012, C: 1000}, {A: "Kenya", B: 2008, C: 2000}]);
    expect(workbook.sheet("Notes", {range: "B:"}).map((row) => ({...row}))).toEqual([{}, {B: "checked"}, {}, {C: 3.5}]);
  });

  it("FileAttachment.xlsx reads dates of workbooks in the 1904 date system", async () => {
    const rows = (await (await attachment("mac.xlsx")).xlsx()).sheet("Deaths", {headers: true});
    expect(rows[0]!.reported).toEqual(new Date(Date.UTC(2012, 5, 30)));
  });

  it("FileAttachment.xlsx names the workbook and its sheets for an unknown sheet, and explains a malformed range", async () => {
    const workbook = await (await attachment("report.xlsx")).xlsx();
    expect(() => workbook.sheet("Casualties")).toThrow(`Workbook "report.xlsx" has no sheet "Casualties"; its sheets are "Deaths", "Notes"`);
    expect(() => workbook.sheet("Deaths", {range: "A1-C3"})).toThrow(`Sheet "Deaths": range "A1-C3" is not like "A1:C10"`);
  });

  it("FileAttachment.xlsx fails naming a file that is not a workbook", async () => {
    await expect((await attachment("not-a-workbook.xlsx")).xlsx()).rejects.toThrow(/^FileAttachment "not-a-workbook.xlsx" is not an Excel workbook \(\.xlsx\)/);
  });
});

describe("FileAttachment.arquero and .parquet", () => {
  it("FileAttachment.arquero reads csv, tsv, json, arrow and parquet files into the same table", async () => {
    for (const name of ["deaths.csv", "deaths.tsv", "deaths.json", "deaths.arrow", "deaths.parquet"]) {
      const table = (await (await attachment(name)).arquero()) as {objects(): unknown[]};
      expect(table.objects(), name).toEqual([{country: "Syria", deaths: 1000}, {country: "Kenya", deaths: 2000}]);
    }
  });

  it("FileAttachment.arquero names the file and the types it reads for any other file", async () => {
    await expect((await attachment("timeline.xml")).arquero()).rejects.toThrow(
      `FileAttachment "timeline.xml": arquero() reads csv, tsv, json, arrow and parquet files; this one is application/xml`
    );
  });

  it("FileAttachment.parquet reads a Parquet file without starting DuckDB", async () => {
    const table = await (await attachment("deaths.parquet")).parquet();
    expect(table.toArray().map((row) => row.toJSON())).toEqual([{country: "Syria", deaths: 1000}, {country: "Kenya", deaths: 2000}]);
  });
});

describe("FileAttachment.url", () => {
  it("FileAttachment.url and href give where an attached file is served", async () => {
    const file = await attachment("deaths.csv");
    expect([file.href, await file.url()]).toEqual([path.join(dir, "deaths.csv"), path.join(dir, "deaths.csv")]);
  });

  it("FileAttachment.url of a zip entry is an object URL of its bytes", async () => {
    const entry = (await (await attachment("bundle.zip")).zip()).file("notes.json");
    expect(await entry.url()).toMatch(/^blob:/);
  });
});
