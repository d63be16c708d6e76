import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {describe, expect, it} from "vitest";
import {plotCategoricalSchemes, plotDefaultSchemes, plotDivergingSchemes, plotSequentialSchemes} from "../../src/stdlib/plot-scheme-names.ts";
import * as trimmed from "../../src/stdlib/plot-schemes.ts";
import {plotMayNeedAllSchemes, pureTopLevel} from "../../src/vite/plot-schemes.ts";

const schemesFile = path.join(path.dirname(createRequire(import.meta.url).resolve("@observablehq/plot")), "scales", "schemes.js");
const full = (await import(pathToFileURL(schemesFile).href)) as trimmed.PlotSchemes;
const allNames = [...plotCategoricalSchemes, ...plotDivergingSchemes, ...plotSequentialSchemes];

describe("plotMayNeedAllSchemes", () => {
  it("plotMayNeedAllSchemes is true for a scheme other than the defaults as a string, in any case, or inside a d3 name", () => {
    expect(plotMayNeedAllSchemes(['(Plot, rows) => (Plot.dot(rows, {fill: "v"}).plot({color: {scheme: "blues"}}))'], ["dot"])).toBe(true);
    expect(plotMayNeedAllSchemes(['() => ({scheme: "RdYlGn"})'], ["dot"])).toBe(true);
    expect(plotMayNeedAllSchemes(["(d3) => (d3.interpolateViridis)"], ["dot"])).toBe(true);
    expect(plotMayNeedAllSchemes(["(d3) => (d3.schemeTableau10)"], ["dot"])).toBe(true);
    expect(plotMayNeedAllSchemes(['() => (["Set2", "Paired"])', "(Plot) => (Plot.dot([]).plot())"], ["dot"])).toBe(true);
    expect(plotMayNeedAllSchemes(['// scheme: "blues"', "(Plot) => (Plot.dot([]).plot())"], ["dot"])).toBe(true);
  });

  it("plotMayNeedAllSchemes is true for a scheme option whose value is not a default name in quotes", () => {
    expect(plotMayNeedAllSchemes(["(Plot, name) => (Plot.dot([]).plot({color: {scheme: name}}))"], ["dot"])).toBe(true);
    expect(plotMayNeedAllSchemes(["(Plot, scheme) => (Plot.dot([]).plot({color: {scheme}}))"], ["dot"])).toBe(true);
  });

  it("plotMayNeedAllSchemes is false for charts naming no scheme or a default one", () => {
    expect(plotMayNeedAllSchemes(['(Plot, rows) => (Plot.dot(rows, {fill: "kind"}).plot({color: {legend: true}}))'], ["dot"])).toBe(false);
    expect(plotMayNeedAllSchemes(['(n) => (n == null ? "not paired" : "warm and cool")'], ["dot"])).toBe(false);
    expect(plotMayNeedAllSchemes(['(Plot, rows) => (Plot.dot(rows, {fill: "v"}).plot({color: {scheme: "Turbo"}}))'], ["dot"])).toBe(false);
    expect(plotMayNeedAllSchemes(["(Plot, rows) => (Plot.dot(rows, {fill: \"v\"}).plot({color: {type: 'diverging', scheme: 'rdbu'}}))"], ["dot"])).toBe(false);
  });

  it("plotMayNeedAllSchemes is true when the page needs all of Plot", () => {
    expect(plotMayNeedAllSchemes(["(Plot) => (Object.keys(Plot))"], undefined)).toBe(true);
  });
});

describe("the trimmed schemes module", () => {
  it("plot-scheme-names lists every scheme name Plot's schemes module has, by kind", () => {
    const source = readFileSync(schemesFile, "utf8");
    const quoted = (text: string) => [...text.matchAll(/"([a-z0-9]+)"/g)].map((m) => m[1]);
    const mapNames = [...source.matchAll(/\["([a-z0-9]+)",/g)].map((m) => m[1]);
    expect(new Set(allNames)).toEqual(new Set(mapNames));
    expect(allNames.length).toBe(new Set(allNames).size);
    expect(new Set(plotDivergingSchemes)).toEqual(new Set(quoted(source.slice(source.indexOf("const divergingSchemes")))));
    for (const name of allNames) expect([name, trimmed.isCategoricalScheme(name.toUpperCase())]).toEqual([name, full.isCategoricalScheme(name.toUpperCase())]);
    for (const name of allNames) expect([name, trimmed.isDivergingScheme(name)]).toEqual([name, full.isDivergingScheme(name)]);
  });

  it("the trimmed schemes module gives Plot the same default colors as Plot's own", () => {
    for (const name of plotDefaultSchemes) {
      for (let length = 1; length <= 14; length++) expect([name, length, trimmed.ordinalRange(name, length)]).toEqual([name, length, full.ordinalRange(name, length)]);
      expect([name, typeof trimmed.ordinalScheme(name)]).toEqual([name, typeof full.ordinalScheme(name)]);
      if (name === "observable10") continue; // categorical: no interpolator
      for (const t of [0, 0.1, 0.33, 0.5, 0.9, 1]) expect([name, t, trimmed.quantitativeScheme(name.toUpperCase())(t)]).toEqual([name, t, full.quantitativeScheme(name)(t)]);
    }
    for (const domain of [[true, false], [false, null], [true, "x"]]) expect(trimmed.maybeBooleanRange(domain)).toEqual(full.maybeBooleanRange(domain));
  });

  it("the trimmed schemes module says to name a scheme it left out, and keeps Plot's message for unknown ones", () => {
    expect(() => trimmed.quantitativeScheme("Blues")).toThrow('Plot\'s color scheme "blues" is not on this page');
    expect(() => trimmed.ordinalRange("tableau10", 3)).toThrow('a comment will do: // scheme: "tableau10"');
    expect(() => trimmed.ordinalScheme("nope")).toThrow("unknown ordinal scheme: nope");
    expect(() => trimmed.quantitativeScheme("nope")).toThrow("unknown quantitative scheme: nope");
  });

  it("the trimmed schemes module hands every call to Plot's own once provided", () => {
    trimmed.provideAllPlotSchemes(full);
    expect(trimmed.ordinalRange("blues", 5)).toEqual(full.ordinalRange("blues", 5));
    expect(trimmed.quantitativeScheme("viridis")(0.25)).toBe(full.quantitativeScheme("viridis")(0.25));
  });
});

describe("pureTopLevel", () => {
  it("pureTopLevel marks top-level initialisers pure and leaves functions and literals", () => {
    const code = "var a = f(1);\nvar b = () => 2, c = 3;\nexport {a, b, c};";
    expect(pureTopLevel(code)).toBe("var a = /* @__PURE__ */ (() => f(1))();\nvar b = () => 2, c = 3;\nexport {a, b, c};");
  });
});
