import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {pathToFileURL} from "node:url";

/**
 * Where D3's exports come from. `d3` is `export * from "d3-array"` and so on; a page whose cells
 * name a few members (`d3.sum`, `d3.group`) loads a module re-exporting just those from their
 * packages, which tree-shake with the parts of the same packages Plot uses. All of D3 (a cell's
 * `import ... from "npm:d3"`, `require("d3")`, Edit mode) comes from D3's own single-file bundle,
 * a copy apart: were the app to import the `d3` module whole anywhere, every D3 package would be
 * bundled whole, and every page drawing a Plot chart would download all of each package it uses.
 */
export interface D3Sources {
  /** Export name → the file of the package that defines it. */
  exports: Map<string, string>;
  /** D3's single-file UMD bundle. */
  bundle: string;
}

/** Reads D3's packages (in Node) from the `d3` whose entry file `require.resolve("d3")` gave. */
export async function d3Sources(d3Entry: string): Promise<D3Sources> {
  // d3's "exports" names only its ES module (dist/d3.mjs), not package.json.
  const d3Dir = path.resolve(path.dirname(d3Entry), "..");
  const index = readFileSync(path.join(d3Dir, "dist/d3.mjs"), "utf8");
  const fromD3 = createRequire(path.join(d3Dir, "package.json"));
  const exports = new Map<string, string>();
  for (const [, name] of index.matchAll(/export \* from ['"](d3-[a-z-]+)['"]/g)) {
    const file = fromD3.resolve(name!);
    for (const member of Object.keys(await import(pathToFileURL(file).href))) if (!exports.has(member)) exports.set(member, file);
  }
  return {exports, bundle: path.join(d3Dir, "dist/d3.js")};
}

/** A module exporting just `members` of D3, each from its package. */
export function d3SubsetModule(members: string[], sources: D3Sources): string {
  const byFile = new Map<string, string[]>();
  for (const member of members) {
    const file = sources.exports.get(member);
    if (file) byFile.set(file, [...(byFile.get(file) ?? []), member]);
  }
  // Importing d3-transition gives every selection `.transition()` and `.interrupt()`, as all of D3
  // does: a page that selects but names no transition member still calls them.
  const selection = sources.exports.get("select");
  const transition = sources.exports.get("transition");
  const patch = selection !== undefined && transition !== undefined && byFile.has(selection) && !byFile.has(transition) ? [`import ${JSON.stringify(toImportPath(transition))};`] : [];
  const lines = [...byFile].map(([file, names]) => `export {${names.join(", ")}} from ${JSON.stringify(toImportPath(file))};`);
  return [...patch, ...lines].join("\n") + "\n";
}

/** All of D3 as named exports, from its single-file bundle (see {@link D3Sources}). */
export function d3AllModule(sources: D3Sources): string {
  const names = [...sources.exports.keys(), "version"];
  return `import d3 from ${JSON.stringify(toImportPath(sources.bundle))};\nexport const {${names.join(", ")}} = d3;\n`;
}

/** Vite resolves absolute file-system paths; on Windows they need forward slashes. */
function toImportPath(file: string): string {
  return file.split(path.sep).join("/");
}
