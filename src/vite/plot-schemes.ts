import {parse} from "acorn";
import path from "node:path";
import type {Plugin} from "vite";
import {plotCategoricalSchemes, plotDefaultSchemes, plotDivergingSchemes, plotSequentialSchemes} from "../stdlib/index.ts";
import {toImportPath} from "./plot-members.ts";

const plotSchemesModule = path.resolve(import.meta.dirname, "../stdlib/plot-schemes.ts");

const otherSchemes = [...plotCategoricalSchemes, ...plotDivergingSchemes, ...plotSequentialSchemes].filter((name) => !plotDefaultSchemes.includes(name));
/**
 * A scheme other than a default one, as a whole string (`"Blues"`) or in a d3 name
 * (`interpolateBlues`, `schemeTableau10`); a name in prose (`"not paired"`) is not one.
 */
const otherSchemeName = new RegExp(`(["'\`])(?:${otherSchemes.join("|")})\\1|(?:interpolate|scheme)(?:${otherSchemes.join("|")})\\b`, "i");
/** The word `scheme`, except as an option naming a default scheme in quotes (`scheme: "turbo"`). */
const schemeWord = new RegExp(`\\bscheme\\b(?!\\s*:\\s*(["'\`])(?:${plotDefaultSchemes.join("|")})\\1)`, "i");

/**
 * Whether a page's cells (and local modules) may ask Plot for a color scheme other than the
 * defaults its scales fall back to (src/stdlib/plot-scheme-names.ts): they hold another
 * scheme's name as a string (any case) or inside a d3 name like `interpolateBlues`, or the word
 * `scheme` other than as `scheme: "<a default>"` (a computed `scheme` option, a comment naming
 * one). Text, not syntax: a false
 * alarm only costs the page d3-scale-chromatic's bytes.
 */
export function plotMayNeedAllSchemes(texts: string[], members: string[] | undefined): boolean {
  return members === undefined || texts.some((text) => otherSchemeName.test(text) || schemeWord.test(text));
}

/**
 * Code that gives the build's trimmed schemes module (src/stdlib/plot-schemes.ts) Plot's own,
 * `schemesFile` (Plot's `src/scales/schemes.js`): imported from outside Plot's scales, the build
 * does not redirect it.
 */
export function allPlotSchemesCode(schemesFile: string): string {
  return [
    `import * as allPlotSchemes from ${JSON.stringify(toImportPath(schemesFile))};`,
    `import {provideAllPlotSchemes} from ${JSON.stringify(toImportPath(plotSchemesModule))};`,
    `provideAllPlotSchemes(allPlotSchemes);`
  ].join("\n");
}

/**
 * Marks the copy of d3-scale-chromatic that src/stdlib/plot-schemes.ts imports: apart from the
 * shared `d3-scale-chromatic` chunk (config.ts), which holds every scheme all of Plot and the `d3`
 * builtin use, and with its schemes marked pure ({@link pureTopLevel}), so a page with the default
 * schemes downloads only those.
 */
export const plotDefaultSchemesQuery = "?mapt-plot-default-schemes";

const isTrimmedSchemes = (file: string) => /[\\/]src[\\/]stdlib[\\/]plot-schemes\.ts$/.test(file);

/**
 * A module whose top-level `var` initialisers (other than functions and literals) each run in a
 * call marked pure, so the bundler drops the unused ones. d3-scale-chromatic ships one bundled
 * file that builds every scheme at its top level with calls a bundler cannot prove pure
 * (`new Array(3).concat(...).map(colors)`): without this, importing one scheme keeps them all.
 * Readable version: `var Blues = ramp(scheme$5);` becomes
 * `var Blues = /* @__PURE__ *\/ (() => ramp(scheme$5))();`.
 */
export function pureTopLevel(code: string): string {
  const program = parse(code, {ecmaVersion: "latest", sourceType: "module"}) as unknown as {body: any[]};
  const inits = program.body
    .filter((statement) => statement.type === "VariableDeclaration")
    .flatMap((statement) => statement.declarations.map((d: any) => d.init))
    .filter((init) => init && !["ArrowFunctionExpression", "FunctionExpression", "Literal", "Identifier"].includes(init.type));
  let result = code;
  for (const init of inits.reverse()) {
    result = `${result.slice(0, init.start)}/* @__PURE__ */ (() => ${result.slice(init.start, init.end)})()${result.slice(init.end)}`;
  }
  return result;
}

/**
 * Build only: all of Plot (`import("@observablehq/plot")`: Edit mode, a page using `Plot` as a
 * whole) provides Plot's own schemes module to the trimmed one its scales import (see
 * src/vite/import-redirects.ts), so it draws with every scheme; and the trimmed module's
 * d3-scale-chromatic is a copy apart ({@link plotDefaultSchemesQuery}).
 */
export function plotSchemes(): Plugin {
  return {
    name: "mapt:plot-schemes",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer) {
      if (importer === undefined || source !== "d3-scale-chromatic" || !isTrimmedSchemes(importer)) return;
      const resolved = await this.resolve(source, importer, {skipSelf: true});
      return resolved && {...resolved, id: resolved.id + plotDefaultSchemesQuery};
    },
    transform(code, id) {
      if (id.endsWith(plotDefaultSchemesQuery)) return {code: pureTopLevel(code), map: null};
      if (!/@observablehq[\\/]plot[\\/]src[\\/]index\.js$/.test(id.split("?")[0]!)) return;
      return {code: `${code}\n${allPlotSchemesCode(path.join(path.dirname(id.split("?")[0]!), "scales", "schemes.js"))}\n`, map: null};
    }
  };
}
