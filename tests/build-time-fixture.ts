// A notebook folder with real databases beside it, for the build-time cells' tests: a DuckDB
// file, a SQLite file and a PostgreSQL server described in .observable/databases.json.
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import pg from "pg";
import initSqlJs from "sql.js";
import {startPostgres, type TestPostgres} from "./postgres.ts";

/** A folder with study.duckdb (table events), local.db (table elders) and database "warehouse" (table funding). */
export interface BuildTimeFolder {
  dir: string;
  server: TestPostgres;
}

export async function makeBuildTimeFolder(): Promise<BuildTimeFolder> {
  const dir = mkdtempSync(path.join(tmpdir(), "mapt-build-time-"));
  const duck = await DuckDBInstance.create(path.join(dir, "study.duckdb"));
  const connection = await duck.connect();
  await connection.run("CREATE TABLE events AS SELECT * FROM (VALUES ('Kenya', 2008, 1133), ('Syria', 2012, 40000)) t(country, year, deaths)");
  connection.closeSync();
  duck.closeSync();
  const SQL = await initSqlJs();
  const lite = new SQL.Database();
  lite.run("CREATE TABLE elders (name TEXT, council TEXT, met INTEGER); INSERT INTO elders VALUES ('A', 'Njuri Ncheke', 3), ('B', 'Kaya', 1);");
  writeFileSync(path.join(dir, "local.db"), lite.export());
  lite.close();
  const server = await startPostgres();
  const client = new pg.Client({host: "127.0.0.1", port: server.port, user: server.user, database: "postgres"});
  await client.connect();
  await client.query("CREATE TABLE funding (year int, requested double precision, received double precision); INSERT INTO funding VALUES (2008, 208.6, 156.2), (2009, 581.8, 394.5)");
  await client.end();
  mkdirSync(path.join(dir, ".observable"));
  const warehouse = {type: "postgres", host: "127.0.0.1", port: server.port, username: server.user, database: "postgres"};
  writeFileSync(path.join(dir, ".observable/databases.json"), JSON.stringify({warehouse}));
  return {dir, server};
}
