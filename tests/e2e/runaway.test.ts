import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const url = () => inject("siteUrl") + inject("fixturePages")["runaway.html"];

describe("runaway cells", () => {
  it("a loop that never ends stops with an error on its cell naming the limit, and the page stays responsive", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(`${url()}?loop-limit=1`);
    await waitForSettledCells(page);
    expect(await cellStatus(page, 2)).toBe("error");
    expect(await cellText(page, 2)).toMatch(/more than 1 s without a pause.*loop at line 2.*loop-limit/);
    expect(await cellText(page, 3)).toBe("42");
    // A timer keeps firing: the page answers.
    const ticks = await page.evaluate(() => new Promise<number>((resolve) => {
      let n = 0;
      const timer = setInterval(() => ++n === 5 && (clearInterval(timer), resolve(n)), 10);
    }));
    expect(ticks).toBe(5);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("a notebook whose page crashed while running opens without running, says why, and runs on Run", async () => {
    const page = await browser.newPage();
    await page.goto(`${url()}?loop-limit=1`);
    await waitForSettledCells(page);
    const crashed = page.waitForEvent("crash");
    const cdp = await page.context().newCDPSession(page);
    void cdp.send("Page.crash").catch(() => {});
    await crashed;

    const again = await browser.newPage();
    const log = record(again);
    await again.goto(`${url()}?loop-limit=1`);
    const banner = again.locator(".mapt-held");
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/stopped responding or crashed/);
    expect(await cellStatus(again, 3)).toBe("idle");
    expect(await again.evaluate(() => (window as unknown as {__other?: number}).__other)).toBeUndefined();
    await banner.getByRole("button", {name: "Run this notebook"}).click();
    await expect.poll(() => cellText(again, 3)).toBe("42");
    expect(log.errors).toEqual([]);
    // Closed normally, it runs at once next time.
    await again.close();
    const third = await browser.newPage();
    await third.goto(`${url()}?loop-limit=1`);
    await waitForSettledCells(third);
    expect(await cellText(third, 3)).toBe("42");
    expect(await third.locator(".mapt-held").count()).toBe(0);
  });
});
