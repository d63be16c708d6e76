import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";

// Plot's projections on built pages, whose Plot loads d3-geo only when the cells may need it
// (src/stdlib/plot-geo.ts): tests/e2e/fixtures/maps*.html.

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

async function open(fixture: string): Promise<{page: Page; errors: string[]}> {
  const page = await browser.newPage();
  const log = record(page);
  await page.goto(inject("siteUrl") + inject("fixturePages")[fixture]);
  await waitForSettledCells(page);
  return {page, errors: log.errors};
}

/** The `d` attributes of the paths a cell's chart drew, non-empty ones only. */
const drawnPaths = (page: Page, id: number) =>
  page.locator(`#cell-${id} svg path`).evaluateAll((paths) => paths.map((p) => p.getAttribute("d") ?? "").filter((d) => d.length > 0));

describe("Plot maps on a built page", () => {
  it("a trimmed Plot draws dots on a projection and a sphere with its graticule", async () => {
    const {page, errors} = await open("maps.html");
    for (const id of [3, 4]) expect([id, await cellStatus(page, id)]).toEqual([id, "fulfilled"]);
    expect(await page.locator("#cell-3 svg circle").count()).toBe(2);
    expect((await drawnPaths(page, 4)).length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a projection no cell names fails its chart with a message saying what to write, and other charts draw", async () => {
    const {page} = await open("maps-unnamed.html");
    expect(await cellStatus(page, 2)).toBe("error");
    expect(await cellText(page, 2)).toContain("Write the projection option out in a cell");
    expect(await cellStatus(page, 3)).toBe("fulfilled");
    expect((await drawnPaths(page, 3)).length).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it("all of Plot draws on a projection whatever the cells name", async () => {
    const {page, errors} = await open("maps-all-of-plot.html");
    expect(await cellStatus(page, 2)).toBe("fulfilled");
    expect(await page.locator("#cell-2 svg circle").count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});
