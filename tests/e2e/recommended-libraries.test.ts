import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";

// Notebook Kit's recommended libraries and sample datasets, read by cells with no import
// (tests/e2e/fixtures/recommended-libraries.html): each loads the copy the app bundles.
let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** Rows of a sample dataset's CSV, counted from the npm package's file. */
function sampleRows(name: string): number {
  const file = createRequire(import.meta.url).resolve(`@observablehq/sample-datasets/${name}`);
  return readFileSync(file, "utf8").trim().split("\n").length - 1;
}

describe("Notebook Kit's recommended libraries", () => {
  let page: Page;
  let log: ReturnType<typeof record>;
  beforeAll(async () => {
    page = await browser.newPage();
    log = record(page);
    await page.goto(inject("siteUrl") + inject("fixturePages")["recommended-libraries.html"]);
    await waitForSettledCells(page);
  });

  it("_ is Lodash, and npm:lodash imports it", async () => {
    expect(await cellText(page, 2)).toBe('"north:6 south:1"');
    expect(await cellText(page, 9)).toBe("3");
  });

  it("vl draws a Vega-Lite bar chart, one bar per row, under the page's policy (no eval)", async () => {
    await expect.poll(() => page.locator("#cell-3 svg g.mark-rect path").count()).toBe(3);
  });

  it("L draws a Leaflet map whose marker picture loads from the site", async () => {
    const marker = page.locator("#cell-4 img.leaflet-marker-icon");
    await expect.poll(() => marker.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator("#cell-4 path.leaflet-interactive").count()).toBe(1);
  });

  it("echarts draws its chart, and React renders through ReactDOM", async () => {
    await expect.poll(() => page.locator("#cell-5 svg text", {hasText: "2020"}).count()).toBe(1);
    expect(await page.locator("#cell-6 strong").textContent()).toBe("drawn by React");
  });

  it("sample datasets are typed rows (penguins, aapl) and miserables is its graph", async () => {
    const miserables = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@observablehq/sample-datasets/miserables.json"), "utf8"));
    expect(await cellText(page, 8)).toBe(`"${sampleRows("penguins.csv")} penguins, dated prices, ${miserables.nodes.length} characters"`);
    expect(await page.locator("#cell-7 svg circle").count()).toBeGreaterThan(0);
  });

  it("every cell runs and nothing leaves the site", async () => {
    for (const id of [2, 3, 4, 5, 6, 7, 8, 9]) expect([id, await cellStatus(page, id)]).toEqual([id, "fulfilled"]);
    expect(log.errors).toEqual([]);
    expect(log.requests.filter((url) => !url.startsWith(inject("siteUrl")) && !/^(blob|data):/.test(url))).toEqual([]);
  });
});
