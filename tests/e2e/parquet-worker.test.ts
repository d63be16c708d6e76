// A user's Parquet file is decoded off the page's thread, in a worker, then queried in DuckDB.
import {parquetWriteBuffer} from "hyparquet-writer";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {openBrowser, record} from "./browser.ts";
import {cellWithSource, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const ROWS = 30_000;

/** Test data, not case figures: three row groups, a text and a number column. */
function parquetBytes(): number[] {
  const index = Array.from({length: ROWS}, (_, i) => i);
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
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
