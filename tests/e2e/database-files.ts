import {rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import initSqlJs from "sql.js";

/**
 * Writes the real database files the databases fixture queries at build time: a DuckDB file
 * (`cases.duckdb`, table `events`) and a SQLite file (`actors.db`, table `actors`).
 */
export async function writeDatabaseFiles(dir: string): Promise<void> {
  const duckdbFile = path.join(dir, "cases.duckdb");
  rmSync(duckdbFile, {force: true});
  rmSync(`${duckdbFile}.wal`, {force: true});
  const instance = await DuckDBInstance.create(duckdbFile);
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE events (country VARCHAR, year INTEGER, deaths BIGINT, day DATE);
    INSERT INTO events VALUES ('Kenya', 2007, 600, DATE '2007-12-30'), ('Kenya', 2008, 533, DATE '2008-01-28'), ('Syria', 2011, 1200, DATE '2011-03-18');`);
  connection.closeSync();
  instance.closeSync();

  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run("CREATE TABLE actors (name TEXT, vetoes INTEGER); INSERT INTO actors VALUES ('Russia', 4), ('China', 2), ('France', 0);");
  writeFileSync(path.join(dir, "actors.db"), db.export());
  db.close();
}
