/** The engines that run a SQL cell's query when the site is built (not in the page). */
export type BuildEngine = "duckdb" | "sqlite";

/**
 * Which engine runs a SQL cell's `database` at build time: a DuckDB file (`x.duckdb`) or
 * `duckdb` (an empty in-memory DuckDB that can read the files beside the notebook), a SQLite
 * file (`x.db`, `x.sqlite`, `x.sqlite3`); `undefined` for anything else (`var:` databases run in
 * the page; named server databases are not supported).
 */
export function buildEngineOf(database: string): BuildEngine | undefined {
  if (database === "duckdb" || /\.duckdb$/i.test(database)) return "duckdb";
  if (/\.(db|sqlite3?)$/i.test(database)) return "sqlite";
  return undefined;
}

/**
 * The key of one build-time query's cached result: a hash of the database name and the query's
 * text, the same in Node and in the browser (so an edited query has a new key).
 */
export function queryKey(database: string, sql: string): string {
  // cyrb53: a fast 53-bit string hash; not for security, only to name cache entries.
  const text = `${database}\n${sql}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; ++i) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** A build-time query's result as the build writes it and the page reads it. */
export interface QueryResultFile {
  columns: Array<{name: string; type: "number" | "bigint" | "string" | "boolean" | "date" | "other"}>;
  /** One array per row, values in column order (dates as ISO strings, bigints as numbers). */
  rows: unknown[][];
}

/** The file extension of a data loader's output in `format` (Notebook Kit's `format` attribute). */
export function loaderExtension(format: string): string {
  if (format === "html" || format === "text") return "txt";
  if (format === "jpeg") return "jpg";
  if (["json", "arrow", "parquet", "csv", "tsv", "png", "gif", "svg", "webp", "xml"].includes(format)) return format;
  return "bin";
}

/**
 * The dev server's endpoint that runs one build-time query or data loader of a notebook file
 * by key (a cell edited since the page loaded): `${buildResultPath}?page=notebooks/x.html&key=K`.
 * Answers the result file, or the error as text with status 422 (404: no such cell in the file).
 */
export const buildResultPath = "/__mapt/build-result";
