// A user's Parquet file is decoded off the page's thread, in a worker, streamed into DuckDB row
// group by row group with its progress on the cell waiting for it; a file too large for the
// page's memory budget is refused with a message, the tables already there untouched.
import {parquetWriteBuffer} from "hyparquet-writer";
import {summarizeParquet} from "../../src/data/index.ts";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {openBrowser, record} from "./browser.ts";
import {cellWithSource, dropFiles, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const ROWS = 30_000;

/** Test data, not case figures: three row groups, a text and a number column. */
function parquetBytes(rows = ROWS): number[] {
  const index = Array.from({length: rows}, (_, i) => i);
  const buffer = parquetWriteBuffer({
    rowGroupSize: 10_000,
    columnData: [
      {name: "region", data: index.map((i) => ["north", "south", "east"][i % 3]!), type: "STRING"},
      {name: "amount", data: index.map((i) => i % 100), type: "INT32"}
    ]
  });
  return [...new Uint8Array(buffer)];
}

async function dropBytes(page: Page, name: string, bytes: number[]): Promise<void> {
  await page.evaluate(
    ({name, bytes}) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, {type: "application/vnd.apache.parquet"}));
      const target = document.querySelector("#mapt-notebook") ?? document.body;
      target.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true, cancelable: true}));
      target.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    },
    {name, bytes}
  );
}

describe("a user's Parquet file", () => {
  it("is decoded in a worker and queried as a table with every row", async () => {
    const page = await browser.newPage();
    const log = record(page);
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(inject("siteUrl") + "editor.html");
    await page.locator("#cell-2 .cm-editor").waitFor();
    await recordLoadLines(page);
    await dropBytes(page, "sales.parquet", parquetBytes());
    const attached = await cellWithSource(page, 'FileAttachment("sales.parquet")');
    await expect.poll(() => page.locator(`#cell-${attached}`).getAttribute("data-status"), {timeout: 60_000}).toBe("fulfilled");
    await page.locator("#cell-2 .cm-content").click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("s");
    await typeInCell(page, 2, "SELECT region, count(*) AS n, sum(amount) AS total FROM sales GROUP BY region ORDER BY region");
    await page.keyboard.press("ControlOrMeta+Enter");
    // Each region has 10,000 rows; amounts i % 100 over i = r, r+3, …: the sums below.
    const expected = ["east", "north", "south"].map((region, r) => {
      const start = [2, 0, 1][r]!;
      let total = 0;
      for (let i = start; i < ROWS; i += 3) total += i % 100;
      return {region, total};
    });
    const output = page.locator("#cell-2 .mapt-cell-output");
    await expect.poll(() => output.innerText(), {timeout: 60_000}).toMatch(/north/);
    const text = await output.innerText();
    for (const {region, total} of expected) expect(text).toMatch(new RegExp(`${region}\\s+10,?000\\s+${total.toLocaleString("en-US").replace(",", ",?")}`));
    expect(workers.some((url) => /parquet-worker/.test(url))).toBe(true);
    // While the rows went in, the SQL cell said how far: rows of the file's total, row group by row group.
    const lines = await loadLines(page);
    expect(lines.filter((line) => line.cell === 2).map((line) => line.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Loading sales\.parquet as table sales: 10,000 of 30,000 rows \(33%\)/), expect.stringMatching(/: 20,000 of 30,000 rows \(66%\)/)])
    );
    await expect.poll(() => page.locator(".mapt-cell-load").count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("too large for the page's memory budget is refused on the cell with what to do, and the tables already loaded stay", async () => {
    const small = parquetBytes(3_000);
    const large = parquetBytes();
    // A budget (the page's documented ?memory-budget= option) the small file fits in and the large one does not.
    const [fits, over] = await Promise.all([summarizeParquet(new Uint8Array(small)), summarizeParquet(new Uint8Array(large))]);
    const budget = Math.round((fits.estimatedBytes + over.estimatedBytes) / 2);
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(`${inject("siteUrl")}editor.html?memory-budget=${budget}`);
    await page.locator("#cell-2 .cm-editor").waitFor();
    await dropBytes(page, "small.parquet", small);
    await cellWithSource(page, 'FileAttachment("small.parquet")');
    await dropBytes(page, "large.parquet", large);
    await cellWithSource(page, 'FileAttachment("large.parquet")');
    await page.locator("#cell-2 .cm-content").click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("s");
    const output = page.locator("#cell-2 .mapt-cell-output");
    const error = page.locator("#cell-2 .mapt-cell-error");
    const runSql = async (sql: string) => {
      await typeInCell(page, 2, sql);
      await page.keyboard.press("ControlOrMeta+Enter");
    };
    await runSql("SELECT count(*) AS n FROM small");
    await expect.poll(() => output.innerText(), {timeout: 60_000}).toMatch(/3,?000/);
    await runSql("SELECT count(*) AS n FROM large");
    await expect.poll(() => error.innerText(), {timeout: 60_000}).toMatch(/"large\.parquet": is too large to load in this page \(30,000 rows\)/);
    expect(await error.innerText()).toMatch(/database="duckdb"/);
    await runSql("SELECT count(*) AS n FROM small");
    await expect.poll(() => output.innerText(), {timeout: 60_000}).toMatch(/3,?000/);
    expect(await error.isVisible()).toBe(false);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe("a user's CSV file", () => {
  it("handed to DuckDB's worker without a copy, still has its bad lines named on the cell", async () => {
    const page = await browser.newPage();
    await page.goto(inject("siteUrl") + "editor.html");
    await page.locator("#cell-2 .cm-editor").waitFor();
    await dropFiles(page, [{name: "ragged.csv", text: "year,deaths\n2011,10\n2012,20,5\n2013,30\n", type: "text/csv"}]);
    await cellWithSource(page, 'FileAttachment("ragged.csv")');
    await page.locator("#cell-2 .cm-content").click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("s");
    await typeInCell(page, 2, "SELECT count(*) AS n FROM ragged");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator("#cell-2 .mapt-cell-error").innerText(), {timeout: 60_000}).toMatch(/"ragged\.csv" at line 3: 1 row does not have the 2 fields of the header: line 3 has 3/);
    await page.close();
  });
});

/** Records every line a cell's file-load status shows, from now on (it may come and go within a frame). */
async function recordLoadLines(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Array<{cell: number; text: string}> = [];
    (window as unknown as {__loadLines: typeof seen}).__loadLines = seen;
    new MutationObserver(() => {
      for (const box of document.querySelectorAll<HTMLElement>(".mapt-cell-load")) {
        const cell = Number(box.closest<HTMLElement>(".mapt-cell")!.dataset.cellId);
        for (const line of box.children) seen.push({cell, text: line.textContent!.trim()});
      }
    }).observe(document.body, {subtree: true, childList: true, characterData: true});
  });
}

function loadLines(page: Page): Promise<Array<{cell: number; text: string}>> {
  return page.evaluate(() => (window as unknown as {__loadLines: Array<{cell: number; text: string}>}).__loadLines);
}
