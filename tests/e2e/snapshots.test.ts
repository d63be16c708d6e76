// Result snapshots on the production build (src/cli/snapshots.ts, src/data/snapshots.ts): every
// shipped notebook's recorded results equal what DuckDB-WASM answers now, and a chart paints
// from them while DuckDB cannot start, until an input change hands the query to DuckDB.
import {readFileSync} from "node:fs";
import path from "node:path";
import {tableFromIPC, type Table} from "apache-arrow";
import {chromium, type Browser, type Route} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {chromiumArgs, findChromium, waitForSettledCells} from "../../src/cli/index.ts";
import {recordPage} from "../../src/cli/record-page.ts";
import {readSnapshotFile, snapshotKey, type FrozenResult, type SnapshotEntry} from "../../src/data/index.ts";
import {readNotebook} from "../../src/notebook/index.ts";
import {encodeShareFragment} from "../../src/share/index.ts";
import {listNotebooks} from "../../src/vite/index.ts";

const root = path.resolve(import.meta.dirname, "../..");
const notebooks = listNotebooks(path.join(root, "notebooks"));
const pageUrl = (file: string) => `${inject("siteUrl")}notebooks/${path.basename(file)}`;

let browser: Browser;
beforeAll(async () => void (browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs})));
afterAll(async () => browser?.close());

/** The snapshot file the built page preloads, read as the page reads it. */
async function snapshotOf(file: string): Promise<SnapshotEntry[]> {
  const html = await (await fetch(pageUrl(file))).text();
  const href = /<link rel="preload" as="fetch" crossorigin href="([^"]+)" data-mapt-snapshots>/.exec(html)?.[1];
  expect(href, `${path.basename(file)} preloads its snapshot`).toBeDefined();
  const response = await fetch(new URL(href!, pageUrl(file)));
  expect(response.ok).toBe(true);
  return readSnapshotFile(new Uint8Array(await response.arrayBuffer()));
}

/** Each row as a plain object, and the columns' names and Arrow types. */
function contents(table: Table) {
  return {columns: table.schema.fields.map((field) => `${field.name}: ${field.type}`), rows: table.toArray().map((row) => row.toJSON())};
}

/** The query text a SQL cell sends: its source with each `${...}` bound as a `?`. */
function sqlCellTexts(file: string): string[] {
  return readNotebook(readFileSync(file, "utf8"))
    .notebook.cells.filter((cell) => cell.mode === "sql")
    .map((cell) => cell.source.replace(/\$\{[^}]*\}/g, "?"));
}

