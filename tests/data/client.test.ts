import * as Plot from "@observablehq/plot";
import * as aq from "arquero";
import {Window} from "happy-dom";
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient, QueryError, type DuckDBInstance} from "../../src/data/index.ts";
import {openNodeDuckDB, rowsOf} from "./node-duckdb.ts";

let instance: DuckDBInstance;

/** A file handle (as FileAttachment is) over bytes in memory. */
function fileOf(name: string, bytes: Uint8Array) {
  return {name, arrayBuffer: async () => bytes.slice().buffer};
}
let db: DuckDBClient;

beforeAll(async () => {
  instance = await openNodeDuckDB();
  db = await DuckDBClient.connect(instance);
  await db.query(`CREATE TABLE people AS SELECT * FROM (VALUES ('ann', 31), ('bob', 42), ('x'' OR 1=1 --', 7)) t(name, age)`);
});

describe("DuckDBClient", () => {
  it("DuckDBClient.sql binds interpolated values as parameters", async () => {
    const name = "ann";
    expect(rowsOf(await db.sql`SELECT age FROM people WHERE name = ${name}`)).toEqual([{age: 31}]);
  });

  it("DuckDBClient.sql matches an injection attempt literally instead of executing it", async () => {
    const attack = "x' OR 1=1 --";
    expect(rowsOf(await db.sql`SELECT age FROM people WHERE name = ${attack}`)).toEqual([{age: 7}]);
    expect(rowsOf(await db.sql`SELECT count(*) AS n FROM people WHERE name = ${"nobody' OR 1=1 --"}`)).toEqual([{n: 0}]);
  });

  it("DuckDBClient.sql works detached from the client (as the sql builtin)", async () => {
    const {sql} = db;
    expect(rowsOf(await sql`SELECT ${2} + ${3} AS five`)).toEqual([{five: 5}]);
  });

  it("DuckDBClient.query returns COUNT, SUM of integers and DECIMAL as JS numbers", async () => {
    const row = (await db.query(`SELECT count(*) AS n, sum(age) AS total, 1.25::DECIMAL(10,2) AS d FROM people`)).get(0)!.toJSON();
    expect(row).toEqual({n: 3, total: 80, d: 1.25});
    expect(typeof row.n).toBe("number");
  });

  it("DuckDBClient.query binds Dates, bigints and nulls", async () => {
    const row = await db.queryRow(`SELECT ?::DATE = DATE '2011-03-15' AS same, ? + 1 AS big, ? IS NULL AS missing`, [
      new Date("2011-03-15T00:00:00Z"),
      41n,
      undefined
    ]);
    expect(row).toEqual({same: true, big: 42, missing: true});
  });

  it("DuckDBClient.queryRow returns the first row, or null when there is none", async () => {
    expect(await db.queryRow(`SELECT name FROM people ORDER BY age DESC`)).toEqual({name: "bob"});
    expect(await db.queryRow(`SELECT name FROM people WHERE age > ?`, [100])).toBeNull();
  });

  it("DuckDBClient.query rethrows DuckDB's own message as a QueryError with the cause kept", async () => {
    const error = await db.query(`SELECT * FROM nowhere`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).message).toMatch(/^Catalog Error: Table with name nowhere does not exist!/);
    expect((error as QueryError).sql).toBe("SELECT * FROM nowhere");
    expect((error as QueryError).cause).toBeInstanceOf(Error);
  });

  it("DuckDBClient results feed arquero", async () => {
    const table = aq.fromArrow(await db.query(`SELECT name, age FROM people ORDER BY age`) as never);
    expect(table.filter((d: {age: number}) => d.age > 30).array("name")).toEqual(["ann", "bob"]);
  });

  it("DuckDBClient results feed Plot", async () => {
    const {document} = new Window();
    const table = await db.query(`SELECT name, age FROM people`);
    const svg = Plot.dot(table, {x: "age", y: "name"}).plot({document: document as unknown as Document});
    expect(svg.querySelectorAll("circle").length).toBe(3);
  });

  it("DuckDBClient.describeTables lists tables and views", async () => {
    await db.query(`CREATE OR REPLACE VIEW adults AS SELECT * FROM people WHERE age >= 18`);
    expect(await db.describeTables()).toEqual([
      {name: "adults", kind: "view"},
      {name: "people", kind: "table"}
    ]);
  });

  it("DuckDBClient.describeColumns lists names, types and nullability", async () => {
    expect(await db.describeColumns("people")).toEqual([
      {name: "name", type: "VARCHAR", nullable: true},
      {name: "age", type: "INTEGER", nullable: true}
    ]);
    await expect(db.describeColumns("ghost")).rejects.toThrow(`no table named "ghost"`);
  });
});

