import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {openBrowser, record} from "./browser.ts";
import {cellIds, editorText, openEditing, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const fixture = (name: string) => inject("siteUrl") + inject("fixturePages")[name];
const tool = (page: Page, id: number, action: string) => page.locator(`#cell-${id} [data-action="${action}"]`);

/** Waits until the open completion list offers every one of `labels`; answers all it offers. */
async function expectCompletions(page: Page, labels: string[]): Promise<string[]> {
  const list = page.locator(".cm-tooltip-autocomplete .cm-completionLabel");
  await expect.poll(() => list.allInnerTexts(), {timeout: 30_000}).toEqual(expect.arrayContaining(labels));
  return list.allInnerTexts();
}

/** Drops a cell's drag handle on the top or bottom edge of another cell. */
async function drag(page: Page, id: number, onto: number, edge: "top" | "bottom"): Promise<void> {
  const target = page.locator(`#cell-${onto}`);
  const box = (await target.boundingBox())!;
  await page.locator(`#cell-${id} .mapt-cell-drag`).dragTo(target, {targetPosition: {x: 8, y: edge === "top" ? 3 : box.height - 3}});
}

describe("cell toolbars", () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = await browser.newPage();
    await page.setViewportSize({width: 1280, height: 2000});
    errors = record(page).errors;
    await openEditing(page, fixture("editor-counts.html"));
  });

  it("every toolbar button has an accessible name", async () => {
    const unnamed = await page.$$eval(".mapt-cell-tools button, .mapt-editor-bar button", (buttons) =>
      buttons.filter((b) => !(b.getAttribute("aria-label") || b.textContent?.trim())).length
    );
    expect(unnamed).toBe(0);
  });

  it("move up and down, duplicate and delete work from the buttons", async () => {
    await tool(page, 3, "move-up").click();
    expect(await cellIds(page)).toEqual([1, 3, 2, 4, 5]);
    await tool(page, 3, "move-down").click();
    expect(await cellIds(page)).toEqual([1, 2, 3, 4, 5]);
    await tool(page, 4, "duplicate").click();
    expect(await cellIds(page)).toEqual([1, 2, 3, 4, 6, 5]);
    expect(await editorText(page, 6)).toBe(await editorText(page, 4));
    await tool(page, 6, "delete").click();
    expect(await cellIds(page)).toEqual([1, 2, 3, 4, 5]);
    await tool(page, 2, "insert-above").click();
    expect(await cellIds(page)).toEqual([1, 7, 2, 3, 4, 5]);
    await tool(page, 7, "delete").click();
  });

  it("a cell moves by dragging its handle onto another cell", async () => {
    await drag(page, 5, 1, "top");
    expect(await cellIds(page)).toEqual([5, 1, 2, 3, 4]);
    await drag(page, 5, 4, "bottom");
    expect(await cellIds(page)).toEqual([1, 2, 3, 4, 5]);
    await drag(page, 1, 3, "bottom");
    expect(await cellIds(page)).toEqual([2, 3, 1, 4, 5]);
    await drag(page, 1, 2, "top");
    expect(await cellIds(page)).toEqual([1, 2, 3, 4, 5]);
  });

  it("pin, hide and the mode menu change the cell's saved attributes", async () => {
    await tool(page, 5, "pin").click();
    expect(await tool(page, 5, "pin").getAttribute("aria-pressed")).toBe("true");
    await tool(page, 4, "hide").click();
    expect(await tool(page, 4, "hide").getAttribute("aria-pressed")).toBe("true");
    await page.locator("#cell-5 select").selectOption("html");
    expect(await page.locator("#cell-5").getAttribute("data-mode")).toBe("html");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Download"}).click()]);
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    // The mode change is an edit not run yet, so the file marks the cell `unrun` until it runs.
    expect(text).toContain('<script id="5" type="text/html" pinned unrun>');
    expect(text).toContain('<script id="4" type="module" hidden>');
    expect(errors).toEqual([]);
  });
});

describe("completion", () => {
  it("JavaScript cells complete other cells' names and builtins", async () => {
    const page = await browser.newPage();
    await openEditing(page, fixture("editor-counts.html"));
    await typeInCell(page, 4, "");
    await page.keyboard.press("Control+Space");
    await expectCompletions(page, ["a", "b", "c", "Plot", "db"]);
  });

  it("SQL cells complete the page's DuckDB tables and the columns of the tables they name", async () => {
    const page = await browser.newPage();
    await openEditing(page, fixture("reactive.html"));
    await typeInCell(page, 3, "SELECT * FROM ");
    await page.keyboard.press("Control+Space");
    await expectCompletions(page, ["countries", "indicators"]);
    await page.keyboard.press("Escape");
    await page.keyboard.insertText("countries WHERE is");
    await page.keyboard.press("Control+Space");
    await expectCompletions(page, ["iso3"]);
  });
});
