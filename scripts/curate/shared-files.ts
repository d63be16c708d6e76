import {readFileSync} from "node:fs";
import path from "node:path";
import {parseCsv, type CsvTable} from "./csv.ts";

/** Read access to the shared data and domain folders, with each CSV parsed once. */
export interface SharedFiles {
  /** The shared folder (holding `data/` and `domain/`). */
  root: string;
  /** Parses `relPath` (relative to the shared folder, e.g. "data/wdi/wdi_country_year.csv"). */
  csv(relPath: string): CsvTable;
  /** Absolute path of a file in the shared folder. */
  resolve(relPath: string): string;
}

/** Opens the shared folder at `root`. */
export function openSharedFiles(root: string): SharedFiles {
  const cache = new Map<string, CsvTable>();
  const resolve = (relPath: string) => path.join(root, relPath);
  return {
    root,
    resolve,
    csv(relPath) {
      let table = cache.get(relPath);
      if (!table) {
        table = parseCsv(readFileSync(resolve(relPath), "utf8"), relPath);
        cache.set(relPath, table);
      }
      return table;
    }
  };
}