describe("result snapshots", () => {
  for (const file of notebooks) {
    it(`${path.basename(file)}: every SQL cell has a snapshot, equal row by row to DuckDB-WASM's result`, async () => {
      const entries = await snapshotOf(file);
      // The page with its snapshots off: every query is DuckDB-WASM's, recorded as it answers.
      const live = await recordPage(browser, `${pageUrl(file)}?snapshots=off`, 120_000);
      expect(live.failures).toEqual([]);
      const answered = new Map<string, FrozenResult>(live.results.map((result) => [snapshotKey(result.sql, result.params)!, result]));
      for (const entry of entries) {
        const result = answered.get(snapshotKey(entry.sql, entry.params)!);
        expect(result, `DuckDB was asked ${entry.sql.trim().slice(0, 60)}… with ${JSON.stringify(entry.params)}`).toBeDefined();
        expect(contents(tableFromIPC(entry.ipc))).toEqual(contents(tableFromIPC(Buffer.from(result!.ipc, "base64"))));
      }
      // Every SQL cell of the notebook is answered by the snapshot at the page's default values.
      const recorded = new Set(entries.map((entry) => entry.sql));
      const cells = sqlCellTexts(file);
      expect(cells.length).toBeGreaterThan(0);
      for (const text of cells) expect(recorded.has(text), `a snapshot of the SQL cell ${text.trim().slice(0, 60)}…`).toBe(true);
    });
  }

  it("a chart paints from the snapshot while DuckDB's engine cannot load, and an input change then draws DuckDB's result", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript("window.__maptRecording = []");
      // Hold DuckDB's wasm: the engine cannot start until the test lets it through.
      const held: Route[] = [];
      let release = false;
      await page.route(/duckdb-eh[^/]*\.wasm$/, (route) => (release ? route.continue() : void held.push(route)));
      await page.goto(pageUrl(path.join(root, "notebooks/getting-started.html")));

      // The live chart, drawn from the snapshot: not the build's copy of it (see prepaint.test.ts).
      const chart = page.locator("#cell-7 > .mapt-cell-output:not([data-mapt-prepainted]) figure");
      const line = chart.locator('g[aria-label="line"] path');
      await line.waitFor();
      await expect.poll(() => chart.locator("h2").innerText()).toContain("Syria");
      // The engine's wasm was asked for and is still held: no query has reached DuckDB.
      expect(held.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => performance.getEntriesByName("mapt:duckdb-ready").length)).toBe(0);
      expect(await page.evaluate("window.__maptRecording.length")).toBe(0);
      const fromSnapshot = await line.getAttribute("d");

      release = true;
      for (const route of held.splice(0)) await route.continue();
      await page.waitForFunction(() => performance.getEntriesByName("mapt:duckdb-ready").length > 0, null, {timeout: 120_000});
      await page.locator("#cell-3 select").selectOption({label: "Kenya"});
      await expect.poll(() => chart.locator("h2").innerText(), {timeout: 60_000}).toContain("Kenya");
      await waitForSettledCells(page, 60_000);

      // DuckDB answered the new query; the chart and the text draw its rows.
      const results = (await page.evaluate("Promise.all(window.__maptRecording)")) as FrozenResult[];
      const kenya = results.find((result) => /FROM indicator_values/.test(result.sql) && result.params[0] === "KEN");
      expect(kenya, "DuckDB ran the refugees query for Kenya").toBeDefined();
      const rows = tableFromIPC(Buffer.from(kenya!.ipc, "base64")).numRows;
      expect(rows).toBeGreaterThan(1);
      const drawn = (await line.getAttribute("d"))!;
      expect(drawn).not.toBe(fromSnapshot);
      expect(drawn.split("L").length).toBe(rows);
      expect(await page.locator("#cell-13").innerText()).toContain(`${rows} years of data for Kenya`);
    } finally {
      await context.close();
    }
  });

  it("an editing session and a share link get DuckDB's answers, even for the recorded query and values", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.addInitScript("window.__maptRecording = []");
      const url = pageUrl(path.join(root, "notebooks/getting-started.html"));
      // DuckDB's answers to the refugees query at the page's default values (Syria, from 2000).
      const duckdbAnswers = async () =>
        ((await page.evaluate("Promise.all(window.__maptRecording)")) as FrozenResult[]).filter((r) => /FROM indicator_values/.test(r.sql) && JSON.stringify(r.params) === '["SYR",2000]').length;

      // Opened as built, the snapshot answers it: DuckDB never does.
      await page.goto(url);
      expect((await waitForSettledCells(page, 120_000)).failures).toEqual([]);
      expect(await duckdbAnswers()).toBe(0);
      // Edit, then Run all: the same query with the same values now goes to DuckDB.
      await page.keyboard.press("e");
      await page.locator(".mapt-cell .cm-editor").first().waitFor();
      await page.keyboard.press("ControlOrMeta+Shift+Enter");
      await expect.poll(duckdbAnswers, {timeout: 120_000}).toBeGreaterThan(0);

      // A share link with the default values: DuckDB answers from the start.
      await page.goto(`${url}#${await encodeShareFragment({inputs: {country: "SYR", since: 2000}, files: []})}`);
      await page.reload();
      expect((await waitForSettledCells(page, 120_000)).failures).toEqual([]);
      expect(await duckdbAnswers()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
