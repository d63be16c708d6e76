import {readFileSync} from "node:fs";
import path from "node:path";

/** The project's `data/catalog.json`, as the data folder has it: what pages must show. */
export const projectCatalog = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../data/catalog.json"), "utf8")) as {
  tables: Array<{name: string; description: string; columns: Array<{name: string; unit: string | null; description: string}>; sources: string[]}>;
  sources: Array<{source_id: string; url: string; verified: boolean}>;
};

/**
 * The start of a catalog table's description that a script would hold verbatim (no character
 * JSON or JavaScript would escape): finding it in a script means the descriptions are in it.
 */
export const catalogDescriptionMarker: string = projectCatalog.tables
  .map((table) => table.description.slice(0, 48))
  .find((text) => /^[A-Za-z0-9 ,.()-]{48}$/.test(text))!;
