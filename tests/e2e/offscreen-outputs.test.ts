import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {openBrowser} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** Whether the chart of cell `id` is drawn now (not skipped as far from the viewport). */
const chartDrawn = (page: Page, id: number) =>
  page.evaluate((id) => document.querySelector(`#cell-${id} .mapt-cell-output svg`)!.checkVisibility({contentVisibilityAuto: true}), id);

it("a chart far below the viewport is not drawn until the reader scrolls to it, then shows at its size", async () => {
  const page = await browser.newPage();
  await page.goto(`${inject("siteUrl")}notebooks/framework-explorer.html`);
  await waitForSettledCells(page);
  // Cell 19: the indicator-by-risk-factor matrix, several screens down the page.
  expect(await chartDrawn(page, 19)).toBe(false);
  await page.locator("#cell-19 .mapt-cell-output").scrollIntoViewIfNeeded();
  await expect.poll(() => chartDrawn(page, 19)).toBe(true);
  const box = await page.locator("#cell-19 .mapt-cell-output svg").last().boundingBox();
  expect(box!.height).toBeGreaterThan(200);
  await page.close();
});
