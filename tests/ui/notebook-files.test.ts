import {describe, expect, it} from "vitest";
import {NotebookFiles} from "../../src/ui/index.ts";

const csv = (text: string) => new Blob([text], {type: "text/csv"});

describe("a notebook's files", () => {
  it("NotebookFiles resolves FileAttachment names, those attached after the page started included", () => {
    const files = new NotebookFiles({"built.csv": {url: "/assets/built-1a2b.csv", mimeType: "text/csv"}}, () => []);
    const blob = new Blob(["[]"]);
    files.set("attached.json", {url: "blob:attached", blob});
    expect(files.resolve("built.csv")).toEqual({url: "/assets/built-1a2b.csv", mimeType: "text/csv"});
    expect(files.resolve("attached.json")).toEqual({url: "blob:attached", blob});
    expect(files.resolve("missing.csv")).toBeUndefined();
    expect(files.names()).toEqual(["built.csv", "attached.json"]);
  });

  it("NotebookFiles.tables has the data files the cells name, by table name; the first cell's wins a shared name", () => {
    let referenced = ["deaths.csv", "photo.png", "Deaths.json", "unknown.csv"];
    const files = new NotebookFiles({}, () => referenced);
    for (const name of ["deaths.csv", "Deaths.json", "photo.png", "other.csv"]) files.set(name, {url: `blob:${name}`, blob: csv("a\n1\n")});
    expect(files.tables.names()).toEqual(["deaths"]);
    expect(files.tables.get("deaths")?.name).toBe("deaths.csv");
    expect(files.tables.get("other")).toBeUndefined();
    referenced = ["Deaths.json", "other.csv"];
    expect(files.tables.names()).toEqual(["deaths", "other"]);
    expect(files.tables.get("deaths")?.name).toBe("Deaths.json");
  });

  it("NotebookFiles.tables gives the same source until the file is replaced, so DuckDB makes its table again only then", () => {
    const files = new NotebookFiles({}, () => ["deaths.csv"]);
    files.set("deaths.csv", {url: "blob:1", blob: csv("a\n1\n")});
    const first = files.tables.get("deaths");
    expect(files.tables.get("deaths")).toBe(first);
    files.set("deaths.csv", {url: "blob:2", blob: csv("a\n2\n")});
    expect(files.tables.get("deaths")).not.toBe(first);
  });

  it("NotebookFiles.tableFiles is worked out again only when the files or the cells' file names change", () => {
    let referenced = ["deaths.csv"];
    const files = new NotebookFiles({}, () => referenced);
    files.set("deaths.csv", {url: "blob:1", blob: csv("a\n1\n")});
    const first = files.tableFiles();
    expect(files.tableFiles()).toBe(first);
    referenced = ["deaths.csv"];
    expect(files.tableFiles()).toBe(first);
    referenced = ["deaths.csv", "other.csv"];
    const second = files.tableFiles();
    expect(second).not.toBe(first);
    expect([...second.keys()]).toEqual(["deaths"]);
    files.set("other.csv", {url: "blob:2", blob: csv("a\n2\n")});
    expect([...files.tableFiles().keys()]).toEqual(["deaths", "other"]);
    files.block("other.csv", "a link's file is missing");
    expect(files.tableFiles().get("other")).toBe("other.csv");
    expect(files.tables.get("other")?.name).toBe("other.csv");
  });

  it("a file's source refuses a file too large for the page before reading a byte of it", async () => {
    const files = new NotebookFiles({}, () => ["huge.csv"]);
    let read = false;
    const huge = {size: 2e9, type: "text/csv", arrayBuffer: async () => ((read = true), new ArrayBuffer(0))} as unknown as Blob;
    files.set("huge.csv", {url: "blob:huge", blob: huge});
    await expect(files.tables.get("huge")!.arrayBuffer()).rejects.toThrow(/"huge\.csv" is 2\.0 GB, more than the 1\.0 GB a browser page can load as a CSV table\. Convert it to Parquet/);
    expect(read).toBe(false);
    files.set("huge.csv", {url: "blob:small", blob: csv("a\n1\n")});
    expect(new TextDecoder().decode(await files.tables.get("huge")!.arrayBuffer())).toBe("a\n1\n");
  });

  it("NotebookFiles.block sets a file aside: reading it, as a file or a table, fails with the reason until the right file is set", async () => {
    const files = new NotebookFiles({}, () => ["deaths.csv"]);
    files.set("deaths.csv", {url: "blob:wrong", blob: csv("a\n9\n")});
    const expected = {name: "deaths.csv", size: 4, sha256: "c".repeat(64)};
    files.block("deaths.csv", "deaths.csv is not the file the link refers to", expected);
    expect(files.expected("deaths.csv")).toEqual(expected);
    expect(() => files.resolve("deaths.csv")).toThrow("deaths.csv is not the file the link refers to");
    expect(files.tables.names()).toEqual(["deaths"]);
    await expect(files.tables.get("deaths")!.arrayBuffer()).rejects.toThrow("not the file the link refers to");
    files.set("deaths.csv", {url: "blob:right", blob: csv("a\n1\n")});
    expect(files.resolve("deaths.csv")?.url).toBe("blob:right");
    expect(files.expected("deaths.csv")).toBeUndefined();
    expect(new TextDecoder().decode(await files.tables.get("deaths")!.arrayBuffer())).toBe("a\n1\n");
  });
});
