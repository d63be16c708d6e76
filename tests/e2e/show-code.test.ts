import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {holdBackEditing, openBrowser, record} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** Opens the fixture and keeps the text of every script the page downloads. */
async function open(): Promise<{page: Page; scripts: Array<Promise<string>>; log: ReturnType<typeof record>}> {
  const page = await browser.newPage();
  const log = record(page);
  const scripts: Array<Promise<string>> = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text());
  });
  await page.goto(inject("siteUrl") + inject("fixturePages")["show-code.html"]);
  await waitForSettledCells(page);
  return {page, scripts, log};
}

const toggle = (page: Page) => page.locator(".mapt-bar .mapt-show-code-button");
const code = (page: Page, id: number) => page.locator(`#cell-${id} > .mapt-cell-source`);
// Only the notebook's own text module holds the file's title element (the page's title says more).
const carriesNotebookText = async (scripts: Array<Promise<string>>) => (await Promise.all(scripts)).some((text) => text.includes("<title>Show code fixture</title>"));

describe("the Show all code switch", () => {
  it("Show all code shows an unpinned cell's code only after it is pressed, and hides it again", async () => {
    const {page, log} = await open();
    expect(await code(page, 2).innerText()).toBe("const pinnedValue = 6 * 7;");
    expect(await code(page, 3).count()).toBe(0);
    expect(await toggle(page).getAttribute("aria-pressed")).toBe("false");

    await toggle(page).click();
    await expect.poll(() => code(page, 3).count()).toBe(1);
    expect(await code(page, 3).innerText()).toBe("`unpinned says ${pinnedValue}`");
    expect(await code(page, 1).innerText()).toBe("# Show code fixture");
    expect(await page.locator("#cell-3 > .mapt-cell-output").innerText()).toBe('"unpinned says 42"');
    expect(await toggle(page).getAttribute("aria-pressed")).toBe("true");

    await toggle(page).click();
    await expect.poll(() => code(page, 3).count()).toBe(0);
    expect(await code(page, 1).count()).toBe(0);
    expect(await code(page, 2).innerText()).toBe("const pinnedValue = 6 * 7;");
    expect(await toggle(page).getAttribute("aria-pressed")).toBe("false");
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("Show all code shows a hidden cell's code but not its output, and hides the cell again", async () => {
    const {page} = await open();
    await expect.poll(() => page.locator("#cell-4").isVisible()).toBe(false);
    await toggle(page).click();
    await expect.poll(() => code(page, 4).isVisible()).toBe(true);
    expect(await code(page, 4).innerText()).toBe('"hidden output"');
    expect(await page.locator("#cell-4 > .mapt-cell-output").isVisible()).toBe(false);
    await toggle(page).click();
    await expect.poll(() => page.locator("#cell-4").isVisible()).toBe(false);
    await page.close();
  });

  it("a reader's first load does not fetch the notebook's text; the switch fetches it when first pressed", async () => {
    const {page, scripts} = await open();
    expect(scripts.length).toBeGreaterThan(0);
    expect(await carriesNotebookText(scripts)).toBe(false);
    await toggle(page).click();
    await expect.poll(() => code(page, 3).count()).toBe(1);
    expect(await carriesNotebookText(scripts)).toBe(true);
    await page.close();
  });

  it("Edit mode puts the switch away and turns it off; leaving Edit mode brings it back", async () => {
    const {page} = await open();
    await toggle(page).click();
    await expect.poll(() => code(page, 3).count()).toBe(1);
    await page.keyboard.press("e");
    await page.locator("#cell-3 .cm-editor").waitFor();
    expect(await toggle(page).isVisible()).toBe(false);
    await page.locator('button[data-action="done"]').click();
    await expect.poll(() => toggle(page).isVisible()).toBe(true);
    expect(await toggle(page).getAttribute("aria-pressed")).toBe("false");
    expect(await code(page, 3).count()).toBe(0);
    await page.close();
  });

  it("Edit, Share and Show all code are in the bar before editing has loaded, and Show all code works from there", async () => {
    const page = await browser.newPage();
    // Editing's module is held back until released: the buttons the page shows meanwhile are its own.
    const editing = await holdBackEditing(page);
    await page.goto(inject("siteUrl") + inject("fixturePages")["show-code.html"]);
    expect(await page.locator(".mapt-bar button").allTextContents()).toEqual(expect.arrayContaining(["Show all code", "Share", "Edit"]));
    await toggle(page).click();
    await expect.poll(editing.asked).toBe(true);
    editing.release();
    await expect.poll(() => code(page, 3).count()).toBe(1);
    expect(await toggle(page).count()).toBe(1);
    expect(await toggle(page).getAttribute("aria-pressed")).toBe("true");
    await page.close();
  });
});
