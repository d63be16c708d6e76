import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {openBrowser, record} from "./browser.ts";
import {cellIds, editorText, expectCellText, openEditing, selectedId, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const url = () => inject("siteUrl") + inject("fixturePages")["editor-counts.html"];
const focusedCell = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {cell: Number(active?.closest<HTMLElement>(".mapt-cell")?.dataset.cellId), inEditor: !!active?.closest(".cm-editor")};
  });

describe("command-mode keys", () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = await browser.newPage();
    errors = record(page).errors;
    await openEditing(page, url());
  });

  it("J/K and the arrows move the selection", async () => {
    expect(await selectedId(page)).toBe(1);
    await page.keyboard.press("j");
    expect(await selectedId(page)).toBe(2);
    await page.keyboard.press("ArrowDown");
    expect(await selectedId(page)).toBe(3);
    await page.keyboard.press("k");
    expect(await selectedId(page)).toBe(2);
    await page.keyboard.press("ArrowUp");
    expect(await selectedId(page)).toBe(1);
    expect(await focusedCell(page)).toEqual({cell: 1, inEditor: false});
  });

  it("B inserts below and A inserts above the selected cell", async () => {
    await page.keyboard.press("j");
    await page.keyboard.press("b");
    expect(await cellIds(page)).toEqual([1, 2, 6, 3, 4, 5]);
    expect(await selectedId(page)).toBe(6);
    await page.keyboard.press("a");
    expect(await cellIds(page)).toEqual([1, 2, 7, 6, 3, 4, 5]);
    expect(await selectedId(page)).toBe(7);
  });

  it("D D deletes the selected cell; Z restores it with its id, position and source", async () => {
    await page.keyboard.press("d");
    await page.keyboard.press("d");
    expect(await cellIds(page)).toEqual([1, 2, 6, 3, 4, 5]);
    await page.keyboard.press("j");
    expect(await selectedId(page)).toBe(3);
    const source = await editorText(page, 3);
    await page.keyboard.press("d");
    await page.keyboard.press("d");
    expect(await cellIds(page)).toEqual([1, 2, 6, 4, 5]);
    await page.keyboard.press("z");
    expect(await cellIds(page)).toEqual([1, 2, 6, 3, 4, 5]);
    expect(await selectedId(page)).toBe(3);
    expect(await editorText(page, 3)).toBe(source);
    await expect.poll(() => page.locator("#cell-3").getAttribute("data-status")).toBe("fulfilled");
  });

  it("M makes the cell Markdown and Y makes it code", async () => {
    await page.keyboard.press("m");
    expect(await page.locator("#cell-3").getAttribute("data-mode")).toBe("md");
    expect(await page.locator("#cell-3 select").inputValue()).toBe("md");
    await page.keyboard.press("y");
    expect(await page.locator("#cell-3").getAttribute("data-mode")).toBe("js");
  });

  it("Enter edits the selected cell and Esc leaves the editor", async () => {
    await page.keyboard.press("Enter");
    expect(await focusedCell(page)).toEqual({cell: 3, inEditor: true});
    await page.keyboard.press("Escape");
    expect(await focusedCell(page)).toEqual({cell: 3, inEditor: false});
  });

  it("Mod+Enter runs the cell in place", async () => {
    await typeInCell(page, 3, "const c = 7;\nc * 2");
    await expect.poll(() => page.locator("#cell-3").getAttribute("data-status")).toBe("stale");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator("#cell-3").getAttribute("data-status")).toBe("fulfilled");
    expect(await focusedCell(page)).toEqual({cell: 3, inEditor: true});
  });

  it("Shift+Enter runs and moves to the next cell, adding one after the last", async () => {
    await typeInCell(page, 4, "b + 2");
    await page.keyboard.press("Shift+Enter");
    await expectCellText(page, 4, "12");
    expect(await focusedCell(page)).toEqual({cell: 5, inEditor: true});
    await page.keyboard.press("Shift+Enter");
    expect(await cellIds(page)).toEqual([1, 2, 6, 3, 4, 5, 8]);
    expect(await focusedCell(page)).toEqual({cell: 8, inEditor: true});
    await page.keyboard.press("Escape");
  });

  it("Mod+S keeps the notebook (in the browser when there is no dev server)", async () => {
    await page.keyboard.press("ControlOrMeta+s");
    await expect.poll(() => page.locator(".mapt-save-state").innerText()).toMatch(/Kept in this browser/);
    expect(errors).toEqual([]);
  });
});
