import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {openBrowser} from "./browser.ts";
import {editorText, expectCellText, openEditing, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const url = () => inject("siteUrl") + inject("fixturePages")["editor-counts.html"];

describe("unsaved edits", () => {
  it("closing the page in the middle of typing, without unload, and reopening recovers the text", async () => {
    const page = await browser.newPage();
    await openEditing(page, url());
    await typeInCell(page, 4, "b + 1000");
    await page.keyboard.type(" + 1");
    // Within a second of the last key, and without any unload handler running.
    await page.waitForTimeout(900);
    await page.close({runBeforeUnload: false});

    const again = await browser.newPage();
    await again.goto(url());
    await waitForSettledCells(again);
    const banner = again.locator(".mapt-recovery");
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/unsaved edits/);
    await banner.getByRole("button", {name: "Keep the edits"}).click();
    await expect.poll(() => editorText(again, 4)).toBe("b + 1000 + 1");
    await expectCellText(again, 4, "1011");
  });

  it("discarding the edits keeps the file's version and stops offering them", async () => {
    const page = await browser.newPage();
    await page.goto(url());
    await waitForSettledCells(page);
    await page.locator(".mapt-recovery").getByRole("button", {name: "Discard them"}).click();
    await expect.poll(() => page.locator(".mapt-recovery").count()).toBe(0);
    await page.reload();
    await waitForSettledCells(page);
    await page.waitForTimeout(500);
    expect(await page.locator(".mapt-recovery").count()).toBe(0);
    await expectCellText(page, 4, "11");
  });

  it("Compare shows the kept edits beside the file and keeps the chosen version", async () => {
    const page = await browser.newPage();
    await openEditing(page, url());
    await typeInCell(page, 4, "b + 77");
    await page.waitForTimeout(900);
    await page.close({runBeforeUnload: false});

    const again = await browser.newPage();
    await again.goto(url());
    await waitForSettledCells(again);
    await again.locator(".mapt-recovery").getByRole("button", {name: "Compare"}).click();
    const dialog = again.locator(".mapt-conflict");
    expect(await dialog.locator('[data-version="mine"] pre').innerText()).toContain("b + 77");
    expect(await dialog.locator('[data-version="disk"] pre').innerText()).toContain("b + 1");
    await dialog.getByRole("button", {name: "Keep the edits"}).click();
    await expectCellText(again, 4, "87");
  });

  it("History lists the kept versions and restores one", async () => {
    const page = await browser.newPage();
    await openEditing(page, url());
    await typeInCell(page, 4, "b + 5");
    await page.waitForTimeout(700);
    await typeInCell(page, 4, "b + 6");
    await page.waitForTimeout(700);
    await page.getByRole("button", {name: "History"}).click();
    const versions = page.locator(".mapt-history li");
    await expect.poll(() => versions.count()).toBeGreaterThanOrEqual(2);
    await versions.nth(1).getByRole("button").click();
    await expect.poll(() => editorText(page, 4)).toBe("b + 5");
    await expectCellText(page, 4, "15");
  });
});
