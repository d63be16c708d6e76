import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {parseCsv, type CsvTable} from "../../scripts/curate/csv.ts";

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The committed curated data folder. */
export const DATA_DIR = path.join(REPO_ROOT, "data");
/** The shared source folder the curation reads (`MAPT_SHARED_DIR` or `../shared`). */
export const SHARED_DIR = process.env.MAPT_SHARED_DIR ? path.resolve(process.env.MAPT_SHARED_DIR) : path.resolve(REPO_ROOT, "../shared");
/** True when the shared source data are present on this machine. */
export const SHARED_DATA_EXISTS = existsSync(path.join(SHARED_DIR, "data"));

/** A catalog column entry. */
export interface CatalogColumn { name: string; type: string; unit: string | null; description: string }
/** A catalog table entry. */
export interface CatalogTable {
  name: string; file: string; format: string; description: string; grain: string; key: string[];
  columns: CatalogColumn[]; sources: string[]; license: string; citation: string; command: string;
}
/** The parsed `data/catalog.json`. */
export interface Catalog { version: number; tables: CatalogTable[]; sources: {source_id: string}[]; comparison_set: {iso3: string; reason: string}[] }

/** Reads `data/catalog.json`. */
export const readCatalog = (): Catalog => JSON.parse(readFileSync(path.join(DATA_DIR, "catalog.json"), "utf8")) as Catalog;

const cache = new Map<string, CsvTable>();
/** Reads a committed curated table by name (its CSV parsed, values as text). */
export function readTable(name: string): CsvTable {
  let t = cache.get(name);
  if (!t) {
    t = parseCsv(readFileSync(path.join(DATA_DIR, `${name}.csv`), "utf8"), name);
    cache.set(name, t);
  }
  return t;
}

/** The rows of a committed table. */
export const rowsOf = (name: string) => readTable(name).rows;
