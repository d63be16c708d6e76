import {mkdtempSync, readFileSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {chromiumArgs, findChromium, waitForSettledCells} from "../../src/cli/index.ts";
import {exportNotebook, type ExportResult} from "../../src/cli/export.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(import.meta.dirname, "fixtures/export/export.html");

/** Syria's refugee years from 2000 on, read from the catalog's CSV (not through the app). */
function expectedYears(): number[] {
  return readFileSync(path.join(root, "data/indicator_values.csv"), "utf8")
    .split("\n")
    .map((line) => line.split(","))
    .filter(([iso3, year, indicator]) => iso3 === "SYR" && indicator === "unhcr_refugees" && Number(year) >= 2000)
    .map(([, year]) => Number(year))
    .sort((a, b) => a - b);
}

describe("a notebook exported to a single file", () => {
  let result: ExportResult;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "mapt-export-test-")), "exported.html");
    result = await exportNotebook({root, file: fixture, out});
    browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
    // No network at all: the file must open from disk on its own.
    const context = await browser.newContext({offline: true});
    page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(pathToFileURL(out).href);
  }, 300_000);
  afterAll(async () => browser?.close());

  it("is one file, well under what a mail system accepts, holding the query results of the export", () => {
    expect(result.failures).toEqual([]);
    expect(statSync(result.out).size).toBeLessThan(5_000_000);
    expect(result.size.total).toBe(statSync(result.out).size);
    expect(result.queries).toBeGreaterThan(0);
  });

  it("opens from file:// with no network: every cell settles, the chart and the table show the data, nothing else is requested", async () => {
    const outcome = await waitForSettledCells(page, 60_000);
    expect(outcome.failures).toEqual([]);
    expect(await page.locator("#cell-6 figure h2").innerText()).toBe("Refugees from Syria since 2000");
    expect(await page.locator("#cell-6 svg path").count()).toBeGreaterThan(0);
    const shownYears = await page.$$eval("#cell-3 tbody tr", (rows) => rows.map((row) => Number([...(row as HTMLTableRowElement).cells].map((td) => td.textContent?.trim() ?? "").find((text) => /^\d{4}$/.test(text)))));
    expect(shownYears.length).toBeGreaterThan(5);
    expect(shownYears).toEqual(expectedYears().slice(0, shownYears.length));
    expect(await page.locator(".mapt-export-banner").innerText()).toMatch(/Exported .* from export\.html/);
    expect(requests.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([pathToFileURL(result.out).href]);
    expect(errors).toEqual([]);
  });

  it("inputs that only use frozen data still work; an input that changes a query says that needs the full app", async () => {
    await waitForSettledCells(page, 60_000);
    await page.locator("#cell-4 select").selectOption("Syria");
    await expect.poll(() => page.locator("#cell-5 .picked").innerText()).toBe("Syria: 4");
    expect(await page.locator(".mapt-export-notice").count()).toBe(0);

    const slider = page.locator("#cell-2 input[type=number]");
    await slider.fill("2010");
    await slider.press("Enter");
    await page.locator(".mapt-export-notice").waitFor();
    expect(await page.locator(".mapt-export-notice").innerText()).toMatch(/needs the full app/);
    expect(errors).toEqual([]);
  });
});
