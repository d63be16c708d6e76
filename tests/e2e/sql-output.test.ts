import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import type {BrowserContext} from "playwright-core";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser, record} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

describe("a SQL cell's output", () => {
  it("reads as Notebook Kit's array of rows and as an Arrow table, and shows as a table", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(inject("siteUrl") + inject("fixturePages")["sql-output.html"]);
    await waitForSettledCells(page);
    // The inspector shows a string value in quotes.
    expect(await cellText(page, 2)).toBe('"Kenya 2007, Syria 2011 (2 rows, first Kenya)"');
    expect(await cellText(page, 3)).toBe('"2 rows in Arrow, Syria last"');
    expect(await page.locator("#cell-1 figcaption").innerText()).toBe("2 rows × 2 columns");
    expect(log.errors).toEqual([]);
  });

  it("is all of Arrow's Table to a cell on the built page: columns, rows, types, search, concat, and the Arrow builtin's class, builders and writer", async () => {
    const page = await browser.newPage();
    await page.goto(inject("siteUrl") + inject("fixturePages")["sql-output.html"]);
    await waitForSettledCells(page);
    expect(await cellText(page, 4)).toBe('"Kenya+Syria 2007+2011 Int32,Utf8 1 4"');
    // The reader reads results without Arrow's builders and writers; the builtin brings them
    // (src/data/arrow-table-factories.ts, src/vite/arrow-reading-copies.ts).
    expect(await cellText(page, 5)).toBe('"true 1+2+3 Kenya"');
  });
});
