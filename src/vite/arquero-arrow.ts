import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import type {Plugin} from "vite";
import {moduleFile} from "./local-modules.ts";
import type {PlotExportSources} from "./plot-members.ts";

/** Marks a module of the copy of Arquero whose flechette imports resolve to {@link flechetteStandIn}. */
export const arrowlessQuery = "?mapt-arrowless";

/** What that copy gets for `@uwdata/flechette`: Arrow reading by the page's reader, no writer. */
const flechetteStandIn = path.resolve(import.meta.dirname, "../stdlib/flechette-stand-in.ts");

/**
 * The words that keep all of Arquero (its Arrow writer and reader, @uwdata/flechette) on a page:
 * Arquero's writers (`toArrow`, and by the same letters `toArrowIPC`, `toArrowBuffer`), its readers
 * that always take bytes (`loadArrow`, `fromArrowStream`), `DuckDBClient` (whose `of` writes an
 * Arquero table as Arrow), and `arquero` itself (a file's `.arquero()`, `npm:arquero`: modules that
 * import the published Arquero, whose tables are the ones the page's `aq` should make too).
 */
const arrowWords = /toArrow|loadArrow|fromArrowStream|DuckDBClient|arquero/;

/**
 * Whether a page whose cells (and local modules) have the source `texts` may need Arquero's Arrow
 * writer or a reader this page's stand-in lacks. Text, not syntax: a false alarm (a comment, a
 * string) only costs the page flechette's bytes.
 */
export function arqueroMayNeedArrow(texts: string[]): boolean {
  return texts.some((text) => arrowWords.test(text));
}

/** The id a page imports for Arquero without flechette: Arquero's entry `index`, marked. */
export function arrowlessArqueroId(index: string): string {
  return index.split(path.sep).join("/") + arrowlessQuery;
}

/**
 * A module exporting just `members` of the copy of Arquero without flechette, each from the module
 * of the copy that defines it (`sources`: Arquero's index read as Plot's is), so a page downloads
 * neither Arquero's readers of CSV, JSON and fixed-width text nor the helpers it never names. Its
 * tables are complete: their class brings every verb and method.
 */
export function arqueroSubsetModule(members: string[], sources: PlotExportSources): string {
  const lines = members.map((member) => {
    const {file, name} = sources.exports.get(member)!;
    return `export {${name === member ? name : `${name} as ${member}`}} from ${JSON.stringify(arrowlessArqueroId(file))};`;
  });
  return lines.join("\n") + "\n";
}

/**
 * The text of the local modules `files` and of the local modules they import, by the relative
 * specifiers their text holds (`./x.js`; text again: a specifier in a comment is read too).
 */
export function localModuleTexts(files: string[]): string[] {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (file: string | undefined) => {
    if (file === undefined || seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    texts.push(text);
    for (const [, specifier] of text.matchAll(/["'`](\.\.?\/[^"'`?#\s]+)/g)) visit(moduleFile(path.resolve(path.dirname(file), specifier!)));
  };
  files.forEach(visit);
  return texts;
}

/**
 * Build only: the modules of the copy marked {@link arrowlessQuery} import each other as marked
 * copies too (one Arquero, apart from the published one that other pages load), and import
 * {@link flechetteStandIn} for `@uwdata/flechette`. Their other packages (acorn) stay shared.
 */
export function arrowlessArquero(): Plugin {
  return {
    name: "mapt:arrowless-arquero",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (importer === undefined || !importer.endsWith(arrowlessQuery)) return;
      if (source === "@uwdata/flechette") return flechetteStandIn;
      if (!source.startsWith(".")) return;
      const resolved = await this.resolve(source, importer.split("?")[0], {...options, skipSelf: true});
      return resolved && !resolved.external ? {...resolved, id: resolved.id.split("?")[0] + arrowlessQuery} : resolved;
    }
  };
}
