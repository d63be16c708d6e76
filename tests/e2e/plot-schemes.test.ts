import {interpolateBlues, schemeBlues} from "d3-scale-chromatic";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";

// Plot's color schemes on built pages, whose Plot has only its default schemes unless the cells
// name another (src/stdlib/plot-schemes.ts): tests/e2e/fixtures/colors-*-scheme*.html and
// colors-default-charts.html.

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** The Blues scheme's colors as d3-scale-chromatic's code writes them: text only that scheme's code holds. */
const bluesText = schemeBlues[3]!.join("").replaceAll("#", "");

/** Opens a fixture; `scripts` holds the text of every script it downloaded. */
async function open(fixture: string): Promise<{page: Page; errors: string[]; scripts: string[]}> {
  const page = await browser.newPage();
  const log = record(page);
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().catch(() => ""));
  });
  await page.goto(inject("siteUrl") + inject("fixturePages")[fixture]);
  await waitForSettledCells(page);
  return {page, errors: log.errors, scripts: await Promise.all(scripts)};
}

/** The fill of every mark a cell's chart drew. */
const fills = (page: Page, id: number) => page.locator(`#cell-${id} svg g [fill]`).evaluateAll((marks) => marks.map((m) => m.getAttribute("fill")));

const charts = [1, 2, 3, 4, 6];

describe("Plot's color schemes on a built page", () => {
  it("a page naming no scheme draws the same default colors as a page with every scheme, and downloads no other scheme", async () => {
    const trimmed = await open("colors-default-charts.html");
    const all = await open("colors-named-scheme.html");
    for (const id of charts) {
      expect([id, await cellStatus(trimmed.page, id)]).toEqual([id, "fulfilled"]);
      const colors = await fills(trimmed.page, id);
      expect(new Set(colors).size).toBeGreaterThanOrEqual(2);
      expect([id, colors]).toEqual([id, await fills(all.page, id)]);
    }
    expect(trimmed.scripts.some((text) => text.includes(bluesText))).toBe(false);
    expect(all.scripts.some((text) => text.includes(bluesText))).toBe(true);
    expect([...trimmed.errors, ...all.errors]).toEqual([]);
    await trimmed.page.close();
    await all.page.close();
  });

  it("a page naming scheme: \"blues\" draws with it", async () => {
    const {page} = await open("colors-named-scheme.html");
    expect(await cellStatus(page, 5)).toBe("fulfilled");
    expect(await fills(page, 5)).toEqual([0, 0.5, 1].map((t) => interpolateBlues(t)));
    await page.close();
  });

  it("a scheme named at run time on a trimmed page fails its chart with a message saying what to write, and other charts draw", async () => {
    const {page} = await open("colors-computed-scheme.html");
    expect(await cellStatus(page, 2)).toBe("error");
    expect(await cellText(page, 2)).toContain('Name the scheme in a cell (a comment will do: // scheme: "blues") and build again');
    expect(await cellStatus(page, 3)).toBe("fulfilled");
    await page.close();
  });
});
