import {readFileSync} from "node:fs";
import {csvParseRows} from "d3";
import {parquetReadObjects} from "hyparquet";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser, record} from "./browser.ts";

let browser: BrowserContext;
let page: Page;
let log: ReturnType<typeof record>;
beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.newPage();
  log = record(page);
  await page.goto(inject("siteUrl") + inject("fixturePages")["downloads.html"]);
  await waitForSettledCells(page);
  await page.waitForFunction(() => document.documentElement.dataset.maptDownloads === "ready");
  // The network goes away once the page has loaded: every download must work offline.
  await browser.setOffline(true);
});
afterAll(async () => browser?.close());

/** Opens cell `id`'s Export menu and picks the item for `format`; returns the downloaded file's bytes and name. */
async function download(id: number, format: string): Promise<{bytes: Buffer; name: string}> {
  await page.locator(`#cell-${id}`).hover();
  await page.locator(`#cell-${id} .mapt-downloads-button`).click();
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`#cell-${id} [role=menuitem][data-format="${format}"]`).first().click()]);
  return {bytes: readFileSync((await file.path())!), name: file.suggestedFilename()};
}

/** The SQL result's rows as DuckDB returned them to the page (cell 2 shows them as JSON). */
async function duckdbRows(): Promise<Array<Record<string, unknown>>> {
  return JSON.parse(await cellText(page, 2));
}

/** A row's value as the CSV must write it: missing as empty, DuckDB's dates (ms since 1970) as YYYY-MM-DD. */
function csvText(column: string, value: unknown): string {
  if (value === null || value === undefined) return "";
  return column === "day" ? new Date(value as number).toISOString().slice(0, 10) : String(value);
}

describe("chart and table downloads", () => {
  it("Download CSV of a SQL result writes DuckDB's rows, quoted where needed", async () => {
    const {bytes, name} = await download(1, "csv");
    expect(name).toMatch(/\.csv$/);
    const [header, ...rows] = csvParseRows(bytes.toString("utf8"));
    const expected = await duckdbRows();
    expect(header).toEqual(Object.keys(expected[0]!));
    expect(rows).toEqual(expected.map((row) => header!.map((column) => csvText(column, row[column]))));
    expect(log.errors).toEqual([]);
  });

  it("Download Parquet of a SQL result writes the same rows and column types", async () => {
    const {bytes} = await download(1, "parquet");
    const file = new Uint8Array(bytes).buffer;
    const read = await parquetReadObjects({file});
    const expected = await duckdbRows();
    expect(read.map((row) => row.name)).toEqual(expected.map((row) => row.name));
    expect(read.map((row) => row.score)).toEqual(expected.map((row) => row.score));
    const big = (value: unknown) => (value === null ? null : Number(value));
    expect(read.map((row) => big(row.big))).toEqual(expected.map((row) => big(row.big)));
    expect(read.map((row) => (row.day === null ? null : (row.day as Date).toISOString().slice(0, 10)))).toEqual(expected.map((row) => csvText("day", row.day) || null));
  });

  it("Download CSV of an Inputs.table writes its data in the columns it shows", async () => {
    const {bytes} = await download(4, "csv");
    const shown = await page.locator("#cell-4 table thead th").evaluateAll((cells) => cells.map((c) => c.textContent!.trim()).filter(Boolean));
    const bodyRows = await page.locator("#cell-4 table tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].slice(1).map((c) => c.textContent!.trim())));
    const [header, ...rows] = csvParseRows(bytes.toString("utf8"));
    expect(header).toEqual(shown);
    expect(rows).toEqual(bodyRows);
  });

  it("Download SVG of a Plot figure holds its marks, title, legend and caption", async () => {
    const {bytes, name} = await download(3, "svg");
    expect(name).toMatch(/scores-by-place\.svg$/);
    const svg = bytes.toString("utf8");
    const onPage = await page.locator("#cell-3 figure").evaluate((figure) => ({
      bars: figure.querySelectorAll('g[aria-label="bar"] rect').length,
      title: figure.querySelector("h2")!.textContent!,
      caption: figure.querySelector("figcaption")!.textContent!,
      legend: [...figure.querySelectorAll("span[class$='-swatch']")].map((s) => s.textContent!.trim()).filter(Boolean)
    }));
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        bars: doc.querySelectorAll('g[aria-label="bar"] rect').length,
        texts: [...doc.querySelectorAll(":root > text")].map((t) => t.textContent)
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(onPage.bars).toBeGreaterThan(0);
    expect(parsed.bars).toBe(onPage.bars);
    const text = parsed.texts.join(" ");
    expect(text).toContain(onPage.title);
    expect(text).toContain(onPage.caption);
    expect(onPage.legend.length).toBeGreaterThan(0);
    for (const label of onPage.legend) expect(text).toContain(label);
  });

  it("Download PNG of a Plot figure is a PNG twice the figure's size", async () => {
    const {bytes} = await download(3, "png");
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.toString("latin1", 12, 16)).toBe("IHDR");
    const size = await page.locator("#cell-3 figure").evaluate((figure) => {
      const rect = figure.getBoundingClientRect();
      return {width: Math.ceil(rect.width), height: Math.ceil(rect.height)};
    });
    expect({width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)}).toEqual({width: 2 * size.width, height: 2 * size.height});
  });

  it("the Export menu of a chart is reached and used with the keyboard alone", async () => {
    await page.mouse.move(0, 0);
    const button = page.locator("#cell-3 .mapt-downloads-button");
    await button.focus();
    expect(await button.evaluate((b) => getComputedStyle(b).opacity)).toBe("1");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset.format)).toBe("svg");
    await page.keyboard.press("ArrowDown");
    const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(file.suggestedFilename()).toMatch(/\.png$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("mapt-downloads-button");
  });
});
