import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

async function open(fixture: string): Promise<{page: Page; log: ReturnType<typeof record>}> {
  const page = await browser.newPage();
  const log = record(page);
  await page.goto(inject("siteUrl") + inject("fixturePages")[fixture]);
  await waitForSettledCells(page);
  return {page, log};
}

describe("a reactive notebook", () => {
  it("moving a slider re-runs the dependent SQL cell and redraws its chart without a reload", async () => {
    const {page, log} = await open("reactive.html");
    const bars = page.locator("#cell-4 svg rect");
    await expect.poll(() => bars.count()).toBe(5);
    expect(await cellText(page, 5)).toBe("There are 5 bars.");
    const navigations = log.requests.filter((url) => url.endsWith(".html")).length;
    await page.locator("#cell-2 input[type=range]").fill("12");
    await expect.poll(() => bars.count()).toBe(12);
    await expect.poll(() => cellText(page, 5)).toBe("There are 12 bars.");
    expect(log.requests.filter((url) => url.endsWith(".html")).length).toBe(navigations);
    expect(log.errors).toEqual([]);
  });

  it("shows DuckDB's start-up as a progress bar, then that it is ready", async () => {
    const page = await browser.newPage();
    // Record every state of the status element from the first moment of the page.
    await page.addInitScript({
      content: `window.__dbStates = [];
        new MutationObserver(() => {
          const el = document.getElementById("mapt-db-status");
          if (!el) return;
          const state = (el.dataset.phase || "") + (el.querySelector("progress") ? "+progress" : "");
          if (window.__dbStates.at(-1) !== state) window.__dbStates.push(state);
        }).observe(document, {childList: true, subtree: true, attributes: true});`
    });
    await page.goto(inject("siteUrl") + inject("fixturePages")["reactive.html"]);
    await waitForSettledCells(page);
    const states = await page.evaluate(() => (window as unknown as {__dbStates: string[]}).__dbStates);
    expect(states).toContain("loading+progress");
    expect(states.at(-1)).toBe("ready");
    expect(await page.locator("#mapt-db-status").innerText()).toBe("DuckDB ready");
  });

  it("shows a SQL result as a table with its row count", async () => {
    const {page} = await open("reactive.html");
    await expect.poll(() => page.locator("#cell-3 table tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#cell-3 figcaption").innerText()).toBe("5 rows × 2 columns");
  });
});

describe("errors", () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    const opened = await open("errors.html");
    page = opened.page;
    errors = opened.log.errors;
  });

  it("a syntax error shows on its cell with line:column", async () => {
    expect(await cellStatus(page, 1)).toBe("error");
    expect(await cellText(page, 1)).toMatch(/SyntaxError: .*\(1:11\)/);
  });

  it("a thrown error and a rejected promise show on their cells", async () => {
    expect(await cellText(page, 2)).toBe("boom");
    expect(await cellText(page, 5)).toBe("nope");
  });

  it("a cell whose input failed names that input", async () => {
    expect(await cellText(page, 3)).toBe("a failed");
    expect(await cellText(page, 4)).toBe('Input "a" failed: a failed');
  });

  it("a circular definition is named on every cell involved", async () => {
    for (const id of [6, 7]) expect(await cellText(page, id)).toMatch(/^Circular definition/);
  });

  it("a duplicate definition fails the cells that read it and is named on both declaring cells, which still run", async () => {
    expect(await cellText(page, 14)).toBe("dup is defined more than once");
    for (const [id, other] of [[8, 9], [9, 8]]) {
      expect(await cellStatus(page, id)).toBe("fulfilled");
      expect(await page.locator(`#cell-${id} .mapt-cell-notice`).innerText()).toMatch(new RegExp(`dup is also defined by cell ${other}`));
    }
  });

  it("a SQL error shows DuckDB's message on the SQL cell", async () => {
    expect(await cellText(page, 10)).toMatch(/Catalog Error: Table with name no_such_table does not exist/);
  });

  it("an undefined name and an import of a package the app does not bundle fail on their cells", async () => {
    expect(await cellText(page, 11)).toBe("notDefinedAnywhere is not defined");
    expect(await cellText(page, 12)).toMatch(/left-pad/);
  });

  it("other cells still run and the page itself never crashes", async () => {
    expect(await cellStatus(page, 13)).toBe("fulfilled");
    expect(await cellText(page, 13)).toBe("42");
    expect(errors).toEqual([]);
  });
});

describe("files and legacy cells", () => {
  it("FileAttachment names resolve relative to the notebook file", async () => {
    const {page} = await open("attachments.html");
    expect(await cellText(page, 2)).toBe('"Kenya:42 Syria:8"');
  });

  it("static imports of bundled packages work, by npm: specifier or package name", async () => {
    const {page} = await open("attachments.html");
    expect(await cellText(page, 4)).toBe('"25 function"');
  });

  it("Observable JavaScript viewof and mutable cells are reactive", async () => {
    const {page} = await open("ojs.html");
    await expect.poll(() => cellText(page, 2)).toBe("6");
    await page.locator("#cell-1 input[type=range]").fill("7");
    await expect.poll(() => cellText(page, 2)).toBe("14");
    expect(await cellText(page, 5)).toBe('"clicks: 0"');
    await page.locator("#cell-4 button").click();
    await page.locator("#cell-4 button").click();
    await expect.poll(() => cellText(page, 5)).toBe('"clicks: 2"');
  });
});
