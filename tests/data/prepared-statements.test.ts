import type {DuckDBBindings, DuckDBConnection, PreparedStatement} from "@duckdb/duckdb-wasm/blocking";
import {beforeAll, describe, expect, it} from "vitest";
import {PreparedStatements, type StatementDriver} from "../../src/data/index.ts";
import {openNodeBindings, rowsOf} from "./node-duckdb.ts";

let db: DuckDBBindings;
beforeAll(async () => void (db = await openNodeBindings()), 120_000);

/** A real DuckDB connection's statements, with what the cache asked of it written down. */
function recordingDriver(conn: DuckDBConnection) {
  const prepared: string[] = [];
  const closed: string[] = [];
  const sqlOf = new Map<PreparedStatement, string>();
  const driver: StatementDriver<PreparedStatement> = {
    prepare: async (sql) => {
      prepared.push(sql);
      const statement = conn.prepare(sql);
      sqlOf.set(statement, sql);
      return statement;
    },
    query: async (statement, params) => statement.query(...params),
    close: async (statement) => (closed.push(sqlOf.get(statement)!), statement.close())
  };
  return {driver, prepared, closed};
}

describe("PreparedStatements", () => {
  it("PreparedStatements.query prepares a SQL text once and binds each call's parameters", async () => {
    const conn = db.connect();
    const {driver, prepared} = recordingDriver(conn);
    const statements = new PreparedStatements(driver);
    const sql = "SELECT x FROM range(10) t(x) WHERE x < ? ORDER BY x DESC LIMIT 1";
    expect(rowsOf(await statements.query(sql, [3]))).toEqual([{x: 2}]);
    expect(rowsOf(await statements.query(sql, [8]))).toEqual([{x: 7}]);
    expect(prepared).toEqual([sql]);
    conn.close();
  });

  it("PreparedStatements keeps at most its limit, closing the least recently used statement", async () => {
    const conn = db.connect();
    const {driver, prepared, closed} = recordingDriver(conn);
    const statements = new PreparedStatements(driver, 2);
    const [a, b, c] = ["SELECT ? + 1 AS v", "SELECT ? + 2 AS v", "SELECT ? + 3 AS v"];
    await statements.query(a, [1]);
    await statements.query(b, [1]);
    await statements.query(a, [1]);
    expect(rowsOf(await statements.query(c, [1]))).toEqual([{v: 4}]);
    expect(closed).toEqual([b]);
    expect(statements.size).toBe(2);
    expect(rowsOf(await statements.query(b, [5]))).toEqual([{v: 7}]);
    expect(prepared).toEqual([a, b, c, b]);
    conn.close();
  });

  it("PreparedStatements keeps no statement whose preparation failed: each call reports DuckDB's error", async () => {
    const conn = db.connect();
    const {driver, prepared} = recordingDriver(conn);
    const statements = new PreparedStatements(driver);
    const sql = "SELECT * FROM no_such_table WHERE x = ?";
    await expect(statements.query(sql, [1])).rejects.toThrow(/no_such_table/);
    conn.query("CREATE TABLE no_such_table AS SELECT 1 AS x");
    expect(rowsOf(await statements.query(sql, [1]))).toEqual([{x: 1}]);
    expect(prepared).toEqual([sql, sql]);
    conn.close();
  });

  it("PreparedStatements closes and forgets a statement whose query failed", async () => {
    const conn = db.connect();
    const {driver, prepared, closed} = recordingDriver(conn);
    const statements = new PreparedStatements(driver);
    const sql = "SELECT CAST(? AS INTEGER) AS n";
    await expect(statements.query(sql, ["not a number"])).rejects.toThrow(/not a number/);
    expect(closed).toEqual([sql]);
    expect(statements.size).toBe(0);
    expect(rowsOf(await statements.query(sql, ["5"]))).toEqual([{n: 5}]);
    expect(prepared).toEqual([sql, sql]);
    conn.close();
  });

  it("PreparedStatements' kept statement reads a table and a view replaced since it was prepared", async () => {
    const conn = db.connect();
    const statements = new PreparedStatements(recordingDriver(conn).driver);
    conn.query("CREATE OR REPLACE TABLE kept_t AS SELECT 1 AS k, 'old' AS v; CREATE OR REPLACE VIEW kept_v AS SELECT * FROM kept_t");
    const [fromTable, fromView] = ["SELECT v FROM kept_t WHERE k = ?", "SELECT v FROM kept_v WHERE k = ?"];
    expect(rowsOf(await statements.query(fromTable, [1]))).toEqual([{v: "old"}]);
    expect(rowsOf(await statements.query(fromView, [1]))).toEqual([{v: "old"}]);
    // As a user's file replaced by a new one: other columns, other types, other rows.
    conn.query("CREATE OR REPLACE TABLE kept_t AS SELECT 'x' AS extra, 1 AS k, 42 AS v; CREATE OR REPLACE VIEW kept_v AS SELECT k, 'new' AS v FROM kept_t");
    expect(rowsOf(await statements.query(fromTable, [1]))).toEqual([{v: 42}]);
    expect(rowsOf(await statements.query(fromView, [1]))).toEqual([{v: "new"}]);
    conn.close();
  });

  it("PreparedStatements.closeAll closes every kept statement", async () => {
    const conn = db.connect();
    const {driver, closed} = recordingDriver(conn);
    const statements = new PreparedStatements(driver);
    await Promise.all([statements.query("SELECT ? AS a", [1]), statements.query("SELECT ? AS b", [2])]);
    await statements.closeAll();
    expect(closed.sort()).toEqual(["SELECT ? AS a", "SELECT ? AS b"]);
    expect(statements.size).toBe(0);
    conn.close();
  });
});
