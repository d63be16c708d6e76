// A user's large CSV at a URL (an attached file, or a URL given to DuckDBClient.of) is read by
// DuckDB's worker a range at a time, and a Parquet file by its decoder's worker, so the page never
// holds either whole (a 2.4 GB CSV failed as "Failed to fetch" when the page fetched it); a CSV
// too large for the page's memory budget is refused on the size its server told, before it is
// fetched, with the file's name and what to do.
import {readFileSync} from "node:fs";
import path from "node:path";
import type {BrowserContext, Page, Response} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser, record} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const csvPath = path.join(import.meta.dirname, "fixtures/range-read-rows.csv");

/** What the fixture's cells should say, read from the CSV itself. */
function expectedSummary(): string {
  const rows = readFileSync(csvPath, "utf8").trim().split("\n").slice(1).map((line) => line.split(","));
  const total = rows.reduce((sum, row) => sum + Number(row[2]), 0);
  return `${rows.length} rows, total ${total.toFixed(1)}, ${new Set(rows.map((row) => row[3])).size} labels`;
}

/** Opens the fixture, keeping every response for the CSV (the page's and its workers'). */
async function open(query: string): Promise<{page: Page; log: ReturnType<typeof record>; files: Response[]}> {
  const page = await browser.newPage();
  const log = record(page);
  const files: Response[] = [];
  browser.on("response", (response) => {
    if (response.url().includes("range-read-rows")) files.push(response);
  });
  await page.goto(`${inject("siteUrl")}${inject("fixturePages")["range-read.html"]}?snapshots=off${query}`);
  await waitForSettledCells(page);
  return {page, log, files};
}

describe("a user's file at a URL", () => {
  it("DuckDBClient.of reads an attached CSV, a CSV URL and an attached Parquet file a range at a time, with every row", async () => {
    const {page, log, files} = await open("");
    // A string is shown quoted.
    expect(await cellText(page, 2)).toBe(`"attached: ${expectedSummary()}"`);
    expect(await cellText(page, 3)).toBe(`"by URL: ${expectedSummary()}"`);
    expect(await cellText(page, 4)).toBe(`"Parquet: ${expectedSummary()}"`);
    // Every answer for the file is a range (206): none is the whole file (200).
    expect(files.map((response) => response.status()).filter((status) => status !== 206)).toEqual([]);
    // The workers read each file past its first range, a range at a time.
    for (const name of [".csv", ".parquet"]) {
      const ranges = files.filter((response) => response.url().endsWith(name)).map((response) => response.request().headers().range ?? "");
      expect(ranges.some((range) => /^bytes=[1-9]\d*-\d+$/.test(range))).toBe(true);
    }
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("a CSV too large for the page's memory budget is refused on its cell before it is fetched, naming the file and its size", async () => {
    const size = readFileSync(csvPath).byteLength;
    // A budget (the page's documented ?memory-budget= option) under the CSV's table (about 1.5x its size).
    const {page, files} = await open(`&memory-budget=${size}`);
    // The attached file by its name; the URL by its last segment (the build's hashed file name).
    expect(await cellText(page, 2)).toMatch(/^"range-read-rows\.csv": is too large to load in this page: as a table it would take about [\d.]+ kB of memory/);
    expect(await cellText(page, 3)).toMatch(/^"range-read-rows-\w+\.csv": is too large to load in this page/);
    // Only the size was asked for: one byte per load.
    const csv = files.filter((response) => response.url().endsWith(".csv"));
    expect(csv.map((response) => response.request().headers().range)).toEqual(["bytes=0-0", "bytes=0-0"]);
    await page.close();
  });
});
