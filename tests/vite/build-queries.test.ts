import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {databaseTarget} from "../../src/vite/build-queries.ts";

const dir = mkdtempSync(path.join(tmpdir(), "mapt-build-queries-"));
mkdirSync(path.join(dir, ".observable"));
writeFileSync(path.join(dir, "cases.duckdb"), "");
writeFileSync(path.join(dir, "actors.db"), "");
writeFileSync(path.join(dir, ".observable", "databases.json"), JSON.stringify({cases: {type: "duckdb", path: "cases.duckdb"}, scratch: {type: "duckdb"}, crm: {type: "snowflake"}}));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("databaseTarget", () => {
  it("databaseTarget finds DuckDB and SQLite files beside the notebook, and duckdb in memory", () => {
    expect(databaseTarget("cases.duckdb", dir)).toEqual({engine: "duckdb", file: path.join(dir, "cases.duckdb")});
    expect(databaseTarget("actors.db", dir)).toEqual({engine: "sqlite", file: path.join(dir, "actors.db")});
    expect(databaseTarget("duckdb", dir)).toEqual({engine: "duckdb", file: undefined});
  });

  it("databaseTarget reads names from the notebook folder's .observable/databases.json", () => {
    expect(databaseTarget("cases", dir)).toEqual({engine: "duckdb", file: path.join(dir, "cases.duckdb")});
    expect(databaseTarget("scratch", dir)).toEqual({engine: "duckdb", file: undefined});
  });

  it("databaseTarget connects a postgres database as configured, or by the PG* environment variables for a bare \"postgres\"", () => {
    writeFileSync(path.join(dir, ".observable", "databases.json"), JSON.stringify({cases: {type: "duckdb", path: "cases.duckdb"}, scratch: {type: "duckdb"}, crm: {type: "snowflake"}, pg: {type: "postgres", host: "127.0.0.1", port: 5433, user: "analyst", database: "cases"}}));
    expect(databaseTarget("pg", dir)).toEqual({engine: "postgres", connection: {host: "127.0.0.1", port: 5433, user: "analyst", database: "cases"}});
    expect(databaseTarget("postgres", dir)).toEqual({engine: "postgres", connection: {}});
  });

  it("databaseTarget says what is missing or which databases it cannot run", () => {
    expect(() => databaseTarget("gone.duckdb", dir)).toThrow("there is no database file gone.duckdb beside the notebook");
    expect(() => databaseTarget("crm", dir)).toThrow(`"crm" is a snowflake database in .observable/databases.json; MAPT runs only DuckDB, SQLite and PostgreSQL databases`);
    expect(() => databaseTarget("nowhere", dir)).toThrow(`"nowhere" is neither a DuckDB or SQLite file`);
  });
});
