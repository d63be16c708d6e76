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

/** Syria's refugee years from `since` on, read from the catalog's CSV (not through the app). */
function expectedYears(since: number): number[] {
  return readFileSync(path.join(root, "data/indicator_values.csv"), "utf8")
    .split("\n")
    .map((line) => line.split(","))
    .filter(([iso3, year, indicator]) => iso3 === "SYR" && indicator === "unhcr_refugees" && Number(year) >= since)
    .map(([, year]) => Number(year))
    .sort((a, b) => a - b);
}

/** The years the table of cell 3 shows. */
const shownYears = (page: Page) =>
  page.$$eval("#cell-3 tbody tr", (rows) =>
    rows.map((row) => Number([...(row as HTMLTableRowElement).cells].map((td) => td.textContent?.trim() ?? "").find((text) => /^\d{4}$/.test(text))))
  );

describe("a notebook exported to a single file with the database engine", () => {
  let result: ExportResult;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "mapt-export-engine-")), "exported.html");
    result = await exportNotebook({root, file: fixture, out, engine: true});
    browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
    // No network at all, and every request that is not the file itself refused.
    const context = await browser.newContext({offline: true});
    await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(pathToFileURL(out).href);
  }, 300_000);
  afterAll(async () => browser?.close());

  it("reports the engine and its tables among what takes the room", () => {
    expect(result.failures).toEqual([]);
    expect(result.size.total).toBe(statSync(result.out).size);
    // DuckDB's wasm alone is over 30 MB; compressed it is still most of the file.
    expect(result.size.engine).toBeGreaterThan(result.size.total / 2);
    expect(result.size.data).toBeGreaterThan(0);
  });

  it("opens from file:// offline with the exported results, then runs a query for a changed input on the engine it carries", async () => {
    expect((await waitForSettledCells(page, 60_000)).failures).toEqual([]);
    expect(await shownYears(page)).toEqual(expectedYears(2000).slice(0, (await shownYears(page)).length));
    expect(await page.locator(".mapt-export-banner").innerText()).toMatch(/database engine/);

    // 2010 was never recorded: the answer can only come from the engine in the file.
    const slider = page.locator("#cell-2 input[type=number]");
    await slider.fill("2010");
    await slider.press("Enter");
    // The engine starts now (unpacking and compiling 34 MB of wasm): generous deadlines for a busy machine.
    await expect.poll(() => page.locator("#cell-6 figure h2").innerText(), {timeout: 180_000}).toBe("Refugees from Syria since 2010");
    expect((await waitForSettledCells(page, 120_000)).failures).toEqual([]);
    const years = await shownYears(page);
    expect(years.length).toBeGreaterThan(3);
    expect(years).toEqual(expectedYears(2010).slice(0, years.length));
    expect(await page.locator(".mapt-export-notice").count()).toBe(0);
    expect(requests.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([pathToFileURL(result.out).href]);
    expect(errors).toEqual([]);
  }, 400_000);
});
