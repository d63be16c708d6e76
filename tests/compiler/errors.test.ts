import {describe, expect, it} from "vitest";
import {compileCell} from "../../src/compiler/index.ts";
import {checkBody} from "../../src/compiler/checkBody.ts";
import {readNotebook} from "../../src/notebook/index.ts";
import {compile, evaluate} from "./compile.ts";

const errorOf = (...args: Parameters<typeof compile>) => compile(...args).error;

describe("compileCell errors", () => {
  it("compileCell reports a syntax error at its line and column", () => {
    expect(errorOf("const a = 1;\nlet b = )")).toEqual({message: "Unexpected token", line: 2, column: 9});
  });

  it("compileCell gives an erroneous cell a body that throws the positioned SyntaxError", () => {
    const cell = compile("x +\n  1 2");
    expect(cell.error).toEqual({message: "Unexpected token", line: 2, column: 5});
    expect(() => evaluate(cell)()).toThrow(new SyntaxError("Unexpected token (2:5)"));
    expect(cell.inputs).toEqual([]);
  });

  it("compileCell reports import.meta on its cell, in every mode that holds JavaScript", () => {
    const message = 'import.meta is not available in a notebook cell: read a file beside the notebook with FileAttachment("name")';
    expect(errorOf("const here = 1;\nconst url = import.meta.url;")).toEqual({message, line: 2, column: 13});
    expect(errorOf("Page: ${import.meta.url}", "md")).toEqual({message, line: 1, column: 9});
    expect(errorOf("const meta = {url: 1}; meta.url")).toBeUndefined();
  });

  it("compileCell rejects <!-- and --> that would start a comment when the cell runs, in code and in interpolations", () => {
    const message = '"<!--" starts an HTML-style comment when the cell runs: put a space in it (for example "a < !--b" or "a-- > b")';
    expect(errorOf("x\na <!--b.c")).toEqual({message, line: 2, column: 3});
    expect(errorOf("Total: ${a <!--b.c}", "md")).toEqual({message, line: 1, column: 12});
    expect(errorOf("'<!--' + `-->` // <!--")).toBeUndefined();
    expect(errorOf("<!-- a comment --> ${x}", "md")).toBeUndefined();
  });

  it("compileCell rejects assignment to an input", () => {
    expect(errorOf("const y = 1;\n\ny = 2;\nx = 2;")).toEqual({message: "Assignment to external variable 'x'", line: 4, column: 1});
    expect(errorOf("if (a) count++;")).toEqual({message: "Assignment to external variable 'count'", line: 1, column: 8});
    expect(errorOf("[a, b] = [1, 2];")?.message).toBe("Assignment to external variable 'a'");
    expect(errorOf("for (k in o) ;")?.message).toBe("Assignment to external variable 'k'");
  });

  it("compileCell allows assignment to locals and to properties of inputs", () => {
    expect(errorOf("let a = 1;\na = 2;\nobj.x = 3;\nfunction f(p) { p = 1; }")).toBeUndefined();
  });

  it("compileCell rejects FileAttachment with a non-literal argument", () => {
    expect(errorOf('const f = "a.csv";\nconst data = FileAttachment(f);')).toEqual({
      message: "FileAttachment requires a single literal string argument",
      line: 2,
      column: 14
    });
    expect(errorOf("FileAttachment(`a${b}.csv`)")?.message).toBe("FileAttachment requires a single literal string argument");
  });

  it("compileCell positions errors in md interpolations in the cell's source", () => {
    expect(errorOf("# Title\n\nValue: ${x +}", "md")).toEqual({message: "Unexpected token", line: 3, column: 13});
    expect(errorOf("a\n  ${x = 1}", "html")).toEqual({message: "Assignment to external variable 'x'", line: 2, column: 5});
    expect(errorOf("SELECT ${x", "sql")).toMatchObject({line: 1, column: 11});
  });

  it("compileCell gives a sql cell on a database file its build-time query, and refuses ${...} in it", () => {
    const cell = compile("SELECT * FROM events", {mode: "sql", database: "cases.duckdb"});
    expect(cell.error).toBeUndefined();
    expect(cell.query).toEqual({database: "cases.duckdb", sql: "SELECT * FROM events", key: expect.stringMatching(/^[0-9a-f]{14}$/)});
    expect(cell.inputs).toEqual(["__query"]);
    expect(compile("SELECT * FROM events ", {mode: "sql", database: "cases.duckdb"}).query?.key).not.toBe(cell.query?.key);
    // A named database (from .observable/databases.json) is the build's to resolve.
    expect(compile("SELECT 1", {mode: "sql", database: "warehouse"}).query?.database).toBe("warehouse");
    expect(errorOf("SELECT *\nFROM events WHERE year = ${year}", {mode: "sql", database: "a.db"})).toMatchObject({line: 2, column: 26});
  });

  it("compileCell rejects export in a cell", () => {
    expect(errorOf("export const a = 1;")?.message).toMatch(/^export is not allowed/);
  });

  it("compileCell positions ojs syntax errors 1-based", () => {
    expect(errorOf("x = {\n  a: ,\n}", "ojs")).toEqual({message: "Unexpected token", line: 2, column: 6});
  });

  it("compileCell rejects ojs notebook imports", () => {
    expect(errorOf('import {chart} from "@d3/bar-chart"', "ojs")?.message).toMatch(/not supported offline/);
  });

  it("compileCell makes a data loader cell read what the build ran, keyed by its mode, format and program", () => {
    for (const mode of ["node", "python", "r"] as const) {
      const cell = compile("print(${x})", {mode, extra: [{name: "format", value: "json"}]});
      expect(cell.error).toBeUndefined();
      expect(cell.inputs).toEqual(["__loader"]);
      expect(cell.loader).toMatchObject({mode, source: "print(${x})", format: "json"});
    }
    const key = (source: string, format: string) => compile(source, {mode: "python", extra: [{name: "format", value: format}]}).loader?.key;
    expect(new Set([key("a", "json"), key("b", "json"), key("a", "csv")]).size).toBe(3);
  });

  it("compileCell rejects a cell of an unknown type", () => {
    const {notebook} = readNotebook('<notebook><script id="1" type="text/plain">hello</script></notebook>');
    expect(compileCell(notebook.cells[0]!).error).toEqual({
      message: 'Unknown cell type "text/plain": the cell is kept in the file but not run',
      line: 1,
      column: 1
    });
  });

  it("checkBody turns a rewritten body that does not parse into an error on the cell, and lets a valid one through", () => {
    expect(() => checkBody("(view) => {\nconst n = view(1,\n, \"n\");\n}")).toThrow(/could not compile this cell \(its rewritten code does not parse: Unexpected token/);
    expect(() => checkBody("async (x) => { return {y: await x}; }")).not.toThrow();
  });
});
