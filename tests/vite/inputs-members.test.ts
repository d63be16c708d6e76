import {describe, expect, it} from "vitest";
import {inputsSources, inputsSubsetModule} from "../../src/vite/inputs-members.ts";
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
