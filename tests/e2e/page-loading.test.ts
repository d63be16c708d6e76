// What a reader's browser downloads, and in which order, on the production build: DuckDB starts
// before the notebook's JavaScript, and libraries come only with the cells that need them.
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {openBrowser} from "./browser.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

// Text only each library's own code has: a chunk holding it is that library.
const KATEX = "KaTeX parse error";
const MARKDOWN_IT = "Input data should be a String";

interface Loaded {
  /** Every request, in the order the page made it. */
  requests: string[];
  /** The script responses, with their text. */
  scripts: Array<{url: string; text: string}>;
}

/** Opens `url` in a fresh page, waits until every cell settled, and returns what it loaded. */
async function open(url: string): Promise<Loaded & {page: Page}> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const scripts: Array<Promise<{url: string; text: string}>> = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().then((text) => ({url: response.url(), text})));
  });
  await page.goto(url);
  const outcome = await waitForSettledCells(page, 120_000);
  expect(outcome.failures).toEqual([]);
  return {page, requests, scripts: await Promise.all(scripts)};
}

const loads = (loaded: Loaded, marker: string) => loaded.scripts.some(({text}) => text.includes(marker));
const shipped = (name: string) => `${inject("siteUrl")}notebooks/${name}`;
const fixture = (name: string) => inject("siteUrl") + inject("fixturePages")[name]!;

describe("a reader page's downloads", () => {
  it("a notebook that queries launches DuckDB's worker before it asks for the notebook's own modules", async () => {
    const {page, requests} = await open(shipped("syria-2011.html"));
    const worker = requests.findIndex((url) => /duckdb-browser-eh\.worker[^/]*\.js$/.test(url));
    const reader = requests.findIndex((url) => /\/reader-[\w-]+\.js$/.test(url));
    const wasm = requests.findIndex((url) => /duckdb-eh[^/]*\.wasm$/.test(url));
    expect(worker).toBeGreaterThanOrEqual(0);
    expect(reader).toBeGreaterThanOrEqual(0);
    expect(wasm).toBeGreaterThan(worker);
    // DuckDB's worker starts (from a blob: URL that loads its script, so it inherits the page's
    // policy) before the page asks for the notebook's reader module.
    const [launch, readerFetch] = await page.evaluate(() => [
      performance.getEntriesByName("mapt:duckdb-launch")[0]?.startTime,
      performance.getEntriesByType("resource").find((entry) => /\/reader-[\w-]+\.js$/.test(entry.name))?.startTime
    ]);
    expect(launch).toBeGreaterThan(0);
    expect(launch!).toBeLessThan(readerFetch!);
    await page.close();
  });

  it("a notebook without a TeX cell never downloads KaTeX; one with a TeX cell does", async () => {
    const withoutTex = await open(shipped("syria-2011.html"));
    expect(loads(withoutTex, KATEX)).toBe(false);
    await withoutTex.page.close();
    // A TeX cell with a value in it renders in the page, with KaTeX.
    const withTex = await open(fixture("tex.html"));
    expect(await withTex.page.locator("#cell-3 .katex").count()).toBe(1);
    expect(await withTex.page.locator("#cell-3 .katex-mathml annotation").textContent()).toBe("x^{5}");
    expect(loads(withTex, KATEX)).toBe(true);
    await withTex.page.close();
  });

  it("TeX without a value in it is rendered by the build: the math shows, styled, and KaTeX is never downloaded", async () => {
    const {page, scripts} = await open(shipped("getting-started.html"));
    const math = page.locator("#cell-14 .katex-display");
    expect(await math.locator(".katex-mathml annotation").textContent()).toMatch(/\\text\{change\}_t = /);
    // KaTeX's stylesheet is in the page: its MathML copy is for screen readers only, hidden on screen.
    expect(await math.locator(".katex-mathml").evaluate((element) => getComputedStyle(element).position)).toBe("absolute");
    expect(scripts.some(({text}) => text.includes(KATEX))).toBe(false);
    await page.close();
  });

  it("Markdown is rendered by the build, with or without live values: no page downloads markdown-it for it", async () => {
    const staticOnly = await open(fixture("show-code.html"));
    expect(await staticOnly.page.locator("#cell-1 h1").innerText()).toBe("Show code fixture");
    expect(loads(staticOnly, MARKDOWN_IT)).toBe(false);
    await staticOnly.page.close();
    // An interpolated Markdown cell was rendered with a slot per value; the page fills them.
    const interpolated = await open(fixture("reactive.html"));
    await expect.poll(() => interpolated.page.locator("#cell-5").innerText()).toMatch(/There are 5 bars/);
    expect(loads(interpolated, MARKDOWN_IT)).toBe(false);
    await interpolated.page.close();
  });

  it("a notebook that never queries never downloads DuckDB", async () => {
    const {page, requests} = await open(fixture("show-code.html"));
    expect(requests.filter((url) => /duckdb/.test(url))).toEqual([]);
    await page.close();
  });
});
