// The reader's JavaScript budget (issue 13): what the main thread of each shipped notebook's
// built page downloads until its last cell settled, gzip-compressed as a static host would send
// it, counted as `npm run bench` counts it (bench/mainThreadScripts.ts). A size, not a timing: it
// fails when a change makes a reader page download more.
import path from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {READER_JS_BUDGET, gzipTotal, recordMainThreadScripts} from "../../bench/mainThreadScripts.ts";
import {probeScript} from "../../bench/probe.ts";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {listNotebooks} from "../../src/vite/index.ts";
import {openBrowser} from "./browser.ts";

// Every shipped notebook, getting-started's Arquero cells included.
const notebooks = listNotebooks(path.resolve(import.meta.dirname, "../../notebooks")).map((file) => path.basename(file));

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

describe("reader JavaScript budget", () => {
  it.each(notebooks)("%s loads at most 200 kB gzip of main-thread JavaScript until its cells settled", async (name) => {
    const page = await browser.newPage();
    await page.addInitScript({content: probeScript});
    const recorder = recordMainThreadScripts(page);
    await page.goto(`${inject("siteUrl")}notebooks/${name}`);
    expect((await waitForSettledCells(page, 180_000)).failures).toEqual([]);
    const scripts = await recorder.until("window.__bench.settled");
    await page.close();
    // The reader is among them: the count saw the page's own scripts.
    expect(scripts.some((script) => /\/reader-[\w-]+\.js$/.test(script.path))).toBe(true);
    const total = gzipTotal(scripts);
    const largest = scripts.slice(0, 8).map((script) => `${(script.gzip / 1024).toFixed(1)} kB ${script.path}`).join(", ");
    expect(total, `${name}: ${(total / 1024).toFixed(1)} kB gzip; largest: ${largest}`).toBeLessThanOrEqual(READER_JS_BUDGET);
  });
});
