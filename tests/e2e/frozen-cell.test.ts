import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {cellStatus, openBrowser, record} from "./browser.ts";
import {keptDraftText, newNotebook, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

describe("a notebook whose page died in a cell", () => {
  it("reopens without running and names the cell that was running when the page crashed", async () => {
    const page = await browser.newPage();
    await newNotebook(page, inject("siteUrl"));
    const code = "await new Promise(() => {}); // never settles";
    await typeInCell(page, 2, code);
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => cellStatus(page, 2)).toBe("running");
    await expect.poll(() => keptDraftText(page)).toContain(code);
    const address = page.url();
    const crashed = page.waitForEvent("crash");
    const cdp = await page.context().newCDPSession(page);
    void cdp.send("Page.crash").catch(() => {});
    await crashed;

    const again = await browser.newPage();
    const log = record(again);
    await again.goto(address);
    const banner = again.locator(".mapt-held");
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/stopped responding or crashed.*while cell 2 ran/);
    await expect.poll(() => again.locator("#cell-2 .mapt-cell-notice").innerText()).toMatch(/running when the page stopped responding or crashed/);
    expect(await cellStatus(again, 2)).toBe("idle");
    expect(await again.locator("#cell-2 .mapt-cell-source").innerText()).toContain("never settles");
    expect(log.errors).toEqual([]);
  });
});
