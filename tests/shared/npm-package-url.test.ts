import {describe, expect, it} from "vitest";
import {npmPackageOfUrl} from "../../src/shared/index.ts";

describe("npmPackageOfUrl", () => {
  it.each([
    ["https://cdn.jsdelivr.net/npm/htl/+esm", "htl"],
    ["https://cdn.jsdelivr.net/npm/htl@0.3.1/+esm", "htl"],
    ["https://cdn.jsdelivr.net/npm/@observablehq/inputs@0.12/+esm", "@observablehq/inputs"],
    ["https://cdn.jsdelivr.net/npm/d3-geo-projection@4", "d3-geo-projection"],
    ["https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs", undefined],
    ["https://unpkg.com/htl", undefined],
    ["https://cdn.jsdelivr.net/gh/user/repo/x.js", undefined],
    ["npm:htl", undefined]
  ])("%j names %j", (url, name) => {
    expect(npmPackageOfUrl(url)).toBe(name);
  });
});
