import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import path from "node:path";
import type {CompiledCell} from "../compiler/index.ts";
import {buildEngineOf, queryKey, type BuildEngine, type QueryResultFile} from "../shared/index.ts";

type ColumnType = QueryResultFile["columns"][number]["type"];

/** One build-time query's outcome: its cached result file, or the error to show on its cell. */
export type BuildQueryResult = {key: string; file: string} | {key: string; error: string};

/**
 * Runs each SQL cell on a DuckDB or SQLite file or a PostgreSQL server (`cell.query`) from this machine, once per query
 * text and database file version: the result is cached in `cacheDir` under the query's key and
 * the database file's size and modification time, so a changed query or a changed database runs
 * again and anything else is read from the cache. Database paths are relative to the notebook's
 * folder `dir`. Never throws: a failure is that cell's error.
 */
export async function runBuildQueries(cells: CompiledCell[], dir: string, cacheDir: string): Promise<BuildQueryResult[]> {
  const results: BuildQueryResult[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    const query = cell.query;
    if (query === undefined || seen.has(query.key)) continue;
    seen.add(query.key);
    try {
      const file = await cachedResult(query.database, query.sql, dir, cacheDir);
      results.push({key: query.key, file});
    } catch (error) {
      results.push({key: query.key, error: error instanceof Error ? error.message : String(error)});
    }
  }
  return results;
}

/** Where a database name points: an engine and its file (none: an in-memory DuckDB), or a PostgreSQL server. */
type DatabaseTarget = {engine: BuildEngine; file: string | undefined} | {engine: "postgres"; connection: PostgresConnection};

/** A PostgreSQL connection from `.observable/databases.json`; what is absent comes from the PG* environment variables. */
interface PostgresConnection {
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
}

/**
 * A SQL cell's `database`: a DuckDB or SQLite file beside the notebook, `duckdb`, or a name
 * that the notebook folder's `.observable/databases.json` (Notebook Kit's project config) maps
 * to `{"type": "duckdb" | "sqlite", "path": "..."}`. Throws what is wrong and what to do.
 */
export function databaseTarget(database: string, dir: string): DatabaseTarget {
  const engine = buildEngineOf(database);
  if (engine !== undefined) {
    const file = database === "duckdb" ? undefined : path.resolve(dir, database);
    if (file !== undefined && !existsSync(file)) throw new Error(`there is no database file ${database} beside the notebook`);
    return {engine, file};
  }
  const configFile = path.join(dir, ".observable", "databases.json");
  let configs: Record<string, {type?: string; path?: string} & PostgresConnection> = {};
  if (existsSync(configFile)) {
    try {
      configs = JSON.parse(readFileSync(configFile, "utf8"));
    } catch (error) {
      throw new Error(`.observable/databases.json beside the notebook is not valid JSON (${error instanceof Error ? error.message : error})`);
    }
  }
  // Notebook Kit's default for a bare engine name with no config (only "duckdb" is ours).
  const config = configs[database] ?? (/^(postgres|sqlite|snowflake|bigquery|databricks|mssql)$/.test(database) ? {type: database} : undefined);
  if (config?.type === "sqlite" && config.path === undefined && configs[database] === undefined) {
    throw new Error(`"sqlite" alone is an empty database: name a SQLite file (database="file.db")`);
  }
  if (config === undefined) {
    throw new Error(`"${database}" is neither a DuckDB or SQLite file (.duckdb, .db, .sqlite) nor a database named in .observable/databases.json beside the notebook`);
  }
  if (config.type === "postgres") {
    const {host, port, user, password, database: name} = config;
    return {engine: "postgres", connection: {host, port, user, password, database: name}};
  }
  if (config.type !== "duckdb" && config.type !== "sqlite") {
    const where = configs[database] === undefined ? "" : " in .observable/databases.json";
    throw new Error(`"${database}" is a ${config.type ?? "untyped"} database${where}; MAPT runs only DuckDB, SQLite and PostgreSQL databases when it builds a site`);
  }
  if (config.path === undefined) {
    if (config.type === "duckdb") return {engine: "duckdb", file: undefined};
    throw new Error(`"${database}" in .observable/databases.json has no "path" to its SQLite file`);
  }
  const file = path.resolve(dir, config.path);
  if (!existsSync(file)) throw new Error(`there is no database file ${config.path} (database "${database}" in .observable/databases.json) beside the notebook`);
  return {engine: config.type, file};
}

async function cachedResult(database: string, sql: string, dir: string, cacheDir: string): Promise<string> {
  const target = databaseTarget(database, dir);
  // A file's version is its size and modification time; a server's is not known (its results
  // stay cached, as in Notebook Kit, until the cache folder is deleted).
  const stamp =
    target.engine === "postgres" ? queryKey("postgres", JSON.stringify({...target.connection, password: undefined}))
    : target.file === undefined ? "memory"
    : (({size, mtimeMs}) => queryKey(target.file!, `${size}:${mtimeMs}`))(statSync(target.file));
  const cached = path.join(cacheDir, `${queryKey(database, sql)}-${stamp}.json`);
  if (existsSync(cached)) return cached;
  const result =
    target.engine === "postgres" ? await runPostgres(target.connection, sql)
    : target.engine === "sqlite" ? await runSqlite(target.file!, sql)
    : await runDuckDB(target.file, sql, dir);
  mkdirSync(cacheDir, {recursive: true});
  writeFileSync(cached, JSON.stringify(result));
  return cached;
}

