import {gzipSync} from "node:zlib";
import {tableFromIPC, tableFromJSON, tableToIPC} from "apache-arrow";
import {beforeAll, describe, expect, it} from "vitest";
import {
  askSnapshot,
  chooseSnapshotEntries,
  decodeSnapshots,
  readSnapshotFile,
  DuckDBClient,
  encodeSnapshots,
  isSnapshotSafe,
  PageSnapshots,
  snapshotKey,
  snapshotRefusal,
  snapshotState,
  SnapshotFirstClient,
  stopSnapshots,
  type SnapshotEntry
} from "../../src/data/index.ts";
import {sqlTag} from "../../src/stdlib/sql-tag.ts";
import {openNodeDuckDB, rowsOf} from "./node-duckdb.ts";

const SQL = "SELECT range AS year, range * ? AS value FROM range(2000, 2010) WHERE range < ? ORDER BY year";

let db: DuckDBClient;
/**
 * A real DuckDB result as the recorder stores it. (Node's DuckDB bundle brings its own copy of
 * apache-arrow, so the rows are made an Arrow table of ours before they are written as IPC.)
 */
async function ipcOf(sql: string, params: unknown[] = []): Promise<Uint8Array> {
  return tableToIPC(tableFromJSON(rowsOf(await db.query(sql, params))), "stream");
}
async function recorded(params: unknown[]): Promise<SnapshotEntry> {
  return {sql: SQL, params, ipc: await ipcOf(SQL, params)};
}

beforeAll(async () => {
  db = await DuckDBClient.connect(await openNodeDuckDB());
});

describe("snapshotKey", () => {
  it("is equal for the same text and values, different for any other text or value", () => {
    expect(snapshotKey(SQL, [2, 2005])).toBe(snapshotKey(SQL, [2, 2005]));
    expect(snapshotKey(SQL, [2, 2005])).not.toBe(snapshotKey(SQL, [2, 2006]));
    expect(snapshotKey(SQL, [2, 2005])).not.toBe(snapshotKey(SQL, ["2", 2005]));
    expect(snapshotKey(SQL, [2, 2005])).not.toBe(snapshotKey(SQL + " ", [2, 2005]));
    expect(snapshotKey(SQL, [2])).not.toBe(snapshotKey(SQL, [2, null]));
  });

  it("reads a Date as the ISO string a recording holds (DuckDB binds both alike)", () => {
    expect(snapshotKey(SQL, [new Date("2011-03-15T00:00:00Z")])).toBe(snapshotKey(SQL, ["2011-03-15T00:00:00.000Z"]));
  });

  it("has no key for a value JSON cannot tell apart (NaN and Infinity read as null, objects lose their class)", () => {
    expect(snapshotKey(SQL, [Number.NaN])).toBeUndefined();
    expect(snapshotKey(SQL, [Infinity])).toBeUndefined();
    expect(snapshotKey(SQL, [{year: 2000}])).toBeUndefined();
    expect(snapshotKey(SQL, [[1, 2]])).toBeUndefined();
    expect(snapshotKey(SQL, [new Date(Number.NaN)])).toBeUndefined();
  });
});

