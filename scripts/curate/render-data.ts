import {TABLES, type Rows} from "./build-tables.ts";
import {buildCatalog} from "./catalog.ts";
import {formatCsv} from "./csv.ts";

/**
 * Renders the tables as file contents keyed by file name (each table's CSV and `catalog.json`).
 * Throws when a table's columns differ from its spec or its key columns repeat.
 */
export function renderData(tables: ReadonlyMap<string, Rows>): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of TABLES) {
    const rows = tables.get(spec.name);
    if (!rows) throw new Error(`no rows built for table ${spec.name}`);
    const columns = spec.columns.map((c) => c.name);
    for (const row of rows) {
      const extra = Object.keys(row).filter((k) => !columns.includes(k));
      if (extra.length) throw new Error(`table ${spec.name} has undocumented columns: ${extra.join(", ")}`);
    }
    const seen = new Set<string>();
    for (const row of rows) {
      const key = spec.key.map((k) => String(row[k])).join("|");
      if (seen.has(key)) throw new Error(`table ${spec.name} repeats key (${spec.key.join(", ")}) = ${key}`);
      seen.add(key);
    }
    out.set(`${spec.name}.csv`, formatCsv(columns, rows));
  }
  out.set("catalog.json", JSON.stringify(buildCatalog(TABLES), null, 2) + "\n");
  return out;
}