/** A query on a DuckDB file (read only) or an in-memory DuckDB, reading files beside the notebook. */
async function runDuckDB(file: string | undefined, sql: string, dir: string): Promise<QueryResultFile> {
  const {DuckDBInstance} = await importOrExplain<typeof import("@duckdb/node-api")>("@duckdb/node-api", "DuckDB for Node");
  const instance = await DuckDBInstance.create(file ?? ":memory:", file ? {access_mode: "READ_ONLY"} : {});
  const connection = await instance.connect();
  try {
    await connection.run(`SET file_search_path = '${dir.replace(/'/g, "''")}'`);
    const reader = await connection.runAndReadAll(sql);
    const types = reader.columnTypes().map((type) => duckdbColumnType(String(type)));
    const rows = reader.getRowsJson().map((row) => row.map((value, i) => (types[i] === "number" || types[i] === "bigint") && typeof value === "string" ? Number(value) : value));
    return {columns: reader.columnNames().map((name, i) => ({name, type: types[i]!})), rows};
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function duckdbColumnType(type: string): ColumnType {
  if (/^(HUGEINT|BIGINT|UBIGINT|UHUGEINT)$/.test(type)) return "bigint";
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER|FLOAT|DOUBLE|DECIMAL.*)$/.test(type)) return "number";
  if (type === "VARCHAR") return "string";
  if (type === "BOOLEAN") return "boolean";
  if (/^(DATE|TIMESTAMP.*)$/.test(type)) return "date";
  return "other";
}

/** A query on a SQLite file, read with SQLite compiled to WebAssembly (no native build needed). */
async function runSqlite(file: string, sql: string): Promise<QueryResultFile> {
  const {default: initSqlJs} = await importOrExplain<typeof import("sql.js")>("sql.js", "SQLite for Node (sql.js)");
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(file));
  try {
    const results = db.exec(sql);
    const last = results.at(-1);
    if (last === undefined) return {columns: [], rows: []};
    const columns = last.columns.map((name, i) => ({name, type: sqliteColumnType(last.values.map((row) => row[i]))}));
    const rows = last.values.map((row) => row.map((value) => (value instanceof Uint8Array ? Array.from(value) : value)));
    return {columns, rows};
  } finally {
    db.close();
  }
}

/** SQLite types values, not columns: a column is a number or string when every value is. */
function sqliteColumnType(values: unknown[]): ColumnType {
  const present = values.filter((value) => value !== null);
  if (present.length > 0 && present.every((value) => typeof value === "number")) return "number";
  if (present.every((value) => typeof value === "string")) return "string";
  return "other";
}

/** A query on a PostgreSQL server (read only: the query runs in a read-only transaction). */
async function runPostgres(connection: PostgresConnection, sql: string): Promise<QueryResultFile> {
  const {default: pg} = await importOrExplain<typeof import("pg")>("pg", "The PostgreSQL client (pg)");
  // Dates and timestamps stay text, so they reach the page as written, not shifted to this machine's time zone.
  const types = {getTypeParser: (oid: number, format?: string) => ([1082, 1114, 1184].includes(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format as "text"))};
  const client = new pg.Client({...connection, types});
  try {
    await client.connect();
    await client.query("BEGIN READ ONLY");
    const result = await client.query({text: sql, rowMode: "array"});
    await client.query("ROLLBACK");
    const columns = result.fields.map((field) => ({name: field.name, type: postgresColumnType(field.dataTypeID)}));
    const rows = (result.rows as unknown[][]).map((row) => row.map((value, i) => (columns[i]!.type === "number" || columns[i]!.type === "bigint") && typeof value === "string" ? Number(value) : value));
    return {columns, rows};
  } catch (error) {
    if ((error as {code?: string}).code === "ECONNREFUSED") {
      const where = `${connection.host ?? process.env.PGHOST ?? "localhost"}:${connection.port ?? process.env.PGPORT ?? 5432}`;
      throw new Error(`PostgreSQL: no server answers at ${where} (is it running? host and port come from .observable/databases.json, else PGHOST and PGPORT)`, {cause: error});
    }
    throw new Error(`PostgreSQL: ${error instanceof Error ? error.message : error}`, {cause: error});
  } finally {
    await client.end().catch(() => {});
  }
}

/** PostgreSQL type ids (pg_type.oid) of the common column types. */
function postgresColumnType(oid: number): ColumnType {
  if (oid === 20) return "bigint";
  if ([21, 23, 700, 701, 1700].includes(oid)) return "number";
  if ([25, 1042, 1043, 19].includes(oid)) return "string";
  if (oid === 16) return "boolean";
  if ([1082, 1114, 1184].includes(oid)) return "date";
  return "other";
}

async function importOrExplain<T>(name: string, what: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new Error(`${what} is not installed in this project (npm install -D ${name}), so the build cannot run this query`, {cause: error});
  }
}
