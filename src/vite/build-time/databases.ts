// Databases a SQL cell names with `database="..."` other than `var:...`: queried on this machine
// when the page is built (and by the dev server), as Notebook Kit does; the page receives only
// the result. DuckDB through its native engine, SQLite through sql.js, PostgreSQL through pg.
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";

/** How to reach one database. */
export type DatabaseConfig =
  | {type: "duckdb"; path?: string}
  | {type: "sqlite"; path?: string}
  | {type: "postgres"; host?: string; port?: number; username?: string; password?: string; database?: string};

/** Rows of a result, with each column's name in order. */
export interface QueryResult {
  columns: string[];
  rows: Record<string, unknown>[];
}

/**
 * The database `name` names for a notebook in `dir`: an entry of `.observable/databases.json`
 * beside it (Notebook Kit's project file), else `duckdb`, `sqlite`, `postgres`, a `.duckdb` file
 * or a `.db` (SQLite) file. Throws a message naming the file and what to write when it is none.
 */
export function databaseConfig(dir: string, name: string): DatabaseConfig {
  const file = path.join(dir, ".observable", "databases.json");
  if (existsSync(file)) {
    let configs: Record<string, DatabaseConfig>;
    try {
      configs = JSON.parse(readFileSync(file, "utf8")) as Record<string, DatabaseConfig>;
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const config = configs[name];
    if (config !== undefined) {
      if (!["duckdb", "sqlite", "postgres"].includes(config.type)) {
        throw new Error(`database "${name}" in ${file} has type "${String(config.type)}"; supported: duckdb, sqlite, postgres`);
      }
      return config;
    }
  }
  if (name === "duckdb") return {type: "duckdb"};
  if (name === "sqlite") return {type: "sqlite"};
  if (name === "postgres") return {type: "postgres"};
  if (/\.duckdb$/i.test(name)) return {type: "duckdb", path: name};
  if (/\.(db|sqlite3?)$/i.test(name)) return {type: "sqlite", path: name};
  throw new Error(
    `database "${name}" is not known: name a .duckdb or .db file beside the notebook, duckdb, sqlite or postgres, or describe it in ${path.join(".observable", "databases.json")} beside the notebook`
  );
}

/** A database file named relative to the notebook, which must stay inside the notebook's folder. */
function fileInside(dir: string, name: string): string {
  const file = path.resolve(dir, name);
  const relative = path.relative(dir, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new Error(`database file "${name}" is outside the notebook's folder; a notebook reads only files in its own folder`);
  }
  if (!existsSync(file)) throw new Error(`database file "${name}" was not found beside the notebook`);
  return file;
}

/** Runs `sql` on the database of `config` (files resolved against `dir`). */
export async function runQuery(config: DatabaseConfig, dir: string, sql: string): Promise<QueryResult> {
  switch (config.type) {
    case "duckdb":
      return runDuckDB(config.path === undefined ? ":memory:" : fileInside(dir, config.path), sql);
    case "sqlite":
      return runSQLite(config.path === undefined ? undefined : fileInside(dir, config.path), sql);
    case "postgres":
      return runPostgres(config, sql);
  }
}

async function runDuckDB(file: string, sql: string): Promise<QueryResult> {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  // Read-only: a query at build time never changes the notebook's database file.
  const instance = await DuckDBInstance.create(file, file === ":memory:" ? {} : {access_mode: "READ_ONLY"});
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return {columns: reader.columnNames(), rows: reader.getRowObjectsJS() as Record<string, unknown>[]};
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function runSQLite(file: string | undefined, sql: string): Promise<QueryResult> {
  const {default: initSqlJs} = await import("sql.js");
  const SQL = await initSqlJs();
  const database = new SQL.Database(file === undefined ? undefined : readFileSync(file));
  try {
    const results = database.exec(sql);
    const last = results.at(-1);
    if (last === undefined) return {columns: [], rows: []};
    return {columns: last.columns, rows: last.values.map((values) => Object.fromEntries(last.columns.map((column, i) => [column, values[i]])))};
  } finally {
    database.close();
  }
}

async function runPostgres(config: Extract<DatabaseConfig, {type: "postgres"}>, sql: string): Promise<QueryResult> {
  const {default: pg} = await import("pg");
  // Unset fields fall back to libpq's environment variables (PGHOST, PGPORT, PGUSER, ...).
  const client = new pg.Client({host: config.host, port: config.port, user: config.username, password: config.password, database: config.database});
  await client.connect();
  try {
    const result = await client.query(sql);
    const last = Array.isArray(result) ? result.at(-1) : result;
    return {columns: last.fields.map((field: {name: string}) => field.name), rows: last.rows};
  } finally {
    await client.end();
  }
}
