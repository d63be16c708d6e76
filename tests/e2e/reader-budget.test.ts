// The reader's JavaScript budget (issue 13): what the main thread of each shipped notebook's
// built page downloads until its last cell settled, gzip-compressed as a static host would send
// it. A size, not a timing: it fails when a change makes a reader page download more.
import path from "node:path";
import {gzipSync} from "node:zlib";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {listNotebooks} from "../../src/vite/index.ts";
import {openBrowser} from "./browser.ts";

/** The budget of main-thread JavaScript per reader page, gzip. */
const BUDGET = 200 * 1024;

const notebooks = listNotebooks(path.resolve(import.meta.dirname, "../../notebooks")).map((file) => path.basename(file));

// Before any of the page's scripts: the moment the last cell settled (the last time the page
// went from a cell pending or running to none, once the notebook started).
const settleProbe = `
(() => {
  let busy = true;
  new MutationObserver(() => {
    const started = document.documentElement.dataset.maptReady === "true";
    const now = !started || document.querySelector('.mapt-cell[data-status="pending"], .mapt-cell[data-status="running"]') !== null;
    if (busy && !now) window.__maptSettledAt = performance.now();
    busy = now;
  }).observe(document, {childList: true, subtree: true, attributes: true, attributeFilter: ["data-status", "data-mapt-ready"]});
})();
`;

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** The scripts the page's main thread requested until its last cell settled, each with its gzip size. */
async function startScripts(url: string): Promise<Array<{path: string; gzip: number}>> {
  const page = await browser.newPage();
  await page.addInitScript({content: settleProbe});
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && response.ok()) bodies.set(response.url(), response.body());
  });
  await page.goto(url);
  const outcome = await waitForSettledCells(page, 180_000);
  expect(outcome.failures).toEqual([]);
  // Resource timing says when each request started; what came after the settle (the download
  // formats fetched at idle, say) is not part of opening the page.
  const early = (await page.evaluate(
    `performance.getEntriesByType("resource").filter((entry) => entry.startTime <= window.__maptSettledAt).map((entry) => entry.name)`
  )) as string[];
  const scripts = await Promise.all(
    [...bodies].filter(([url]) => early.includes(url)).map(async ([url, body]) => ({path: new URL(url).pathname, gzip: gzipSync(await body, {level: 9}).length}))
  );
  await page.close();
  return scripts.sort((a, b) => b.gzip - a.gzip);
}

describe("reader JavaScript budget", () => {
  it.each(notebooks)("%s loads at most 200 kB gzip of main-thread JavaScript until its cells settled", async (name) => {
    const scripts = await startScripts(`${inject("siteUrl")}notebooks/${name}`);
    // The page's own module and the reader are among them: the measure saw the page's scripts.
    expect(scripts.some((script) => /\/reader-[\w-]+\.js$/.test(script.path))).toBe(true);
    const total = scripts.reduce((sum, script) => sum + script.gzip, 0);
    const largest = scripts.slice(0, 8).map((script) => `${(script.gzip / 1024).toFixed(1)} kB ${script.path}`).join(", ");
    expect(total, `${name}: ${(total / 1024).toFixed(1)} kB gzip; largest: ${largest}`).toBeLessThanOrEqual(BUDGET);
  });
});
