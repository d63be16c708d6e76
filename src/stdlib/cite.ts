import type {DuckDBClient} from "../data/index.ts";

/** One row of the catalog's `sources` table. */
export type SourceRow = Record<string, unknown> & {
  source_id: string;
  publisher?: string;
  dataset?: string;
  version?: string;
  citation?: string;
  licence?: string;
  /** The publisher's page; empty for the project's own compilations. */
  url?: string;
  verified?: boolean;
  notes?: string;
};

/**
 * `cite(id)`: the source line for a dataset of the catalog, "dataset, version V", with
 * " (not verified by the project)" where the `sources` table says so; `cite.link(id)` is the
 * same line as a link to the publisher's page, carrying the full citation; `cite.source(id)` is
 * the whole row. An unknown id is an error naming the ids there are, so a chart never cites
 * nothing.
 */
export interface Cite {
  (id: string): string;
  link(id: string): HTMLElement;
  source(id: string): SourceRow;
}

/** Reads the catalog's `sources` table once and makes the `cite` builtin, building links in `document`. */
export async function loadCite(db: DuckDBClient, document: Document): Promise<Cite> {
  const byId = new Map((await readSources(db)).map((row) => [row.source_id, row]));
  const source = (id: string) => {
    const row = byId.get(id);
    if (!row) throw new Error(`cite: no source "${id}" in the sources table; there are ${[...byId.keys()].map((k) => `"${k}"`).join(", ")}`);
    return row;
  };
  const cite = (id: string) => sourceLine(source(id));
  const link = (id: string) => sourceLink(document, source(id));
  return Object.assign(cite, {link, source});
}

/** Every row of the catalog's `sources` table, in its order. */
export async function readSources(db: DuckDBClient): Promise<SourceRow[]> {
  return (await db.query("SELECT * FROM sources")).toArray().map((row) => row.toJSON() as SourceRow);
}

/**
 * The line a reader sees: the dataset by its published name and version. The project's own
 * compilations (no publisher page) are named with their compiler instead: their `version`
 * names the project's files, which mean nothing to a reader.
 */
export function sourceLine(row: SourceRow): string {
  const name = row.dataset ?? row.source_id;
  const edition = row.url ? `version ${row.version ?? "unknown"}` : row.publisher ?? "a project compilation";
  return `${name}, ${edition}${row.verified ? "" : " (not verified by the project)"}`;
}

/** The source line as a link to the publisher's page (plain text when there is none), its citation as the title. */
function sourceLink(document: Document, row: SourceRow): HTMLElement {
  const element = document.createElement(row.url ? "a" : "span");
  element.className = "mapt-cite";
  element.textContent = sourceLine(row);
  if (row.url) element.setAttribute("href", row.url);
  if (row.citation) element.setAttribute("title", row.citation);
  element.dataset.sourceId = row.source_id;
  return element;
}
