import {describe, expect, it} from "vitest";
import {attachmentCellSource, freeAttachmentName, planAttachment} from "../../src/ui/editor/index.ts";
import {compileCell} from "../../src/compiler/index.ts";
import {createNotebook, readNotebook, serializeNotebook} from "../../src/notebook/index.ts";

const none = new Map<string, string>();

describe("planning an attachment", () => {
  it("planAttachment attaches a data file under a safe name and says what already has its table name", () => {
    expect(planAttachment({name: "Deaths 2011.csv", size: 10}, none)).toEqual({type: "attach", name: {file: "deaths-2011.csv", table: "deaths_2011"}});
    const existing = new Map([["events", "a table of the data catalog"]]);
    expect(planAttachment({name: "events.csv", size: 10}, existing)).toEqual({
      type: "attach",
      name: {file: "events.csv", table: "events"},
      existing: "a table of the data catalog"
    });
  });

  it("planAttachment sends notebook files to be opened, never attached", () => {
    expect(planAttachment({name: "study.html", size: 10}, none)).toEqual({type: "open"});
    expect(planAttachment({name: "STUDY.HTM", size: 10}, none)).toEqual({type: "open"});
  });

  it("planAttachment refuses other formats and empty files, saying what to do", () => {
    const other = planAttachment({name: "map.png", size: 10}, none);
    expect(other).toEqual({type: "refuse", message: expect.stringContaining('"map.png" was not attached: a notebook\'s data files are CSV, TSV, JSON, Parquet or Arrow files')});
    expect(planAttachment({name: "empty.csv", size: 0}, none)).toEqual({type: "refuse", message: '"empty.csv" was not attached: it is empty.'});
  });

  it("planAttachment refuses a file too large for the page before reading it, suggesting Parquet", () => {
    const plan = planAttachment({name: "huge.csv", size: 1.5e9}, none);
    expect(plan.type).toBe("refuse");
    expect(plan.type === "refuse" && plan.message).toMatch(/"huge\.csv" is 1\.5 GB, more than the 1\.0 GB a browser page can load as a CSV table\. Convert it to Parquet/);
    // Parquet goes row group by row group into DuckDB (its footer's estimate is checked later), so up to 1 GB attaches.
    expect(planAttachment({name: "big.parquet", size: 1.5e9}, none).type).toBe("refuse");
    expect(planAttachment({name: "medium.parquet", size: 300e6}, none).type).toBe("attach");
    expect(planAttachment({name: "fine.csv", size: 900e6}, none).type).toBe("attach");
  });

  it("freeAttachmentName finds the first name whose table is free", () => {
    const existing = new Map([["deaths", "x"], ["deaths_2", "y"]]);
    expect(freeAttachmentName({file: "deaths.csv", table: "deaths"}, existing)).toEqual({file: "deaths-3.csv", table: "deaths_3"});
  });

  it("attachmentCellSource is a cell that names the file, says its table, and survives the file format", () => {
    const source = attachmentCellSource({file: "deaths-2011.csv", table: "deaths_2011"}, "Deaths 2011.csv");
    expect(source).toBe('// "Deaths 2011.csv" (as deaths-2011.csv) is attached to this notebook: SQL cells query it as the table deaths_2011.\nFileAttachment("deaths-2011.csv")');
    const text = serializeNotebook(createNotebook({cells: [{source}]}));
    const [cell] = readNotebook(text).notebook.cells;
    expect(cell!.source).toBe(source);
    expect(compileCell(cell!).files).toEqual(["deaths-2011.csv"]);
  });
});
