import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {exportNotebook, formatExportSize, waitForSettledCells, type ExportResult} from "../../src/cli/index.ts";
import {openBrowser, record} from "./browser.ts";

const root = path.resolve(import.meta.dirname, "../..");
const notebook = "syria-2011.html";

let browser: BrowserContext;
let result: ExportResult;
let exported: Page;
let exportedLog: ReturnType<typeof record>;
let live: Page;

/** Per cell id, how many charts (outermost SVGs) the cell shows, and their labels' text. */
async function charts(page: Page): Promise<Record<string, {count: number; text: string}>> {
  return page.evaluate(() => {
    const byCell: Record<string, {count: number; text: string}> = {};
    for (const svg of document.querySelectorAll(".mapt-cell:not([hidden]) > .mapt-cell-output svg")) {
      if (svg.parentElement?.closest("svg")) continue;
      const id = svg.closest<HTMLElement>(".mapt-cell")!.dataset.cellId!;
      const entry = (byCell[id] ??= {count: 0, text: ""});
      entry.count += 1;
      entry.text += svg.textContent;
    }
    return byCell;
  });
}

beforeAll(async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "mapt-export-test-")), "syria.html");
  result = await exportNotebook({root, file: path.join(root, "notebooks", notebook), out});
  browser = await openBrowser();
  live = await browser.newPage();
  await live.setViewportSize({width: 1024, height: 900});
  await live.goto(inject("siteUrl") + `notebooks/${notebook}`);
  await waitForSettledCells(live);
  // The exported file is opened from disk with the network off.
  await browser.setOffline(true);
  exported = await browser.newPage();
  await exported.setViewportSize({width: 1024, height: 900});
  exportedLog = record(exported);
  await exported.goto(pathToFileURL(result.out).href);
});
afterAll(async () => browser?.close());

describe("mapt export", () => {
  it("exportNotebook writes one file, small enough to mail, of a notebook whose cells all ran", () => {
    expect(result.failures).toEqual([]);
    expect(result.pageErrors).toEqual([]);
    expect(result.bytes).toBe(readFileSync(result.out).byteLength);
    expect(result.bytes).toBeLessThan(5_000_000);
  });

  it("the export says what takes the room: charts, tables, styles and images, within the file's size", () => {
    const {charts, tables, styles, images} = result.parts;
    expect(charts).toBeGreaterThan(0);
    expect(tables).toBeGreaterThan(0);
    expect(styles).toBeGreaterThan(0);
    expect(charts + tables + styles + images).toBeLessThanOrEqual(result.bytes);
    expect(formatExportSize(result)).toMatch(/^\d+\.\d MB: charts \d+ kB, tables \d+ kB, styles \d+ kB, images \d+ kB, text and markup \d+ kB$/);
  });

  it("the exported file opens from disk offline, runs no script and requests nothing but itself", async () => {
    expect(await exported.evaluate(() => document.scripts.length)).toBe(0);
    expect(exportedLog.requests).toEqual([pathToFileURL(result.out).href]);
    expect(exportedLog.errors).toEqual([]);
  });

  it("the exported file shows every chart of the notebook, with the same marks' labels, drawn on screen", async () => {
    const expected = await charts(live);
    expect(Object.keys(expected).length).toBeGreaterThan(3);
    expect(await charts(exported)).toEqual(expected);
    const undrawn = await exported.evaluate(() =>
      [...document.querySelectorAll(".mapt-cell:not([hidden]) > .mapt-cell-output svg")].filter((svg) => svg.getBoundingClientRect().width === 0).length
    );
    expect(undrawn).toBe(0);
  });

  it("the exported file says where and when it came from and which interactions need the full app", async () => {
    const notice = await exported.locator(".mapt-export-notice").innerText();
    expect(notice).toContain(`from notebooks/${notebook}`);
    expect(notice).toMatch(/Exported on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(notice).toContain("Needs the full app");
    const inputs = await live.locator(".mapt-cell:not([hidden]) > .mapt-cell-output input").count();
    expect(inputs).toBeGreaterThan(0);
    expect(await exported.locator(".mapt-cell-output input:not([disabled])").count()).toBe(0);
  });
});