describe("isSnapshotSafe", () => {
  it("keeps queries that only read", () => {
    for (const sql of ["SELECT 1", "  -- a comment\n  WITH t AS (SELECT 1) SELECT * FROM t", "FROM events", "(SELECT 1) UNION (SELECT 2)", "SELECT 'now()' AS text;", "SELECT string_agg(name, '; ') AS names FROM t", 'SELECT "random" FROM t', "DESCRIBE events"]) {
      expect(isSnapshotSafe(sql), sql).toBe(true);
    }
  });

  it("refuses statements that change the database, several statements, and results that change by themselves", () => {
    for (const sql of ["CREATE TABLE t AS SELECT 1", "INSERT INTO t VALUES (1)", "SELECT 1; DROP TABLE t", "SELECT random()", "SELECT now()", "SELECT current_date", "SELECT * FROM t WHERE day < today()", "ATTACH 'x.duckdb'", "SET threads = 1"]) {
      expect(isSnapshotSafe(sql), sql).toBe(false);
    }
  });

  it("refuses a whole page whose recording changes the database", () => {
    expect(snapshotRefusal([{sql: "SELECT 1"}, {sql: "CREATE TABLE t AS SELECT 1"}])).toMatch(/changes the database \(CREATE TABLE t/);
    expect(snapshotRefusal([{sql: "SELECT 1"}, {sql: "FROM t"}])).toBeUndefined();
  });
});

describe("chooseSnapshotEntries", () => {
  it("keeps each safe query once and drops one whose results differed between runs", async () => {
    const a = await recorded([2, 2003]);
    const b = await recorded([3, 2003]);
    const volatile: SnapshotEntry = {sql: "SELECT random() AS r", params: [], ipc: await ipcOf("SELECT random() AS r")};
    const differing = [{...a, params: [9, 2003]}, {...b, params: [9, 2003]}];
    const chosen = chooseSnapshotEntries([a, a, b, volatile, ...differing]);
    expect(chosen.map((entry) => entry.params)).toEqual([[2, 2003], [3, 2003]]);
  });
});

describe("the snapshot file", () => {
  it("gives back each entry's query, values and the same rows", async () => {
    const entries = [await recorded([2, 2004]), await recorded([5, 2002])];
    const decoded = decodeSnapshots(encodeSnapshots(entries));
    expect(decoded.map(({sql, params}) => ({sql, params}))).toEqual(entries.map(({sql, params}) => ({sql, params})));
    const snapshots = new PageSnapshots(decoded);
    expect(rowsOf(snapshots.answer(SQL, [2, 2004])!)).toEqual(rowsOf(await db.query(SQL, [2, 2004])));
  });

  it("opens the gzipped file the build ships, and the plain bytes a host that decompressed it hands over", async () => {
    const bytes = encodeSnapshots([await recorded([2, 2004])]);
    for (const served of [gzipSync(bytes), bytes]) {
      const [entry] = await readSnapshotFile(new Uint8Array(served));
      expect(rowsOf(tableFromIPC(entry!.ipc))).toEqual(rowsOf(await db.query(SQL, [2, 2004])));
    }
  });

  it("refuses bytes that are not a snapshot file, and one cut short", async () => {
    expect(() => decodeSnapshots(new TextEncoder().encode("<!doctype html>"))).toThrow(/not a MAPT result snapshot file/);
    const bytes = encodeSnapshots([await recorded([2, 2004])]);
    expect(() => decodeSnapshots(bytes.subarray(0, bytes.length - 10))).toThrow(/cut short/);
  });
});

describe("askSnapshot", () => {
  it("answers the recorded query and values, and turns off for good at the first other query", async () => {
    let state = snapshotState([await recorded([2, 2003]), await recorded([3, 2003])]);
    const hit = askSnapshot(state, SQL, [2, 2003]);
    expect(hit.entry?.params).toEqual([2, 2003]);
    state = hit.state;
    // An input moved: DuckDB answers, and from now on answers everything, the recorded values too.
    const miss = askSnapshot(state, SQL, [2, 2004]);
    expect(miss.entry).toBeUndefined();
    expect(miss.state.on).toBe(false);
    expect(askSnapshot(miss.state, SQL, [3, 2003]).entry).toBeUndefined();
  });

  it("answers nothing once stopped (an editing session began)", async () => {
    const state = stopSnapshots(snapshotState([await recorded([2, 2003])]));
    expect(askSnapshot(state, SQL, [2, 2003]).entry).toBeUndefined();
  });

  it("is off with no entries", () => {
    expect(snapshotState([]).on).toBe(false);
  });
});

describe("SnapshotFirstClient", () => {
  it("answers a SQL cell's recorded query without waiting for DuckDB, with rows as a cell reads them", async () => {
    const snapshots = new PageSnapshots([await recorded([2, 2003])]);
    // DuckDB that never starts: a recorded query must not wait for it.
    const client = new SnapshotFirstClient(snapshots, () => new Promise<DuckDBClient>(() => {}));
    const cell = sqlTag(client);
    const result = (await cell(["SELECT range AS year, range * ", " AS value FROM range(2000, 2010) WHERE range < ", " ORDER BY year"] as unknown as TemplateStringsArray, 2, 2003)) as unknown[];
    expect(result.map((row) => ({...(row as object)}))).toEqual(rowsOf(await db.query(SQL, [2, 2003])));
    expect(snapshots.hits).toBe(1);
  });

  it("hands any other query to DuckDB, which then answers the recorded one too", async () => {
    const snapshots = new PageSnapshots([await recorded([2, 2003])]);
    const client = new SnapshotFirstClient(snapshots, () => Promise.resolve(db));
    expect(rowsOf(await client.query(SQL, [4, 2003]))).toEqual(rowsOf(await db.query(SQL, [4, 2003])));
    expect(snapshots.on).toBe(false);
    expect(rowsOf(await client.query(SQL, [2, 2003]))).toEqual(rowsOf(await db.query(SQL, [2, 2003])));
    expect(snapshots.hits).toBe(0);
  });
});
