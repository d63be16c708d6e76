import {readFileSync} from "node:fs";
import path from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {compileCell} from "../../src/compiler/index.ts";
import {readNotebook} from "../../src/notebook/index.ts";
import {chartBuiltins} from "../../src/stdlib/index.ts";
import {listNotebooks} from "../../src/vite/index.ts";
import {openBrowser, record} from "./browser.ts";
import {catalogDescriptionMarker} from "./catalog.ts";

const root = path.resolve(import.meta.dirname, "../..");
const notebooks = listNotebooks(path.join(root, "notebooks"));

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

describe("the shipped notebooks", () => {
  it("there is at least one notebook, getting-started among them", () => {
    expect(notebooks.map((f) => path.basename(f))).toContain("getting-started.html");
  });

  it("the index page lists every notebook with its title and first paragraph", async () => {
    const page = await browser.newPage();
    await page.goto(inject("siteUrl"));
    const titles = await page.locator(".mapt-notebook-link a").allInnerTexts();
    expect(titles).toEqual(notebooks.map((f) => readNotebook(readFileSync(f, "utf8")).notebook.title));
    const descriptions = await page.locator(".mapt-notebook-link p").count();
    expect(descriptions).toBe(notebooks.length);
    await page.locator(".mapt-notebook-link a", {hasText: "Getting started"}).click();
    await expect.poll(() => page.url()).toMatch(/notebooks\/getting-started\.html$/);
  });

  it("static Markdown is in the page itself: its text shows with JavaScript turned off", async () => {
    const context = await openBrowser({javaScriptEnabled: false});
    try {
      const page = await context.newPage();
      await page.goto(`${inject("siteUrl")}notebooks/getting-started.html`);
      expect(await page.locator("#cell-1 h1").innerText()).toBe("Getting started");
      expect(await page.locator("#cell-2 h2").innerText()).toBe("Inputs and JavaScript cells");
    } finally {
      await context.close();
    }
  });

  it("a reader never downloads the compiler, the editor or acorn (its aq cells included)", async () => {
    const page = await browser.newPage();
    const scripts: Array<Promise<{url: string; text: string}>> = [];
    page.on("response", (response) => {
      // A script that arrives after the test closed the page (the page settles from its result
      // snapshots, before its idle-time chunks load) has no text to read: it was not awaited.
      if (response.request().resourceType() === "script") scripts.push(response.text().then((text) => ({url: response.url(), text}), () => ({url: response.url(), text: ""})));
    });
    await page.goto(`${inject("siteUrl")}notebooks/getting-started.html`);
    await waitForSettledCells(page);
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    // A message only the cell compiler has, one only CodeMirror's state module has, and one only
    // acorn has (Arquero's expressions and their generated code are read by src/stdlib/js-parser.ts).
    const markers = ["Unknown cell type", "Unrecognized extension value", "'import' and 'export' may appear only with 'sourceType: module'"];
    const offending = loaded.flatMap(({url, text}) => markers.filter((m) => text.includes(m)).map((m) => `${url.split("/").pop()}: ${m}`));
    expect(offending).toEqual([]);
    // The catalog's descriptions, units and sources come with the editor's data panel only.
    expect(loaded.filter(({text}) => text.includes(catalogDescriptionMarker)).map(({url}) => url)).toEqual([]);
    await page.close();
  });

  it("a case chart opens each event's details in a Plot tip from the keyboard", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("siteUrl")}notebooks/kenya-2007-08.html`);
    await waitForSettledCells(page, 90_000);
    const lanes = page.locator("figure.mapt-chart > svg[tabindex]").first();
    await lanes.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const tip = lanes.locator('g[aria-label="tip"] > g');
    await expect.poll(() => tip.evaluate((g) => getComputedStyle(g).visibility)).toBe("visible");
    const text = await tip.evaluate((g) => g.textContent!.replaceAll("\u200b", "\n"));
    expect(text).toMatch(/Source: \S/);
    // Screen readers hear what the tip shows (the tip wraps long lines, so compare without spacing).
    const announced = await lanes.locator("xpath=..").locator('[aria-live="polite"]').textContent();
    const squeeze = (s: string) => s.replace(/[\s\u200b]/g, "");
    expect(squeeze(announced!)).toBe(squeeze(text));
    await page.keyboard.press("Escape");
    await expect.poll(() => tip.count()).toBe(0);
    await page.close();
  });

  it("a case chart opens an event's details in a Plot tip on a tap", async () => {
    const context = await openBrowser({hasTouch: true});
    try {
      const page = await context.newPage();
      await page.goto(`${inject("siteUrl")}notebooks/kenya-2007-08.html`);
      await waitForSettledCells(page, 90_000);
      const lanes = page.locator("figure.mapt-chart > svg[tabindex]").first();
      await lanes.scrollIntoViewIfNeeded();
      await lanes.locator('g[aria-label="dot"] path').first().tap();
      const tip = lanes.locator('g[aria-label="tip"] > g');
      await expect.poll(() => tip.first().evaluate((g) => getComputedStyle(g).visibility)).toBe("visible");
      expect(await tip.first().evaluate((g) => g.textContent)).toMatch(/Source: \S/);
    } finally {
      await context.close();
    }
  });

  for (const file of notebooks) {
    const name = path.basename(file);
    it(`${name} opens with every cell fulfilled, its charts drawn, and no request leaving the origin`, async () => {
      const page = await browser.newPage();
      const log = record(page);
      await page.goto(`${inject("siteUrl")}notebooks/${name}`);
      const outcome = await waitForSettledCells(page, 90_000);
      expect(outcome.failures).toEqual([]);
      expect(outcome.cells).toBeGreaterThan(0);
      expect(await page.locator(".mapt-bar .mapt-show-code-button").count(), "the Show all code switch is in the page bar").toBe(1);
      const charts = readNotebook(readFileSync(file, "utf8")).notebook.cells
        .map((cell) => compileCell(cell))
        .filter((cell) => cell.inputs.some((name) => chartBuiltins.has(name)));
      for (const cell of charts) {
        expect(await page.locator(`#cell-${cell.id} svg`).count(), `cell ${cell.id} draws a chart`).toBeGreaterThan(0);
      }
      const unlabelled = await page.$$eval(".mapt-cell", (cells) =>
        cells
          .filter((cell) => cell.querySelector(".mapt-cell-output svg"))
          .filter((cell) => {
            const output = cell.querySelector(".mapt-cell-output")!;
            const title = output.querySelector("figure > h2, .mapt-chart-title")?.textContent?.trim();
            const source = [...output.querySelectorAll("figcaption")].some((c) => /source/i.test(c.textContent ?? ""));
            const alt = output.querySelector("svg[aria-description], .mapt-sr-only, svg[aria-label]");
            return !(title && source && alt);
          })
          .map((cell) => cell.id)
      );
      expect(unlabelled, "every chart has a title, a source line and a text alternative").toEqual([]);
      const misaligned = await page.$$eval(".mapt-cell-output figure.mapt-chart", (figures) =>
        figures.flatMap((figure) => {
          // The panels with a time axis (a legend, if any, has none).
          const svgs = [...figure.querySelectorAll("svg")].filter((svg) => svg.querySelector('g[aria-label="x-axis tick label"]'));
          const where = `${figure.closest(".mapt-cell")!.id} "${figure.querySelector(".mapt-chart-title")?.textContent}"`;
          // A chart with event lanes must have them and its series on two time axes to compare.
          const hasLanes = figure.querySelector('svg[aria-label*=": events by kind"]') !== null;
          if (svgs.length < 2) return hasLanes ? [`${where}: event lanes without two time axes to compare`] : [];
          // Each year label's centre on screen, in the event lanes (first panel) and under the series (last).
          const ticks = (svg: Element) => new Map([...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => {
            const box = t.getBoundingClientRect();
            return [t.textContent, box.left + box.width / 2] as const;
          }));
          const lanes = ticks(svgs[0]!);
          const series = ticks(svgs.at(-1)!);
          const shared = [...lanes.keys()].filter((label) => series.has(label));
          if (!shared.length) return [`${where}: no year labelled on both panels`];
          return shared.filter((label) => Math.abs(lanes.get(label)! - series.get(label)!) > 0.5)
            .map((label) => `${where}: ${label} at ${lanes.get(label)!.toFixed(1)} px in the lanes, ${series.get(label)!.toFixed(1)} px under the series`);
        })
      );
      expect(misaligned, "event lanes and series share one x scale on screen").toEqual([]);
      const indented = await page.$$eval(".mapt-cell-output", (outputs) =>
        outputs.flatMap((output) => [...output.querySelectorAll(":scope > figure")]
          .filter((figure) => figure.querySelector("svg") && Math.abs(figure.getBoundingClientRect().left - output.getBoundingClientRect().left) > 1)
          .map((figure) => `${output.parentElement!.id}: "${figure.querySelector("h2, .mapt-chart-title")?.textContent}"`))
      );
      expect(indented, "charts sit flush with the text").toEqual([]);
      const broken = await page.$$eval(".mapt-cell-output", (outputs) =>
        outputs.flatMap((output) => {
          const text = (output as HTMLElement).innerText;
          const found = text.match(/\bundefined\b|\bNaN\b|\[object Object\]|Invalid Date/);
          return found ? [`${output.parentElement!.id}: "${found[0]}" in "${text.slice(Math.max(0, found.index! - 40), found.index! + 40)}"`] : [];
        })
      );
      expect(broken, "no cell shows a missing value where a figure or text should be").toEqual([]);
      const origin = new URL(inject("siteUrl")).origin;
      expect(log.requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url))).toEqual([]);
      expect(log.errors).toEqual([]);
      await page.close();
    });
  }
});
