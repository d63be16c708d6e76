import {maybeTableFormat, TABLE_FORMATS, type TableFormat} from "./formats.ts";

/**
 * One table of `data/catalog.json` as written. Only `name`, `file` and `format` matter to the
 * database; every other field (description, columns, source, licence…) is kept for the UI.
 */
export interface CatalogTableSpec {
  /** The SQL name of the table. Required. */
  name?: unknown;
  /** The file behind it, relative to `data/`. Required. */
  file?: unknown;
  /** `parquet`, `csv`, `tsv`, `json` or `arrow`. Default: from the file's extension. */
  format?: unknown;
  /** One-line description. Default: `""`. */
  description?: unknown;
  /** Where the page loads the file from (the build's fingerprinted URL). Default: none. */
  url?: unknown;
  /**
   * Where the page loads the build's DuckDB database file holding this table (`main.<name>`),
   * attached instead of parsing `file`. Default: none.
   */
  database?: unknown;
  [field: string]: unknown;
}

/** `data/catalog.json` as written. */
export interface CatalogSpec {
  /** The tables. Default: none. */
  tables?: unknown;
  [field: string]: unknown;
}

/** One table of a {@link Catalog}, every field checked. */
export interface CatalogTable {
  /** The SQL name, as written in the catalog. */
  name: string;
  /** The file, relative to `data/`. */
  file: string;
  /** Its format. */
  format: TableFormat;
  /** One-line description (`""` when absent). */
  description: string;
  /** The URL the build gave the file, if the catalog carries one. */
  url: string | undefined;
  /** The URL of the build's DuckDB file holding the table, if any (see {@link CatalogTableSpec.database}). */
  database: string | undefined;
  /** The entry as written, extra fields included. */
  spec: CatalogTableSpec;
}

/** A normalised catalog: the usable tables, and what was wrong with the others. */
export interface Catalog {
  /** Tables with a valid name, file and format, in catalog order. */
  tables: CatalogTable[];
  /** One message per rejected entry, e.g. `catalog table 3 ("x"): missing "file"`. */
  problems: string[];
}

/** An empty catalog. */
export const EMPTY_CATALOG: Catalog = {tables: [], problems: []};

/**
 * Normalises parsed `catalog.json` content (or the catalog module the build makes of it, whose
 * entries carry a `url`; a {@link Catalog} reads back as itself). Never throws: entries without a usable name, file or
 * format, and duplicate names (case-insensitive, as in SQL), are left out and described in
 * `problems`; unknown fields are tolerated.
 */
export function readCatalog(json: unknown): Catalog {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return {tables: [], problems: [`catalog: expected an object with "tables", got ${describe(json)}`]};
  }
  const spec = json as CatalogSpec;
  const tablesSpec = spec.tables;
  if (tablesSpec === undefined) return {tables: [], problems: []};
  if (!Array.isArray(tablesSpec)) {
    return {tables: [], problems: [`catalog: "tables" must be an array, got ${describe(tablesSpec)}`]};
  }
  const tables: CatalogTable[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  tablesSpec.forEach((spec: unknown, index) => {
    const result = readCatalogTable(spec);
    const label = `catalog table ${index + 1}${result.name === undefined ? "" : ` ("${result.name}")`}`;
    if ("problem" in result) problems.push(`${label}: ${result.problem}`);
    else if (seen.has(result.table.name.toLowerCase())) problems.push(`${label}: duplicate name`);
    else {
      seen.add(result.table.name.toLowerCase());
      tables.push(result.table);
    }
  });
  return {tables, problems};
}

type TableResult = {table: CatalogTable; name: string} | {problem: string; name?: string};

function readCatalogTable(spec: unknown): TableResult {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    return {problem: `expected an object, got ${describe(spec)}`};
  }
  const {name, file, format, description, url, database} = (isCatalogTable(spec) ? spec.spec : spec) as CatalogTableSpec;
  if (typeof name !== "string" || name.trim() === "") return {problem: `"name" must be a non-empty string, got ${describe(name)}`};
  if (typeof file !== "string" || file.trim() === "") return {name, problem: `"file" must be a non-empty string, got ${describe(file)}`};
  const tableFormat = format === undefined ? maybeTableFormat(file) : maybeTableFormat(`.${String(format)}`);
  if (tableFormat === undefined) {
    const what = format === undefined ? `cannot tell the format of "${file}"` : `unknown "format" ${describe(format)}`;
    return {name, problem: `${what}; use one of ${TABLE_FORMATS.join(", ")}`};
  }
  return {
    name,
    table: {
      name,
      file,
      format: tableFormat,
      description: typeof description === "string" ? description : "",
      url: typeof url === "string" ? url : undefined,
      database: typeof database === "string" ? database : undefined,
      spec: spec as CatalogTableSpec
    }
  };
}

function isCatalogTable(value: object): value is CatalogTable {
  return "spec" in value && typeof value.spec === "object" && value.spec !== null;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  return JSON.stringify(value) ?? String(value);
}