describe("DuckDBClient.of", () => {
  it("DuckDBClient.of creates a table from an array of objects", async () => {
    const client = await DuckDBClient.of({events: [{year: 2011, deaths: 5}, {year: 2012, deaths: 9}]}, {instance});
    expect(rowsOf(await client.sql`SELECT sum(deaths) AS total FROM events WHERE year >= ${2011}`)).toEqual([{total: 14}]);
  });

  it("DuckDBClient.of creates a table from an arquero table", async () => {
    const client = await DuckDBClient.of({t: aq.table({k: ["a", "b", "a"], v: [1, 2, 3]})}, {instance});
    expect(rowsOf(await client.query(`SELECT k, sum(v) AS s FROM t GROUP BY k ORDER BY k`))).toEqual([
      {k: "a", s: 4},
      {k: "b", s: 2}
    ]);
  });

  it("DuckDBClient.of creates a table from a CSV file handle", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mapt-of-"));
    await writeFile(path.join(dir, "kenya.csv"), "province,deaths\nRift Valley,744\nNairobi,125\n");
    const client = await DuckDBClient.of({kenya: fileOf("kenya.csv", await readFile(path.join(dir, "kenya.csv")))}, {instance});
    expect(await client.queryRow(`SELECT sum(deaths) AS total FROM kenya`)).toEqual({total: 869});
  });

  it("DuckDBClient.of names a CSV DuckDB ran out of memory on as too large for the page, with what to do, not as unreadable", async () => {
    const small = await openNodeDuckDB();
    const connection = await small.connect();
    await connection.query("SET memory_limit = '2MB'");
    const rows = Array.from({length: 200_000}, (_, i) => `${i},label-${i % 1000},${i * 0.5}`).join("\n");
    const file = fileOf("big.csv", new TextEncoder().encode(`id,label,amount\n${rows}\n`));
    const error = await DuckDBClient.of({big: file}, {instance: small}).catch((e: unknown) => e);
    expect(String(error)).toMatch(/"big\.csv": is too large to load in this page: DuckDB ran out of memory making its table \(Out of Memory Error/);
    expect(String(error)).toMatch(/database="duckdb"/);
  });

  it("DuckDBClient.of creates a table from a URL through loadBytes", async () => {
    const loadBytes = async (url: string) => new TextEncoder().encode(url.endsWith(".json") ? `[{"a": 1}, {"a": 2}]` : "");
    const client = await DuckDBClient.of({j: "https://example.org/rows.json"}, {instance, loadBytes});
    expect(await client.queryRow(`SELECT sum(a) AS s FROM j`)).toEqual({s: 3});
  });

  it("DuckDBClient.of databases are separate from the page database and from each other", async () => {
    const a = await DuckDBClient.of({t: [{x: 1}]}, {instance});
    const b = await DuckDBClient.of({t: [{x: 2}]}, {instance});
    expect(await a.queryRow(`SELECT x FROM t`)).toEqual({x: 1});
    expect(await b.queryRow(`SELECT x FROM t`)).toEqual({x: 2});
    expect((await a.describeTables()).map((t) => t.name)).toEqual(["t"]);
    await expect(db.query(`SELECT * FROM t`)).rejects.toThrow(/Table with name t does not exist/);
  });

  it("DuckDBClient.of creates tables from TSV and Arrow file handles", async () => {
    const Arrow = await import("apache-arrow");
    const arrowBytes = Arrow.tableToIPC(Arrow.tableFromJSON([{y: 2011}, {y: 2012}]), "file");
    const tsv = new TextEncoder().encode("a\tb\n1\tx\n");
    const client = await DuckDBClient.of({t: fileOf("t.tsv", tsv), a: fileOf("a.arrow", arrowBytes)}, {instance});
    expect(await client.queryRow(`SELECT (SELECT b FROM t WHERE a = 1) AS b, (SELECT max(y) FROM a) AS y`)).toEqual({b: "x", y: 2012});
  });

  it("DuckDBClient.of creates a table from an Arrow table", async () => {
    const Arrow = await import("apache-arrow");
    const client = await DuckDBClient.of({t: Arrow.tableFromArrays({v: Float64Array.of(1.5, 2.5)})}, {instance});
    expect(await client.queryRow(`SELECT sum(v) AS s FROM t`)).toEqual({s: 4});
  });

  it("DuckDBClient.of creates a table from a Parquet file, with its types", async () => {
    const {parquetWriteBuffer} = await import("hyparquet-writer");
    const bytes = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          {name: "country", data: ["SYR", "KEN", null], type: "STRING"},
          {name: "year", data: [2011, 2008, 2012], type: "INT32"},
          {name: "deaths", data: [1000n, 1133n, 9000n], type: "INT64"},
          {name: "rate", data: [0.5, 1.25, null], type: "DOUBLE"},
          {name: "seen", data: [new Date("2011-03-15T10:00:00Z"), null, null], type: "TIMESTAMP"}
        ]
      })
    );
    const client = await DuckDBClient.of({p: fileOf("p.parquet", bytes)}, {instance});
    expect(rowsOf(await client.query(`SELECT * EXCLUDE (seen), seen = TIMESTAMP '2011-03-15 10:00:00' AS seen FROM p ORDER BY year`))).toEqual([
      {country: "KEN", year: 2008, deaths: 1133, rate: 1.25, seen: null},
      {country: "SYR", year: 2011, deaths: 1000, rate: 0.5, seen: true},
      {country: null, year: 2012, deaths: 9000, rate: null, seen: null}
    ]);
    expect((await client.describeColumns("p")).map((c) => c.type)).toEqual(["VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "TIMESTAMP_MS"]);
  });

  it("DuckDBClient.readFile reads a file into an Arrow table without leaving a table", async () => {
    const table = await db.readFile(fileOf("r.csv", new TextEncoder().encode("n\n1\n2\n")));
    expect(rowsOf(table)).toEqual([{n: 1}, {n: 2}]);
    expect((await db.describeTables()).map((t) => t.name)).not.toContain("mapt_read_1");
  });

  it("DuckDBClient.close frees the database DuckDBClient.of made", async () => {
    const a = await DuckDBClient.of({t: [{x: 1}]}, {instance});
    const name = (await a.queryRow(`SELECT current_database() AS name`))!.name;
    await a.close();
    expect(await db.queryRow(`SELECT count(*) AS n FROM duckdb_databases() WHERE database_name = ?`, [name])).toEqual({n: 0});
  });

  it("DuckDBClient.of names the table whose source has no known format", async () => {
    const file = {name: "notes.docx", arrayBuffer: async () => new ArrayBuffer(0)};
    await expect(DuckDBClient.of({notes: file}, {instance})).rejects.toThrow(`cannot tell the format of table "notes" from "notes.docx"`);
  });

  it("DuckDBClient.of without an instance says where to get one", async () => {
    await expect(DuckDBClient.of({t: [{x: 1}]})).rejects.toThrow(/no DuckDB instance given/);
  });
});
