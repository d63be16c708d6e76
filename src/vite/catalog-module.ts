import {existsSync, readFileSync} from "node:fs";
import path from "node:path";

/**
 * The module that tells the reader where each catalog table's file is: one `?url` import per
 * table, so the build copies (and fingerprints) exactly the files the catalog names.
 */
export function catalogModule(dataDir: string): string {
  const catalogFile = path.join(dataDir, "catalog.json");
  if (!existsSync(catalogFile)) return "export default {tables: []};\n";
  const catalog = JSON.parse(readFileSync(catalogFile, "utf8")) as {tables?: Array<{name: string; file: string; format: string}>};
  const tables = catalog.tables ?? [];
  const imports = tables.map((t, i) => `import url${i} from ${JSON.stringify(`${path.join(dataDir, t.file).split(path.sep).join("/")}?url`)};`);
  const entries = tables.map((t, i) => `  {name: ${JSON.stringify(t.name)}, file: ${JSON.stringify(t.file)}, format: ${JSON.stringify(t.format)}, url: url${i}}`);
  return `${imports.join("\n")}\nexport default {tables: [\n${entries.join(",\n")}\n]};\n`;
}
