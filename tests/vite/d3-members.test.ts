import {createRequire} from "node:module";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {d3AllModule, d3Sources, d3SubsetModule} from "../../src/vite/d3-members.ts";

const d3Entry = createRequire(path.resolve(import.meta.dirname, "../../package.json")).resolve("d3");

describe("D3 modules of a page", () => {
  it("d3Sources knows every name the d3 package exports, so all of D3 from its bundle has them all", async () => {
    const sources = await d3Sources(d3Entry);
    const d3 = await import("d3");
    const all = d3AllModule(sources);
    for (const name of Object.keys(d3)) expect(all).toMatch(new RegExp(`[{ ]${name}[,}]`));
  });

  it("d3SubsetModule re-exports each member from the package that defines it, and drops unknown names", async () => {
    const sources = await d3Sources(d3Entry);
    const module = d3SubsetModule(["sum", "group", "scaleLinear", "notD3"], sources);
    expect(module).toMatch(/export \{sum, group\} from ".*\/d3-array\/[^"]+";/);
    expect(module).toMatch(/export \{scaleLinear\} from ".*\/d3-scale\/[^"]+";/);
    expect(module).not.toContain("notD3");
  });

  it("d3SubsetModule imports d3-transition (which adds .transition() to selections) when it keeps d3-selection, and only then", async () => {
    const sources = await d3Sources(d3Entry);
    expect(d3SubsetModule(["select", "sum"], sources)).toMatch(/^import ".*\/d3-transition\/[^"]+";$/m);
    expect(d3SubsetModule(["sum"], sources)).not.toContain("d3-transition");
  });
});
