import {describe, expect, it} from "vitest";
import {compile} from "./compile.ts";

const inputs = (source: string) => compile(source).inputs;
const outputs = (source: string) => compile(source).outputs;

describe("compileCell inputs and outputs", () => {
  it("compileCell reads free references as inputs in first-use order", () => {
    expect(inputs("b + a + b")).toEqual(["b", "a"]);
  });

  it("compileCell leaves JavaScript and browser globals out of inputs", () => {
    expect(inputs("Math.max(x, Date.now(), window.innerWidth, JSON.stringify(document), Promise, new Map(), console)")).toEqual(["x"]);
  });

  it("compileCell leaves names declared in the cell out of inputs", () => {
    expect(inputs("const a = 1;\nconst b = a + c;")).toEqual(["c"]);
  });

  it("compileCell resolves shadowing inside functions", () => {
    expect(inputs("function f(x, {y}, ...z) { const w = 1; return x + y + z + w + v; }\nconst g = (x) => x + u;")).toEqual(["v", "u"]);
    expect(inputs("const h = function inner() { return inner; };")).toEqual([]);
    expect(inputs("{ let x = 1; }\nx")).toEqual(["x"]);
  });

  it("compileCell hoists var to the function and keeps let in its block", () => {
    expect(inputs("function f() { if (1) { var a = 1; } return a; }")).toEqual([]);
    expect(inputs("function f() { if (1) { let a = 1; } return a; }")).toEqual(["a"]);
  });

  it("compileCell treats catch parameters, class names and loop bindings as locals", () => {
    expect(inputs("try { t() } catch (e) { e }\nclass A { m() { return A } }\nfor (const k of ks) k;")).toEqual(["t", "ks", "__guard"]);
  });

  it("compileCell reads only the object of a member expression", () => {
    expect(inputs("a.b.c + d[e] + f?.g")).toEqual(["a", "d", "e", "f"]);
  });

  it("compileCell ignores labels and object keys", () => {
    expect(inputs("outer: for (const i of list) { continue outer; }\nconst o = {key: value, [computed]: 1, short};")).toEqual(["list", "value", "computed", "short", "__guard"]);
  });

  it("compileCell treats display and view as ordinary inputs", () => {
    expect(inputs("display(view(Inputs.range()))")).toEqual(["display", "view", "Inputs"]);
  });

  it("compileCell exposes top-level declarations as outputs, destructuring included", () => {
    expect(outputs("const a = 1, {b, c: [d, ...e]} = o;\nlet [f = 1] = p;\nvar g;\nfunction h() {}\nclass K {}\n{ const hidden = 1; }")).toEqual(["a", "b", "d", "e", "f", "g", "h", "K"]);
  });

  it("compileCell declares the rest of an object pattern: an output, and no input where it is read", () => {
    expect(outputs("const {a, ...rest} = x;")).toEqual(["a", "rest"]);
    expect(inputs("const {a, ...rest} = x;\nrest.b + a")).toEqual(["x"]);
    expect(inputs("function f({a, ...more}) { return more; }")).toEqual([]);
  });

  it("compileCell exposes imported names as outputs", () => {
    expect(outputs('import {a as b, c} from "npm:d3";\nimport * as ns from "x";\nimport d from "y";')).toEqual(["b", "c", "ns", "d"]);
  });

  it("compileCell adds __import to inputs for static and dynamic imports", () => {
    const cell = compile('import {csv} from "npm:d3";\nconst m = await import("npm:m");');
    expect(cell.inputs).toEqual(["__import"]);
    expect(cell.imports).toEqual(["npm:d3", "npm:m"]);
  });

  it("compileCell displays single expressions only", () => {
    expect(compile("x + 1").autodisplay).toBe(true);
    expect(compile("x + 1;").autodisplay).toBe(false);
    expect(compile("const y = 2;\ny * x").autodisplay).toBe(false);
  });

  it("compileCell treats a named function or class as a declaration", () => {
    expect(compile("function f() { return 1; }")).toMatchObject({outputs: ["f"], autodisplay: false});
    expect(compile("class Point {}")).toMatchObject({outputs: ["Point"], autodisplay: false});
    expect(compile("(function () { return 1; })")).toMatchObject({outputs: [], autodisplay: true});
  });

  it("compileCell records literal FileAttachment names", () => {
    expect(compile('FileAttachment("a.csv").csv()\n').files).toEqual(["a.csv"]);
    expect(compile("const FileAttachment = (x) => x;\nFileAttachment(name);").error).toBeUndefined();
  });

  it("compileCell marks cells with top-level await async, but not await in nested functions", () => {
    expect(compile("await x").body).toMatch(/^async /);
    expect(compile("const f = async () => await x;").body).not.toMatch(/^async /);
    expect(compile("for await (const v of s) display(v);").body).toMatch(/^async /);
  });

  it("compileCell keeps sql interpolations as template interpolations", () => {
    const cell = compile("SELECT * FROM t WHERE a = ${x} AND b = '${y}'", "sql");
    expect(cell.body).toBe("(__sql, db, invalidation, x, y) => (__sql(db, invalidation)`SELECT * FROM t WHERE a = ${x} AND b = '${y}'`)");
    expect(cell.inputs).toEqual(["__sql", "db", "invalidation", "x", "y"]);
  });

  it("compileCell reads a sql cell's database variable as the query's database", () => {
    expect(compile("SELECT 1", {mode: "sql", database: "var:cases"}).inputs).toEqual(["__sql", "cases", "invalidation"]);
  });

  it("compileCell names ojs references to viewof and mutable with a space", () => {
    const cell = compile("total = viewof n + mutable m + n", "ojs");
    expect(cell.inputs).toEqual(["viewof n", "mutable m", "n"]);
    expect(cell.output).toBe("total");
  });

  it("compileCell rewrites dynamic imports in ojs cells to __import", () => {
    const cell = compile('lib = import("npm:lib").then((m) => m.default)', "ojs");
    expect(cell.inputs).toEqual(["__import"]);
    expect(cell.imports).toEqual(["npm:lib"]);
    expect(cell.body).toContain('__import("npm:lib")');
  });
});
