// An input's change on a shipped notebook, in Chromium against the production build: what runs
// and what shows when a reader's or a script's change reaches the cells.
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {openBrowser, record} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** Counts the queries the page asks DuckDB's worker to run (statements prepared or not). */
const countQueries = `(() => {
  window.__queriesRun = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (typeof message?.type === "string" && message.type.startsWith("RUN_")) window.__queriesRun++;
    return post.call(this, message, ...rest);
  };
})();`;

/**
 * Picks `label` in getting-started's country select as a script does: set the value, then
 * announce it with an `input` and a `change` event (Observable Inputs' select turns the
 * `change` of an event the browser did not make into a second `input` event).
 */
async function pickCountry(page: Page, label: string): Promise<void> {
  await page.evaluate((label) => {
    const select = document.querySelector<HTMLSelectElement>("#cell-3 select")!;
    select.selectedIndex = [...select.options].findIndex((option) => option.textContent === label);
    select.dispatchEvent(new Event("input", {bubbles: true}));
    select.dispatchEvent(new Event("change", {bubbles: true}));
  }, label);
  await expect.poll(() => page.locator("#cell-7 figure h2").innerText(), {timeout: 60_000}).toContain(label);
  await waitForSettledCells(page, 60_000);
}

describe("an input's change", () => {
  it("a select changed by a script runs each query that reads it once, and the chart and table show the new country", async () => {
    const page = await browser.newPage();
    const {errors} = record(page);
    try {
      await page.addInitScript({content: countQueries});
      // Straight to DuckDB: recorded results would answer the first values without a query.
      await page.goto(`${inject("siteUrl")}notebooks/getting-started.html?snapshots=off`);
      await waitForSettledCells(page, 120_000);
      await pickCountry(page, "Kenya"); // prepares the statements
      await page.evaluate("window.__queriesRun = 0");
      await pickCountry(page, "Iraq");
      await pickCountry(page, "Libya");
      // Per change: the refugees query (cell 5) and the country's name (cell 8).
      expect(await page.evaluate("window.__queriesRun")).toBe(4);
      expect(await page.locator("#cell-13").innerText()).toContain("for Libya");
      expect(await page.locator("#cell-5 figure.mapt-table td").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
