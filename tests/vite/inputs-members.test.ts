import {readFileSync} from "node:fs";
import path from "node:path";
import type {Plugin} from "vite";
import {describe, expect, it} from "vitest";
import {redirectImports} from "../../src/vite/import-redirects.ts";
import {inputsIndex, inputsNamespace, inputsSources, inputsSubsetModule} from "../../src/vite/inputs-members.ts";
import {namespaceMembers} from "../../src/vite/plot-members.ts";

const exports = new Set(inputsSources().exports.keys());
const inputsMembers = (bodies: string[]) => namespaceMembers(bodies, "Inputs", exports);

describe("inputsMembers", () => {
  it("namespaceMembers lists the Inputs a page's cells name, destructured ones too", () => {
    const bodies = ["(Inputs) => (Inputs.select([1, 2]))", "(Inputs, rows) => { const {table, range: slider} = Inputs; return table(rows); }"];
    expect(inputsMembers(bodies)).toEqual(["range", "select", "table"]);
  });

  it("namespaceMembers needs all of Inputs when a cell uses it as a value", () => {
    expect(inputsMembers(["(Inputs) => (Inputs.select([]))", "(Inputs) => (Object.keys(Inputs))"])).toBeUndefined();
    expect(inputsMembers(["(Inputs, show) => (show(Inputs))"])).toBeUndefined();
  });

  it("namespaceMembers drops names Inputs does not export", () => {
    expect(inputsMembers(["(Inputs) => (Inputs.slider())"])).toEqual([]);
  });
});

describe("inputsSubsetModule", () => {
  it("inputsSubsetModule exports each member from Inputs' module that defines it, and nothing else", () => {
    const text = inputsSubsetModule(["number", "select"], inputsSources());
    expect(text.trim().split("\n")).toEqual([
      expect.stringMatching(/^export \{number\} from ".*@observablehq\/inputs\/src\/range\.js";$/),
      expect.stringMatching(/^export \{select\} from ".*@observablehq\/inputs\/src\/select\.js";$/)
    ]);
  });
});

describe("Inputs' own modules", () => {
  const stdlib = path.resolve(import.meta.dirname, "../../src/stdlib");
  const resolve = (importer: string) => (redirectImports() as Plugin & {resolveId: (source: string, importer?: string) => unknown}).resolveId("@observablehq/inputs", importer);

  it("redirectImports gives the app's Inputs builtin all of Inputs' modules, and the SQL result table Inputs' table module alone", async () => {
    expect(await resolve(path.join(stdlib, "inputs.ts"))).toBe(inputsIndex);
    expect(await resolve(path.join(stdlib, "inputs-table.ts"))).toBe(path.join(path.dirname(inputsIndex), "table.js"));
  });

  it("inputsNamespace gives Inputs' modules the class their stylesheet styles", () => {
    const file = path.join(path.dirname(inputsIndex), "select.js");
    const code = readFileSync(file, "utf8");
    const transform = inputsNamespace().transform as (code: string, id: string) => {code: string};
    const changed = transform(code, file).code;
    expect(changed).not.toContain("__ns__");
    const name = /^[\w-]+/.exec(changed.slice(code.indexOf("__ns__")))![0];
    expect(readFileSync(path.join(path.dirname(inputsIndex), "..", "dist", "index.css"), "utf8")).toContain(`.${name}{`);
  });
});
