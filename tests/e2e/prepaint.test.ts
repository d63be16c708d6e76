// Pre-painted charts on the production build (src/shared/prepaint.ts, src/cli/prepaint.ts): a
// shipped page shows its charts before any script runs; with scripts, each is replaced in place
// by its cell's live chart; a page that does not open as built never shows the build's charts.
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {encodeShareFragment} from "../../src/share/index.ts";
import {listNotebooks} from "../../src/vite/index.ts";
import {openBrowser} from "./browser.ts";

const root = path.resolve(import.meta.dirname, "../..");
const notebooks = listNotebooks(path.join(root, "notebooks")).map((file) => path.basename(file));
const pageUrl = (name: string) => `${inject("siteUrl")}notebooks/${name}`;
/** getting-started's chart of refugees over the years, drawn for the country its select (cell 3) names. */
const chart = "#cell-7 > .mapt-cell-output";

/**
 * Init script: records in `window.__seen` the title of every chart of cell 7 a reader could see
 * (in the output, not hidden, once the page's stylesheets have loaded: none is painted before),
 * looking at each change of the page and each frame, and in `window.__blank` whether that
 * output was ever empty after it first showed a chart.
 */
const watchChart = `
(() => {
  const seen = (window.__seen = []);
  window.__blank = false;
  let shown = false;
  const look = () => {
    const output = document.querySelector(${JSON.stringify(chart)});
    if (!output) return;
    const styled = [...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet !== null);
    const title = output.querySelector("figure h2");
    if (title && styled && getComputedStyle(output).visibility !== "hidden" && seen.at(-1) !== title.textContent) seen.push(title.textContent);
    if (title) shown = true;
    else if (shown && document.documentElement.dataset.maptReady === "true") window.__blank = true;
  };
  new MutationObserver(look).observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
  const everyFrame = () => (look(), requestAnimationFrame(everyFrame));
  requestAnimationFrame(everyFrame);
})();
`;

let scriptless: BrowserContext;
let scripted: BrowserContext;
beforeAll(async () => {
  scriptless = await openBrowser({javaScriptEnabled: false});
  scripted = await openBrowser();
});
afterAll(async () => {
  await scriptless?.close();
  await scripted?.close();
});

/** Runs `use` on a page of the scripted browser that watches cell 7's chart from the start, and closes it (an open page would answer the run marker's ping). */
async function withPage(use: (page: Page) => Promise<void>): Promise<void> {
  const page = await scripted.newPage();
  try {
    await page.addInitScript(watchChart);
    await use(page);
  } finally {
    await page.close();
  }
}

async function settled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  expect((await waitForSettledCells(page, 120_000)).failures).toEqual([]);
}

describe("pre-painted charts", () => {
  it("a built shipped notebook shows its charts with JavaScript off, as SVG in each chart cell's output", async () => {
    let charts = 0;
    for (const name of notebooks) {
      const page = await scriptless.newPage();
      await page.goto(pageUrl(name));
      const prepainted = page.locator(".mapt-cell > .mapt-cell-output[data-mapt-prepainted] svg");
      charts += await prepainted.count();
      await page.close();
    }
    expect(charts).toBeGreaterThan(0);
    const page = await scriptless.newPage();
    await page.goto(pageUrl("getting-started.html"));
    await expect.poll(() => page.locator(`${chart} figure h2`).innerText()).toContain("Syria");
    expect(await page.locator(`${chart} g[aria-label="line"] path`).isVisible()).toBe(true);
    await page.close();
  });

  it("the editing twin of a shipped notebook carries none of its pre-painted charts", async () => {
    const page = await (await fetch(pageUrl("getting-started.html"))).text();
    const twin = /<meta name="mapt-editing-page" content="([^"]+)">/.exec(page)?.[1];
    expect(twin).toBeDefined();
    expect(page).toContain("data-mapt-prepainted");
    const response = await fetch(new URL(twin!, pageUrl("getting-started.html")));
    expect(response.ok).toBe(true);
    const html = await response.text();
    expect(html).toContain('id="cell-7"');
    expect(html).not.toContain("data-mapt-prepainted");
    expect(html).not.toContain("prepaint-guard");
  });

  it("with JavaScript on, each pre-painted chart gives way in place to its live chart, which follows an input", async () => {
    await withPage(async (page) => {
      await settled(page, pageUrl("getting-started.html"));
      expect(await page.locator("[data-mapt-prepainted]").count()).toBe(0);
      expect(await page.locator(`${chart} figure h2`).innerText()).toContain("Syria");
      await page.locator("#cell-3 select").selectOption({label: "Kenya"});
      await expect.poll(() => page.locator(`${chart} figure h2`).innerText(), {timeout: 60_000}).toContain("Kenya");
      expect(await page.evaluate("window.__blank")).toBe(false);
    });
  });

  it("a share link with another input value never shows the build's chart for that cell", async () => {
    const fragment = await encodeShareFragment({inputs: {country: "KEN", since: 2000}, files: []});
    await withPage(async (page) => {
      await settled(page, `${pageUrl("getting-started.html")}#${fragment}`);
      await expect.poll(() => page.locator(`${chart} figure h2`).innerText()).toContain("Kenya");
      const seen = (await page.evaluate("window.__seen")) as string[];
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((title) => title.includes("Syria"))).toEqual([]);
    });
  });

  it("a page whose last run stopped opens without the build's charts", async () => {
    await withPage(async (page) => {
      await page.addInitScript(`localStorage.setItem("mapt:running:notebooks/getting-started.html", JSON.stringify({at: Date.now(), cells: []}))`);
      try {
        await page.goto(pageUrl("getting-started.html"));
        await page.getByRole("button", {name: "Run this notebook"}).waitFor();
        expect(await page.locator("#cell-7").getAttribute("data-status")).toBe("idle");
        expect(await page.locator(`${chart} svg`).count()).toBe(0);
        expect(await page.evaluate("window.__seen")).toEqual([]);
      } finally {
        await page.evaluate("localStorage.clear()");
      }
    });
  });
});
