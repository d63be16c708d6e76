import {describe, expect, it} from "vitest";
import {leftOutOfSingleFile} from "../../src/cli/export.ts";

// Importers as Vite names them: absolute paths of the app's stdlib modules.
const stdlib = (name: string) => `/app/src/stdlib/${name}.ts`;
const none = new Set<string>();

describe("what a single-file export leaves out", () => {
  it("leaves out a package loaded only for cells when no cell imports it, keeps it when one does", () => {
    expect(leftOutOfSingleFile("three", stdlib("npm-import"), none, none)).toBe(true);
    expect(leftOutOfSingleFile("three", stdlib("npm-import"), none, new Set(["three"]))).toBe(false);
    expect(leftOutOfSingleFile("react-dom/client", stdlib("npm-import"), none, new Set(["react-dom"]))).toBe(false);
    // The loader of `npm:lodash` imports lodash-es.
    expect(leftOutOfSingleFile("lodash-es", stdlib("npm-import"), none, new Set(["lodash"]))).toBe(false);
    // A stdlib wrapper stands for its package.
    expect(leftOutOfSingleFile("./numeric.ts", stdlib("npm-import"), none, none)).toBe(true);
    expect(leftOutOfSingleFile("./numeric.ts", stdlib("npm-import"), none, new Set(["numeric"]))).toBe(false);
  });

  it("keeps a recommended library's packages when a cell names its builtin", () => {
    expect(leftOutOfSingleFile("vega-lite", stdlib("recommended-libraries"), none, none)).toBe(true);
    expect(leftOutOfSingleFile("vega-lite", stdlib("recommended-libraries"), new Set(["vl"]), none)).toBe(false);
    expect(leftOutOfSingleFile("leaflet/dist/leaflet.css", stdlib("leaflet"), new Set(["L"]), none)).toBe(false);
    expect(leftOutOfSingleFile("leaflet/dist/leaflet.css", stdlib("leaflet"), none, none)).toBe(true);
  });

  it("keeps only the sample datasets the cells name", () => {
    expect(leftOutOfSingleFile("@observablehq/sample-datasets/penguins.csv?raw", stdlib("sample-datasets"), new Set(["penguins"]), none)).toBe(false);
    expect(leftOutOfSingleFile("@observablehq/sample-datasets/diamonds.csv?raw", stdlib("sample-datasets"), new Set(["penguins"]), none)).toBe(true);
  });

  it("never leaves out the app's own libraries, nor what other modules import", () => {
    expect(leftOutOfSingleFile("d3-dsv", stdlib("sample-datasets"), none, none)).toBe(false);
    expect(leftOutOfSingleFile("@observablehq/plot", stdlib("npm-import"), none, none)).toBe(false);
    expect(leftOutOfSingleFile("apache-arrow", stdlib("npm-import"), none, none)).toBe(false);
    expect(leftOutOfSingleFile("three", "/app/src/app/reader.ts", none, none)).toBe(false);
    expect(leftOutOfSingleFile("three", undefined, none, none)).toBe(false);
    // Vite's preload helper, which every module with a dynamic import imports.
    expect(leftOutOfSingleFile("\0vite/preload-helper.js", stdlib("npm-import"), none, none)).toBe(false);
  });
});
