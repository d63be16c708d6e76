import {describe, expect, it} from "vitest";
import {compile} from "./compile.ts";

const cases: Array<[string, Parameters<typeof compile>[1], string]> = [
  ["js expression", "js", 'Plot.lineY(deaths, {x: "year", y: "deaths"}).plot()'],
  ["js object literal", "js", "{a: 1, b: x}"],
  ["js program", "js", "const a = 1;\nlet {b, c: [d]} = obj;\nfunction f(q) {\n  return q + z; // trailing comment\n}\nclass K {}"],
  ["js await expression", "js", "await FileAttachment(\"data/kenya.csv\").csv({typed: true})"],
  ["js async program", "js", "const rows = await db.query(\"SELECT 1\");\ndisplay(rows);"],
  ["js generator", "js", "for (let i = 0; i < 3; ++i) {\n  yield i;\n}"],
  ["js imports", "js", 'import {a as b, c} from "npm:d3";\nimport * as d3x from "d3";\nimport d, {e} from "x";\nimport "side-effect";\nconst lazy = import("npm:lazy");'],
  ["js syntax error", "js", "const a = 1;\nconst = 2;"],
  ["js named inputs", "js", "const n = view(Inputs.range([0, 10]));\nconst {a} = view(form);\nlet m = view(Inputs.select(xs)), other = f(view);"],
  ["md with interpolation", "md", "# Deaths in ${country}\n\nA `code` span, a \\ backslash and ${await n} ```fences```."],
  ["md static", "md", "# Kenya 2007-08\n\nSee [the source](https://ucdp.uu.se)."],
  ["html static", "html", '<div class="note">Hello</div>'],
  ["html with interpolation", "html", "<b>${name}</b>"],
  ["tex", "tex", "\\frac{${a}}{2} \\cdot x"],
  ["sql with output", {mode: "sql", database: "var:db", output: "deaths"}, "SELECT year, deaths FROM ucdp\nWHERE country = ${country} AND note = '`quoted\\`'"],
  ["sql named database", {mode: "sql", database: "var:cases"}, "SELECT 1"],
  ["sql build-time database", {mode: "sql", database: "postgres"}, "SELECT 1"],
  ["ojs named", "ojs", "x = y * 2"],
  ["ojs viewof", "ojs", "viewof n = Inputs.range([0, 10], {value: 5})"],
  ["ojs mutable", "ojs", "mutable count = 0"],
  ["ojs references", "ojs", "total = (viewof n).value + n + mutable count"],
  ["ojs block generator", "ojs", "{\n  mutable count++;\n  yield this;\n}"],
  ["ojs function", "ojs", "function add(a, b) { return a + b; }"],
  ["ojs notebook import", "ojs", 'import {chart} from "@d3/bar-chart"'],
  ["ts plain", "ts", "1 + x"],
  ["ts with types", "ts", "const x: number = 1;"],
  ["dot", "dot", "digraph { a -> b }"],
  ["python", "python", "print(1)"]
];

describe("compileCell snapshots", () => {
  for (const [name, mode, source] of cases) {
    it(`compileCell compiles ${name}`, () => {
      expect(compile(source, mode)).toMatchSnapshot();
    });
  }
});
