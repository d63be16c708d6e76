import {mkdtempSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {tableFromIPC} from "apache-arrow";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readNotebook, type CellId} from "../../src/notebook/index.ts";
import {cacheFolder, resolveBuildTimeCells} from "../../src/vite/build-time/index.ts";
import {makeBuildTimeFolder} from "../build-time-fixture.ts";
import type {TestPostgres} from "../postgres.ts";

/** A notebook file of one cell with `attributes` and `source` (indented as files are), resolved in `dir`. */
async function resolveOne(dir: string, attributes: string, source: string) {
  const body = source.split("\n").map((line) => `    ${line}`).join("\n");
  const {notebook} = readNotebook(`<notebook>\n  <script id="1" ${attributes}>\n${body}\n  </script>\n</notebook>\n`);
  const cell = (await resolveBuildTimeCells(notebook, dir)).get(1 as CellId);
  if (cell === undefined) throw new Error("the cell was not a build-time cell");
  return cell;
}

/** The cached file a replacement reads: its name from `FileAttachment("...")` in its source. */
function cachedFile(dir: string, source: string): string {
  const name = /FileAttachment\("([^"]+)"\)/.exec(source)?.[1];
  if (name === undefined) throw new Error(`no cached file read by: ${source}`);
  return path.join(dir, name);
}

const rowsOf = (file: string) => tableFromIPC(readFileSync(file)).toArray().map((row) => ({...row.toJSON()}));
/** The message of a replacement that fails, or `undefined`. */
const errorOf = (source: string): string | undefined => {
  const literal = /^throw new Error\((.*)\);$/s.exec(source)?.[1];
  return literal === undefined ? undefined : (JSON.parse(literal) as string);
};

describe("SQL on a database that is not var:, run when the page is built", () => {
  let dir: string;
  let server: TestPostgres;
  beforeAll(async () => void ({dir, server} = await makeBuildTimeFolder()), 120_000);
  afterAll(async () => server?.stop());

  it("queries a DuckDB file beside the notebook, names the result with output, and keeps it in the cache", async () => {
    const cell = await resolveOne(dir, 'type="application/sql" database="study.duckdb" output="events"', "SELECT country, deaths FROM events ORDER BY year");
    expect(cell.mode).toBe("js");
    expect(cell.source).toMatch(/^FileAttachment\("\.observable\/cache\/[^"]+\.arrow"\)\.arrow\(\)$/);
    expect(cell.output).toBe("events");
    expect(rowsOf(cachedFile(dir, cell.source))).toEqual([
      {country: "Kenya", deaths: 1133},
      {country: "Syria", deaths: 40000}
    ]);
  });

  it("queries a SQLite file and a PostgreSQL server named in .observable/databases.json", async () => {
    const lite = await resolveOne(dir, 'type="application/sql" database="local.db"', "SELECT council, met FROM elders ORDER BY met DESC");
    expect(rowsOf(cachedFile(dir, lite.source))).toEqual([
      {council: "Njuri Ncheke", met: 3},
      {council: "Kaya", met: 1}
    ]);
    const pgCell = await resolveOne(dir, 'type="application/sql" database="warehouse"', "SELECT year, received / requested AS share FROM funding ORDER BY year");
    const rows = rowsOf(cachedFile(dir, pgCell.source));
    expect(rows.map((row) => row.year)).toEqual([2008, 2009]);
    expect(rows[0]!.share).toBeCloseTo(156.2 / 208.6, 10);
  });

  it("runs each query once per content: the same cell again reads the same cached file, an edited one adds a file", async () => {
    const first = await resolveOne(dir, 'type="application/sql" database="study.duckdb"', "SELECT count(*) AS n FROM events");
    const before = readdirSync(path.join(dir, cacheFolder)).length;
    const again = await resolveOne(dir, 'type="application/sql" database="study.duckdb"', "SELECT count(*) AS n FROM events");
    expect(again.source).toBe(first.source);
    expect(readdirSync(path.join(dir, cacheFolder)).length).toBe(before);
    await resolveOne(dir, 'type="application/sql" database="study.duckdb"', "SELECT count(*) AS rows FROM events");
    expect(readdirSync(path.join(dir, cacheFolder)).length).toBe(before + 1);
  });

  it("fails on the cell, in words, for a bad query, a missing or outside file, an unknown database and ${...} values", async () => {
    const bad = await resolveOne(dir, 'type="application/sql" database="study.duckdb"', "SELECT nope FROM events");
    expect(errorOf(bad.source)).toMatch(/nope/);
    const missing = await resolveOne(dir, 'type="application/sql" database="absent.duckdb"', "SELECT 1");
    expect(errorOf(missing.source)).toMatch(/absent\.duckdb.*not found beside the notebook/);
    const outside = await resolveOne(dir, 'type="application/sql" database="../other/x.duckdb"', "SELECT 1");
    expect(errorOf(outside.source)).toMatch(/outside the notebook's folder/);
    const unknown = await resolveOne(dir, 'type="application/sql" database="snowflake-prod"', "SELECT 1");
    expect(errorOf(unknown.source)).toMatch(/"snowflake-prod" is not known.*databases\.json/);
    const values = await resolveOne(dir, 'type="application/sql" database="study.duckdb"', "SELECT * FROM events WHERE year = ${year}");
    expect(errorOf(values.source)).toMatch(/runs when the page is built, so it cannot use \$\{\.\.\.\} values/);
  });
});

describe("data loaders, run when the page is built", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "mapt-loaders-"));

  it("a node cell's standard output becomes the file its format reads", async () => {
    const cell = await resolveOne(dir, 'type="application/vnd.node.javascript" format="json"', "process.stdout.write(JSON.stringify({cases: ['Kenya', 'Syria'], cwd: process.cwd()}));");
    expect(cell.source).toMatch(/^FileAttachment\("\.observable\/cache\/node-[0-9a-f]+\.json"\)\.json\(\)$/);
    const output = JSON.parse(readFileSync(cachedFile(dir, cell.source), "utf8"));
    expect(output.cases).toEqual(["Kenya", "Syria"]);
    expect(output.cwd).toBe(dir);
  });

  it("a python cell runs with python3 and its CSV is read typed", async () => {
    const cell = await resolveOne(dir, 'type="text/x-python" format="csv"', 'print("year,value")\nfor y in (2007, 2008):\n    print(f"{y},{y - 2000}")');
    expect(cell.source).toMatch(/\.csv\(\{typed: true\}\)$/);
    expect(readFileSync(cachedFile(dir, cell.source), "utf8")).toBe("year,value\n2007,7\n2008,8\n");
    expect(cell.source).toMatch(/^FileAttachment\("\.observable\/cache\/python-/);
  });

  it("a loader that fails, or whose interpreter is missing, fails on its cell with the reason", async () => {
    const failing = await resolveOne(dir, 'type="application/vnd.node.javascript" format="text"', "console.error('no data for 2031'); process.exit(3);");
    expect(errorOf(failing.source)).toMatch(/exited with code 3.*no data for 2031/s);
    const path0 = process.env.PATH;
    process.env.PATH = mkdtempSync(path.join(tmpdir(), "mapt-empty-path-"));
    try {
      const missing = await resolveOne(dir, 'type="text/x-python" format="text"', "print(1)");
      expect(errorOf(missing.source)).toMatch(/needs python3, which is not installed.*install Python 3/);
    } finally {
      process.env.PATH = path0;
    }
  });
});
