import {createRequire} from "node:module";
import {readFileSync} from "node:fs";
import path from "node:path";
import type {Plugin} from "vite";
import {plotExportSources, type PlotExportSources} from "./plot-members.ts";

const appRoot = path.resolve(import.meta.dirname, "../..");

/**
 * Observable Inputs' own modules, one per input (`src/select.js`...), which its package ships
 * beside the single-file `dist/index.js`. The app's pages import these (see import-redirects.ts):
 * in one file, the members a page does not name could not be dropped for that page alone, as
 * Edit mode and the SQL result table import the same file.
 */
export const inputsIndex = path.join(path.dirname(createRequire(path.join(appRoot, "package.json")).resolve("@observablehq/inputs")), "..", "src", "index.js");

let sources: PlotExportSources | undefined;

/** Where each of Inputs' exports is defined (its `src/index.js` re-exports them all). */
export function inputsSources(): PlotExportSources {
  return (sources ??= plotExportSources(inputsIndex, readFileSync(inputsIndex, "utf8")));
}

/** A module exporting just `members` of Observable Inputs, each from the module that defines it. */
export function inputsSubsetModule(members: string[], sources: PlotExportSources): string {
  const lines = members.map((member) => {
    const {file, name} = sources.exports.get(member)!;
    return `export {${name === member ? name : `${name} as ${member}`}} from ${JSON.stringify(file.split(path.sep).join("/"))};`;
  });
  return lines.join("\n") + "\n";
}

/**
 * Inputs' modules name their stylesheet's class `__ns__`; its package build puts the class of
 * `dist/index.css` in their place, as this plugin does for the modules the app imports.
 */
export function inputsNamespace(): Plugin {
  const dir = path.dirname(inputsIndex) + path.sep;
  let namespace: string | undefined;
  return {
    name: "mapt:inputs-namespace",
    transform(code, id) {
      if (!path.normalize(id).startsWith(dir) || !code.includes("__ns__")) return;
      namespace ??= stylesheetClass(readFileSync(path.join(path.dirname(inputsIndex), "..", "dist", "index.css"), "utf8"));
      return {code: code.replaceAll("__ns__", namespace), map: null};
    }
  };
}

/** The class every rule of Inputs' stylesheet starts with (`.inputs-…`). */
function stylesheetClass(css: string): string {
  const name = /^\.(inputs-[\w-]+)/.exec(css)?.[1];
  if (name === undefined) throw new Error(`@observablehq/inputs: its dist/index.css does not start with its class: ${JSON.stringify(css.slice(0, 40))}`);
  return name;
}
