import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {readCatalogDetails} from "../data/index.ts";

/** `data/catalog.json` parsed, or `undefined` when the project has none. */
function readCatalogFile(dataDir: string): unknown {
  const catalogFile = path.join(dataDir, "catalog.json");
  return existsSync(catalogFile) ? JSON.parse(readFileSync(catalogFile, "utf8")) : undefined;
}

/** The catalog's tables as `data/catalog.json` lists them (none without a catalog). */
export function catalogFileEntries(dataDir: string): Array<{name: string; file: string; format?: string}> {
  const catalog = readCatalogFile(dataDir) as {tables?: Array<{name: string; file: string; format?: string}>} | undefined;
  return (catalog?.tables ?? []).filter((t) => typeof t?.name === "string" && typeof t?.file === "string");
}

/**
 * The module that tells the reader where each catalog table's data is: one `?url` import per
 * table, so the build copies (and fingerprints) exactly the files pages load. A table with a
 * prebuilt DuckDB file (`databases`, the build's) ships that file only, as `database`; the others
 * ship their source file, as `url` (the dev server: the CSVs themselves).
 */
export function catalogModule(dataDir: string, databases: ReadonlyMap<string, string> = new Map()): string {
  const tables = catalogFileEntries(dataDir);
  const toImport = (file: string) => JSON.stringify(`${file.split(path.sep).join("/")}?url`);
  const imports = tables.map((t, i) => `import url${i} from ${toImport(databases.get(t.name) ?? path.join(dataDir, t.file))};`);
  const entries = tables.map((t, i) => {
    const where = databases.has(t.name) ? `database: url${i}` : `url: url${i}`;
    return `  {name: ${JSON.stringify(t.name)}, file: ${JSON.stringify(t.file)}, format: ${JSON.stringify(t.format)}, ${where}}`;
  });
  return `${imports.join("\n")}\nexport default {tables: [\n${entries.join(",\n")}\n]};\n`;
}

/**
 * The module of what the catalog says about its tables (descriptions, grain, columns with
 * units, sources with licence, citation and verification), normalised by `readCatalogDetails`.
 * Pages import it lazily (the catalog panel, SQL completion), so readers never download it.
 */
export function catalogDetailsModule(dataDir: string): string {
  const details = readCatalogDetails(readCatalogFile(dataDir) ?? {});
  // A JSON string parsed at run time is smaller and faster to load than the same object literal.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(details))});\n`;
}
