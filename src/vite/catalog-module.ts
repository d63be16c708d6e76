import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {readCatalogDetails} from "../data/index.ts";

/** `data/catalog.json` parsed, or `undefined` when the project has none. */
function readCatalogFile(dataDir: string): unknown {
  const catalogFile = path.join(dataDir, "catalog.json");
  return existsSync(catalogFile) ? JSON.parse(readFileSync(catalogFile, "utf8")) : undefined;
}

/**
 * The module that tells the reader where each catalog table's file is: one `?url` import per
 * table, so the build copies (and fingerprints) exactly the files the catalog names.
 */
export function catalogModule(dataDir: string): string {
  const catalog = readCatalogFile(dataDir) as {tables?: Array<{name: string; file: string; format: string}>} | undefined;
  const tables = catalog?.tables ?? [];
  const imports = tables.map((t, i) => `import url${i} from ${JSON.stringify(`${path.join(dataDir, t.file).split(path.sep).join("/")}?url`)};`);
  const entries = tables.map((t, i) => `  {name: ${JSON.stringify(t.name)}, file: ${JSON.stringify(t.file)}, format: ${JSON.stringify(t.format)}, url: url${i}}`);
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
