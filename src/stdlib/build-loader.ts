import {loaderExtension, mimeTypeOf} from "../shared/index.ts";
import type {BuiltinContext} from "./context.ts";
import {createFileAttachment} from "./file-attachments.ts";

/** What each `format` of a data loader reads its output as (as Notebook Kit does). */
const readers: Record<string, (file: any, document: Document | undefined) => unknown> = {
  json: (file) => file.json(),
  csv: (file) => file.csv({typed: true}),
  tsv: (file) => file.tsv({typed: true}),
  text: (file) => file.text(),
  xml: (file) => file.xml(),
  arrow: (file) => file.arrow(),
  parquet: (file) => file.parquet(),
  blob: (file) => file.blob(),
  buffer: (file) => file.arrayBuffer(),
  html: async (file, document) => {
    const template = (document ?? globalThis.document).createElement("template");
    template.innerHTML = await file.text();
    return template.content;
  },
  ...Object.fromEntries(["png", "jpeg", "gif", "svg", "webp"].map((format) => [format, (file: any) => file.image()]))
};

/**
 * The `__loader` builtin behind a data loader cell (Node.js, Python, R): `__loader("python",
 * key, "json")`. The build ran the program and kept what it printed; this reads that output in
 * the cell's format (without a format: the file, with FileAttachment's methods). A program the
 * build did not run (edited since) or that failed says so on its cell.
 */
export function buildLoader(context: BuiltinContext) {
  return async (mode: string, key: string, format: string): Promise<unknown> => {
    let entry = context.queries?.results[key];
    const served = context.queries?.served;
    if (entry === undefined && served !== undefined) {
      const response = await context.fetch(served + key);
      entry = response.ok ? {url: served + key} : {error: (await response.text()) || response.statusText};
    }
    if (entry === undefined) {
      throw new Error(`This ${mode} cell runs when the site is built (npm run build, or when the dev server loads the page), and this version of it has not run: ${context.queries ? "build again or reload the page" : "this notebook is not a file in a project, so nothing can run it"}.`);
    }
    if ("error" in entry) throw new Error(`This ${mode} cell failed when the site was built: ${entry.error}`);
    const name = `${mode}-output.${loaderExtension(format)}`;
    const file = createFileAttachment({...context, resolveFile: () => ({url: entry.url, mimeType: mimeTypeOf(name)})})(name);
    const read = readers[format];
    return read === undefined ? file : read(file, context.document);
  };
}
