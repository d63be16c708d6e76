import {sqlName, type CatalogColumn, type CatalogDetails, type CatalogSource, type TableDescription} from "../../data/index.ts";

/** How far a catalog table's sources are verified. */
export type Verification =
  /** Every source is marked verified. */
  | "verified"
  /** Some sources are, some are not. */
  | "partly verified"
  /** No source is marked verified. */
  | "unverified"
  /** The table cites no source (a compilation of the project's own). */
  | "no source listed";

/** A table of the data catalog, with what the catalog says about it. */
export interface CatalogTableRow {
  kind: "catalog";
  name: string;
  description: string;
  grain: string;
  columns: CatalogColumn[];
  /** Its sources, resolved; an id the catalog does not describe reads as an unverified source of that id. */
  sources: CatalogSource[];
  licence: string;
  citation: string;
  verification: Verification;
}

/** A table the user made in the page's database (`CREATE TABLE`, an attached file). */
export interface UserTableRow {
  kind: "user";
  name: string;
  /** Whether DuckDB holds it as a table or a view. */
  type: "table" | "view";
}

/** One entry of the catalog panel. */
export type CatalogRow = CatalogTableRow | UserTableRow;

/**
 * The panel's entries: every catalog table in catalog order, then the tables of the page's
 * database (`tables`, from `describeTables()`) that are not catalog tables, by name.
 */
export function catalogRows(details: CatalogDetails, tables: readonly TableDescription[]): CatalogRow[] {
  const sources = new Map(details.sources.map((source) => [source.id, source]));
  const rows: CatalogRow[] = details.tables.map((table) => {
    const cited = table.sources.map((id) => sources.get(id) ?? unknownSource(id));
    return {
      kind: "catalog",
      name: table.name,
      description: table.description,
      grain: table.grain,
      columns: table.columns,
      sources: cited,
      licence: table.licence,
      citation: table.citation,
      verification: verificationOf(cited)
    };
  });
  const inCatalog = new Set(details.tables.map((table) => table.name.toLowerCase()));
  const own = tables
    .filter((table) => table.kind !== "catalog (not yet loaded)" && !inCatalog.has(table.name.toLowerCase()))
    .map((table): UserTableRow => ({kind: "user", name: table.name, type: table.kind === "view" ? "view" : "table"}))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...rows, ...own];
}

/** The rows that have every word of `query` in their name, description, grain or column names and units. */
export function filterCatalogRows(rows: readonly CatalogRow[], query: string): CatalogRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    const text = (row.kind === "catalog"
      ? [row.name, row.description, row.grain, ...row.columns.flatMap((c) => [c.name, c.unit ?? ""])]
      : [row.name]
    ).join(" ").toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The query a new cell starts with: the table's columns (all, when unknown), its first 100 rows. */
export function starterSql(table: string, columns: readonly string[]): string {
  const names = columns.map(sqlName);
  const oneLine = `SELECT ${names.join(", ") || "*"}`;
  const select = oneLine.length <= 72 ? oneLine : `SELECT\n${names.map((name) => `  ${name}`).join(",\n")}`;
  return `${select}\nFROM ${sqlName(table)}\nLIMIT 100`;
}

function verificationOf(sources: readonly CatalogSource[]): Verification {
  if (sources.length === 0) return "no source listed";
  const verified = sources.filter((source) => source.verified).length;
  return verified === sources.length ? "verified" : verified === 0 ? "unverified" : "partly verified";
}

function unknownSource(id: string): CatalogSource {
  return {id, publisher: "", dataset: id, version: "", url: undefined, licence: "", citation: "", verified: false, notes: "Not described in the catalog."};
}
