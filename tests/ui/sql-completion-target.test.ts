import {describe, expect, it} from "vitest";
import {sqlCompletionTarget} from "../../src/ui/editor/index.ts";

describe("sqlCompletionTarget", () => {
  it("sqlCompletionTarget wants columns after SELECT, WHERE, AND, OR, ON and BY", () => {
    for (const before of ["SELECT ", "SELECT year, ", "SELECT * FROM t WHERE ", "… WHERE a = 1 AND ", "… WHERE a = 1 OR ", "FROM a JOIN b ON ", "GROUP BY ", "ORDER BY year, "]) {
      expect(sqlCompletionTarget(before), before).toBe("columns");
    }
  });

  it("sqlCompletionTarget wants tables after FROM and JOIN, also after a comma in a FROM list", () => {
    for (const before of ["SELECT * FROM ", "select year from ", "SELECT * FROM a LEFT JOIN ", "SELECT * FROM a, ", "INSERT INTO ", "DESCRIBE "]) {
      expect(sqlCompletionTarget(before), before).toBe("tables");
    }
  });

  it("sqlCompletionTarget reads the clause of a subquery, not the outer query", () => {
    expect(sqlCompletionTarget("SELECT * FROM (SELECT ")).toBe("columns");
    expect(sqlCompletionTarget("SELECT * FROM t WHERE iso3 IN (SELECT iso3 FROM ")).toBe("tables");
  });

  it("sqlCompletionTarget ignores keywords inside strings, quoted names, comments and interpolations", () => {
    expect(sqlCompletionTarget("SELECT * FROM t WHERE name = 'from ")).toBe("columns");
    expect(sqlCompletionTarget("SELECT * FROM t WHERE note = 'join' AND ")).toBe("columns");
    expect(sqlCompletionTarget('SELECT "from" FROM t WHERE ')).toBe("columns");
    expect(sqlCompletionTarget("SELECT * -- from here\nFROM t WHERE ")).toBe("columns");
    expect(sqlCompletionTarget("SELECT * FROM t WHERE year = ${from} AND ")).toBe("columns");
    expect(sqlCompletionTarget("SELECT * /* where */ FROM ")).toBe("tables");
  });

  it("sqlCompletionTarget does not read a keyword inside a longer name", () => {
    expect(sqlCompletionTarget("SELECT from_year, ")).toBe("columns");
    expect(sqlCompletionTarget("SELECT * FROM t WHERE selected_")).toBe("columns");
  });
});
