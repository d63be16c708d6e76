import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {chromium, type BrowserContext, type Page} from "playwright-core";
import {inject} from "vitest";
import {chromiumArgs, findChromium, waitForSettledCells} from "../../src/cli/index.ts";

/** A fresh Chromium profile for one test file (installed browser; never downloaded). */
export async function openBrowser(options: {javaScriptEnabled?: boolean; hasTouch?: boolean} = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "mapt-profile-")), {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs,
    ...options
  });
}

/** Every request a page makes, and every uncaught page error. */
export function record(page: Page): {requests: string[]; errors: string[]} {
  const log = {requests: [] as string[], errors: [] as string[]};
  page.on("request", (request) => log.requests.push(request.url()));
  page.on("pageerror", (error) => log.errors.push(error.message));
  return log;
}

/** The text a cell shows: its error when it failed, else its output. */
export async function cellText(page: Page, id: number): Promise<string> {
  return page.locator(`#cell-${id}`).evaluate((e) => {
    const error = e.querySelector(".mapt-cell-error") as HTMLElement;
    return error.hidden ? (e.querySelector(".mapt-cell-output") as HTMLElement).innerText : error.innerText;
  });
}

/** A cell's status attribute (pending, running, fulfilled, error). */
export async function cellStatus(page: Page, id: number): Promise<string | undefined> {
  return page.locator(`#cell-${id}`).getAttribute("data-status").then((s) => s ?? undefined);
}

/**
 * Holds back the editing module's request (loaded when a reader page settles, or at the reader's
 * first Edit, E or drop) until `release()`: meanwhile the page has only its stand-ins. `asked()`
 * says whether the page has asked for it.
 */
export async function holdBackEditing(page: Page): Promise<{asked: () => boolean; release: () => void}> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/assets\/editing-[\w-]+\.js$/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return {asked: () => asked, release};
}

/**
 * Opens a built fixture page (`inject("fixturePages")`) until its cells settled: the page, its
 * request log, and the text of every script it requested by then (what a test reads to tell
 * whether some library's code came down).
 */
export async function openFixture(browser: BrowserContext, fixture: string): Promise<{page: Page; log: ReturnType<typeof record>; scripts: string[]}> {
  const page = await browser.newPage();
  const log = record(page);
  await page.goto(inject("siteUrl") + inject("fixturePages")[fixture]);
  await waitForSettledCells(page);
  const urls = log.requests.filter((url) => new URL(url).pathname.endsWith(".js"));
  const scripts = await Promise.all(urls.map((url) => page.request.get(url).then((response) => response.text())));
  return {page, log, scripts};
}
