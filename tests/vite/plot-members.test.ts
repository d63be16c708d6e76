import {describe, expect, it} from "vitest";
import {plotMayNeedGeo, plotMembers} from "../../src/vite/plot-members.ts";

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

  it("plotMembers reads the names a cell destructures from Plot, and needs all of it for a rest or a computed key", () => {
    expect(plotMembers(["(Plot) => { const {dot, lineY: line} = Plot; return line([]); }"], exports)).toEqual(["dot", "lineY"]);
    expect(plotMembers(["(Plot) => { const {dot, ...rest} = Plot; return rest; }"], exports)).toBeUndefined();
    expect(plotMembers(["(Plot, k) => { const {[k]: mark} = Plot; return mark; }"], exports)).toBeUndefined();
  });

  it("plotMembers ignores names that are not Plot's and other objects' Plot properties", () => {
    expect(plotMembers(["(Plot, o) => (Plot.notAMark(o.Plot, {Plot: 1}))"], exports)).toEqual([]);
  });
});

describe("plotMayNeedGeo", () => {
  it("plotMayNeedGeo is true for a geo mark, a projection named in any cell or a GeoJSON clip", () => {
    expect(plotMayNeedGeo(["(Plot, land) => (Plot.geo(land).plot())"], ["geo", "plot"])).toBe(true);
    expect(plotMayNeedGeo(["(Plot, rows) => (Plot.dot(rows).plot({projection: p}))"], ["dot"])).toBe(true);
    expect(plotMayNeedGeo(["() => ({type: \"mercator\"})", "(Plot) => (Plot.dot([]).plot(projection))"], ["dot"])).toBe(true);
    expect(plotMayNeedGeo(["(Plot, land) => (Plot.dot([], {clip: land}).plot())"], ["dot"])).toBe(true);
  });

  it("plotMayNeedGeo is false for charts without projections and for frame clips", () => {
    expect(plotMayNeedGeo(["(Plot, rows) => (Plot.lineY(rows, {clip: true}).plot({y: {grid: true}}))"], ["lineY"])).toBe(false);
    expect(plotMayNeedGeo(["(Plot) => (Plot.barY([], {clip: \"frame\"}).plot())"], ["barY"])).toBe(false);
  });

  it("plotMayNeedGeo is true when the page needs all of Plot", () => {
    expect(plotMayNeedGeo(["(Plot) => (Object.keys(Plot))"], undefined)).toBe(true);
  });
});
