import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser, record} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const hostile = "<img src=x onerror=window.__pwned='csv-value'>";

describe("values stay text", () => {
  it("a hostile CSV value in a trusted notebook shows as its characters in Markdown, md and HTML cells, and no script runs", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(inject("siteUrl") + inject("fixturePages")["hostile-values.html"]);
    await waitForSettledCells(page);
    await page.waitForLoadState("networkidle");
    expect(await cellText(page, 2)).toBe(`Country: ${hostile}, source`);
    expect(await cellText(page, 3)).toBe(`Again: ${hostile}`);
    expect(await cellText(page, 4)).toBe(`In HTML: ${hostile} link`);
    // The author's markup is kept; none of its script, handlers, javascript: links or srcdoc.
    expect(await page.locator("#cell-5 span.author-note").innerText()).toBe("the author's own markup");
    expect(await page.locator("#cell-6").innerText()).toContain("1 row");
    expect(await page.locator("#mapt-notebook script, #mapt-notebook iframe[srcdoc], #mapt-notebook [onerror], #mapt-notebook a[href^='javascript']").count()).toBe(0);
    expect(await page.locator("#mapt-notebook img").count()).toBe(2);
    expect(await page.evaluate(() => (window as unknown as {__pwned?: string}).__pwned)).toBeUndefined();
    expect(log.errors).toEqual([]);
  });
});
