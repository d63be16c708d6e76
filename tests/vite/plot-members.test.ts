import {describe, expect, it} from "vitest";
import {plotMembers} from "../../src/vite/plot-members.ts";

const exports = new Set(["plot", "lineY", "dot", "ruleY", "barY"]);

describe("plotMembers", () => {
  it("plotMembers lists the Plot members the cells name", () => {
    const bodies = [
      "(Plot, rows) => (Plot.plot({marks: [Plot.lineY(rows), Plot.ruleY([0])]}))",
      "(Plot) => { const c = Plot.dot([]).plot(); return {c}; }"
    ];
    expect(plotMembers(bodies, exports)).toEqual(["dot", "lineY", "plot", "ruleY"]);
  });

  it("plotMembers needs all of Plot when a cell uses it as a value or by computed name", () => {
    expect(plotMembers(["(Plot) => (Object.keys(Plot))"], exports)).toBeUndefined();
    expect(plotMembers(["(Plot, mark) => (Plot[mark]([]))"], exports)).toBeUndefined();
  });

  it("plotMembers ignores names that are not Plot's and other objects' Plot properties", () => {
    expect(plotMembers(["(Plot, o) => (Plot.notAMark(o.Plot, {Plot: 1}))"], exports)).toEqual([]);
  });
});
