import {describe, expect, it} from "vitest";
import {importsCompilingPackage} from "../../src/shared/index.ts";

describe("importsCompilingPackage", () => {
  it("importsCompilingPackage finds regl however a cell names it", () => {
    for (const specifier of ["npm:regl", "npm:regl@2.1.1", "regl", "https://cdn.jsdelivr.net/npm/regl@2/+esm"]) {
      expect([specifier, importsCompilingPackage(["npm:d3", specifier])]).toEqual([specifier, true]);
    }
  });

  it("importsCompilingPackage finds numeric and ndarray-fft, which compile their loops from strings", () => {
    expect(importsCompilingPackage(["npm:numeric"])).toBe(true);
    expect(importsCompilingPackage(["npm:ndarray-fft@1"])).toBe(true);
  });

  it("importsCompilingPackage is false for other packages, local modules and names that only start alike", () => {
    expect(importsCompilingPackage(["npm:d3", "./lib/regl-canvas.js", "npm:regl-camera", "npm:@foo/regl"])).toBe(false);
  });
});
