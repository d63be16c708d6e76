import {beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient} from "../../src/data/index.ts";
import {sqlTag} from "../../src/stdlib/index.ts";
import {openNodeDuckDB, rowsOf} from "../data/node-duckdb.ts";

let db: DuckDBClient;
beforeAll(async () => void (db = await DuckDBClient.connect(await openNodeDuckDB())));

/** A SQL cell's query on `db`, as the compiled cell runs it. */
const sql = (strings: TemplateStringsArray, ...values: unknown[]) => sqlTag(db)(strings, ...values) as Promise<Parameters<typeof rowsOf>[0]>;

describe("sqlTag", () => {
  it("sqlTag binds ${null} as NULL, not as text", async () => {
    expect(rowsOf(await sql`SELECT ${null} IS NULL AS missing, ${undefined} IS NULL AS undefinedMissing`)).toEqual([{missing: true, undefinedMissing: true}]);
  });

  it("sqlTag binds a Date that compares with dates and casts to a timestamp", async () => {
    const warning = new Date(Date.UTC(2011, 2, 15));
    const rows = rowsOf(await sql`SELECT count(*) FILTER (WHERE d <= ${warning}) AS before, ${warning}::TIMESTAMP = TIMESTAMP '2011-03-15' AS same
      FROM (VALUES (DATE '2011-03-14'), (DATE '2011-03-15'), (DATE '2011-03-16')) t(d)`);
    expect(rows).toEqual([{before: 2, same: true}]);
  });

  it("sqlTag matches text with quotes and question marks literally", async () => {
    expect(rowsOf(await sql`SELECT ${"O'Brien?"} = 'O''Brien?' AS same, ${"x' OR 1=1 --"} AS raw`)).toEqual([{same: true, raw: "x' OR 1=1 --"}]);
  });
});
