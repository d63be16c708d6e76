// The reader's JavaScript budget (issue 13): what the main thread of each shipped notebook's
// built page downloads until its last cell settled, gzip-compressed as a static host would send
// it, counted as `npm run bench` counts it (bench/mainThreadScripts.ts). A size, not a timing: it
// fails when a change makes a reader page download more. Measured on a build of the shipped
// notebooks alone, as `npm run build` and `npm run bench:budget` build them: the other end-to-end
// tests' build adds the fixture notebooks, whose code joins the chunks the pages share.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {READER_JS_BUDGET, gzipTotal, recordMainThreadScripts} from "../../bench/mainThreadScripts.ts";
import {probeScript} from "../../bench/probe.ts";
import {buildSite, serveStatic, waitForSettledCells} from "../../src/cli/index.ts";
import {listNotebooks} from "../../src/vite/index.ts";
import {openBrowser} from "./browser.ts";

const root = path.resolve(import.meta.dirname, "../..");
// Every shipped notebook, getting-started's Arquero cells included.
const files = listNotebooks(path.join(root, "notebooks"));
const notebooks = files.map((file) => path.basename(file));

let browser: BrowserContext;
let site: {url: string; close: () => Promise<void>; dir: string};
beforeAll(async () => {
  // With result snapshots, as `npm run build` ships the pages.
  const built = await buildSite(root, mkdtempSync(path.join(tmpdir(), "mapt-budget-")), files, {snapshots: true});
  const server = await serveStatic(built.dir);
  site = {url: server.url, close: () => server.close(), dir: built.dir};
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (site) rmSync(site.dir, {recursive: true, force: true});
});

describe("reader JavaScript budget", () => {
  it.each(notebooks)("%s loads at most 200 kB gzip of main-thread JavaScript until its cells settled", async (name) => {
    const page = await browser.newPage();
    await page.addInitScript({content: probeScript});
    const recorder = recordMainThreadScripts(page);
    await page.goto(`${site.url}notebooks/${name}`);
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
