import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

describe("a page's trimmed D3", () => {
  // tests/e2e/fixtures/d3-members.html names 27 colour schemes: its trimmed D3's chunk was named
  // after them all, a file name too long to write, and the whole site's build failed.
  it("a notebook that names many members of d3 builds, and each member is there", async () => {
    const page = await browser.newPage();
    await page.goto(inject("siteUrl") + inject("fixturePages")["d3-members.html"]);
    expect((await waitForSettledCells(page)).failures).toEqual([]);
    expect(await cellText(page, 2)).toBe('"27 schemes of nine colours"');
    await page.close();
  });

  it("a selection on a trimmed page has .transition() and .interrupt() though no cell names a transition member", async () => {
    const page = await browser.newPage();
    await page.goto(inject("siteUrl") + inject("fixturePages")["d3-members.html"]);
    await waitForSettledCells(page);
    expect(await cellText(page, 3)).toBe('"function function"');
    await page.close();
  });
});
