import {describe, expect, it} from "vitest";
import {createCell, createNotebook, modeOfType, nextCellId, typeOfMode, type CellMode} from "../../src/notebook/index.ts";

const modes: CellMode[] = ["js", "ts", "ojs", "md", "html", "tex", "sql", "dot", "node", "python", "r"];

describe("notebook helpers", () => {
  it("modeOfType inverts typeOfMode for every mode", () => {
    for (const mode of modes) expect(modeOfType(typeOfMode(mode))).toBe(mode);
  });

  it("modeOfType ignores case and returns undefined for unknown types", () => {
    expect(modeOfType("Text/Markdown")).toBe("md");
    expect(modeOfType("text/plain")).toBeUndefined();
  });

  it("createCell applies Notebook Kit's defaults", () => {
    expect(createCell({id: 3})).toEqual({id: 3, mode: "js", source: "", pinned: true, hidden: false, extra: []});
    expect(createCell({id: 4, mode: "md"}).pinned).toBe(false);
    expect(createCell({id: 5, mode: "sql", output: "t", database: "var:db"})).toMatchObject({pinned: true, output: "t", database: "var:db"});
  });

  it("createNotebook numbers cells without ids after the largest given id", () => {
    const notebook = createNotebook({cells: [{source: "a"}, {id: 5, source: "b"}, {source: "c"}]});
    expect(notebook.cells.map((cell) => cell.id)).toEqual([6, 5, 7]);
    expect(notebook).toMatchObject({title: "", readOnly: false});
    expect(notebook.theme).toBeUndefined();
  });

  it("nextCellId is one more than the largest id", () => {
    expect(nextCellId(createNotebook())).toBe(1);
    expect(nextCellId(createNotebook({cells: [{id: 9}, {id: 2}]}))).toBe(10);
  });
});
