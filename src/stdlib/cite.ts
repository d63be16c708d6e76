import type {DuckDBClient} from "../data/index.ts";

/** One row of the catalog's `sources` table. */
export type SourceRow = Record<string, unknown> & {source_id: string; dataset?: string; version?: string; verified?: boolean};

/**
 * `cite(id)`: the source line for a dataset of the catalog, "dataset, version V", with
 * " (not verified by the project)" where the `sources` table says so; `cite.source(id)` is the
 * whole row. An unknown id is an error naming the ids there are, so a chart never cites nothing.
 */
export interface Cite {
  (id: string): string;
  source(id: string): SourceRow;
}

/** Reads the catalog's `sources` table once and makes the `cite` builtin. */
export async function loadCite(db: DuckDBClient): Promise<Cite> {
  const rows = (await db.query("SELECT * FROM sources")).toArray().map((row) => row.toJSON() as SourceRow);
  const byId = new Map(rows.map((row) => [row.source_id, row]));
  const source = (id: string) => {
    const row = byId.get(id);
    if (!row) throw new Error(`cite: no source "${id}" in the sources table; there are ${[...byId.keys()].map((k) => `"${k}"`).join(", ")}`);
    return row;
  };
  const cite = (id: string) => {
    const {dataset, version, verified} = source(id);
    return `${dataset ?? id}, version ${version ?? "unknown"}${verified ? "" : " (not verified by the project)"}`;
  };
  return Object.assign(cite, {source});
}
