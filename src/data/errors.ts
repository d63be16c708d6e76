/**
 * DuckDB rejected a query. The message is DuckDB's own (e.g. `Catalog Error: Table with name x
 * does not exist!`); the original error is kept as `cause` and the SQL text as `sql`.
 */
export class QueryError extends Error {
  /** The SQL text that failed. */
  readonly sql: string;
  constructor(message: string, sql: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "QueryError";
    this.sql = sql;
  }
}

/** A catalog table could not be made queryable (its file failed to load or to parse). */
export class CatalogLoadError extends Error {
  /** The catalog table's name. */
  readonly table: string;
  /** The catalog file behind it, as written in the catalog. */
  readonly file: string;
  constructor(table: string, file: string, reason: string, options?: ErrorOptions) {
    super(`Could not load catalog table "${table}" from file "${file}": ${reason}`, options);
    this.name = "CatalogLoadError";
    this.table = table;
    this.file = file;
  }
}

/**
 * Re-throws what DuckDB threw as a {@link QueryError} carrying only DuckDB's message, so that
 * neither the console nor a cell shows the huge minified source line of the wasm glue.
 */
export function toQueryError(error: unknown, sql: string): QueryError | CatalogLoadError | DataFileError | EngineLostError {
  if (error instanceof QueryError || error instanceof CatalogLoadError || error instanceof DataFileError || error instanceof EngineLostError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new QueryError(message, sql, {cause: error});
}

/**
 * A user's data file (CSV, TSV, JSON, Parquet, Arrow) could not be read as a table. The message
 * names the file as the user knows it (never the path DuckDB registered it under) and, where the
 * format has them, the line (and column) at fault; `line`/`column` are 1-based.
 */
export class DataFileError extends Error {
  /** The file's name as the user gave it. */
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(file: string, reason: string, position: {line?: number; column?: number} = {}, options?: ErrorOptions) {
    const where = position.line === undefined ? "" : ` at line ${position.line}${position.column === undefined ? "" : `, column ${position.column}`}`;
    super(`"${file}"${where}: ${reason}`, options);
    this.name = "DataFileError";
    this.file = file;
    this.line = position.line;
    this.column = position.column;
  }
}

/**
 * A query's engine was given up (its worker crashed, or it did not stop a query when asked) before
 * the query ended. The page replaces the engine and runs its SQL cells again; `restarting` is
 * false when it no longer restarts (see `EngineReport`).
 */
export class EngineLostError extends Error {
  readonly restarting: boolean;
  constructor(what: string, restarting: boolean) {
    super(restarting ? `${what}; the page is starting a new DuckDB and runs this cell again.` : `${what}; reload the page to start DuckDB again.`);
    this.name = "EngineLostError";
    this.restarting = restarting;
  }
}
