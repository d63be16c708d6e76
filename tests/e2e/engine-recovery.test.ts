import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";
import {cellWithSource, dropFiles, editorText, openEditing, typeInCell} from "./editor.ts";

// Test data, not case figures: a small table a user attaches.
const attachedCsv = "year,incidents\n2011,3\n2012,5\n2013,8\n";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const url = () => `${inject("siteUrl")}notebooks/getting-started.html`;

/** Counts the ticks of a page timer from now on (the page answers while DuckDB recovers). */
const startTicking = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {__ticks: number};
    w.__ticks = 0;
    setInterval(() => w.__ticks++, 20);
  });
const ticks = (page: Page) => page.evaluate(() => (window as unknown as {__ticks: number}).__ticks);

/** Marks what a cell shows now, so the test can tell that it was drawn again. */
const markOutput = (page: Page, id: number) =>
  page.locator(`#cell-${id} .mapt-cell-output > *`).first().evaluate((e) => ((e as HTMLElement).dataset.beforeFault = "yes"));
const drawnAgain = (page: Page, id: number) => page.locator(`#cell-${id} .mapt-cell-output [data-before-fault]`).count().then((n) => n === 0);

/** Adds a SQL cell below cell `below` running `sql`; its id. */
async function addSqlCell(page: Page, below: number, sql: string): Promise<number> {
  await page.locator(`#cell-${below}`).focus();
  await page.keyboard.press("Escape");
  await page.keyboard.press("b");
  const id = await page.locator(`#cell-${below} + .mapt-cell`).getAttribute("data-cell-id").then(Number);
  await page.locator(`#cell-${id} .cm-editor`).waitFor();
  await page.keyboard.press("Escape");
  await page.keyboard.press("s");
  await typeInCell(page, id, sql);
  await page.keyboard.press("ControlOrMeta+Enter");
  return id;
}

describe("a DuckDB engine that fails is replaced", () => {
  it("a crashed worker: the page says so, starts a new DuckDB, and the SQL cells (catalog and attached file) show their rows again; edits are kept", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await openEditing(page, url());
    await expect.poll(() => cellStatus(page, 5), {timeout: 60_000}).toBe("fulfilled");
    const refugees = await cellText(page, 5);
    expect(refugees).toMatch(/refugees/);

    await dropFiles(page, [{name: "incidents.csv", text: attachedCsv, type: "text/csv"}]);
    const attached = await cellWithSource(page, 'FileAttachment("incidents.csv")');
    const mine = await addSqlCell(page, attached, "SELECT sum(incidents) AS total FROM incidents");
    await expect.poll(() => cellText(page, mine), {timeout: 60_000}).toMatch(/total\s+16/);

    // An edit not run yet, made before the fault.
    const edited = 'const country = view(Inputs.select(new Map([["Kenya", "KEN"]]), {label: "Edited, not run"}));';
    await typeInCell(page, 3, edited);
    await expect.poll(() => cellStatus(page, 3)).toBe("stale");

    await markOutput(page, 5);
    await markOutput(page, mine);
    await startTicking(page);
    const before = await ticks(page);
    await page.evaluate(() => (window as unknown as {__maptTestOnlyCrashDuckDBWorker(): void}).__maptTestOnlyCrashDuckDBWorker());

    const notice = page.locator(".mapt-engine-notice[data-report=restarted]");
    await notice.waitFor({timeout: 120_000});
    expect(await notice.innerText()).toMatch(/DuckDB's worker crashed.*replaced it.*SQL cells ran again.*edits are kept/);
    await expect.poll(() => drawnAgain(page, 5), {timeout: 60_000}).toBe(true);
    await expect.poll(() => cellStatus(page, 5), {timeout: 60_000}).toBe("fulfilled");
    expect(await cellText(page, 5)).toBe(refugees);
    await expect.poll(() => drawnAgain(page, mine), {timeout: 60_000}).toBe(true);
    await expect.poll(() => cellText(page, mine), {timeout: 60_000}).toMatch(/total\s+16/);

    // The attached file is a table of the new engine: a new query reads it.
    const again = await addSqlCell(page, mine, "SELECT count(*) AS years FROM incidents");
    await expect.poll(() => cellText(page, again), {timeout: 60_000}).toMatch(/years\s+3/);

    expect(await editorText(page, 3)).toBe(edited);
    expect(await cellStatus(page, 3)).toBe("stale");
    expect(await ticks(page)).toBeGreaterThan(before);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("a query that does not stop when asked: after Stop the engine is replaced, the stopped cell stays stopped, and the other SQL cells answer again", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await openEditing(page, url());
    await expect.poll(() => cellStatus(page, 5), {timeout: 60_000}).toBe("fulfilled");
    const refugees = await cellText(page, 5);
    // A bound value makes it a prepared statement, which DuckDB-WASM cannot interrupt.
    const endless = await addSqlCell(page, 5, "SELECT count(*) AS n FROM range(1000000000000) WHERE ${1} = 1");
    await expect.poll(() => cellStatus(page, endless)).toBe("running");
    await startTicking(page);
    await page.locator(`#cell-${endless} [data-action=interrupt]`).click();
    await expect.poll(() => cellStatus(page, endless)).toBe("interrupted");

    const notice = page.locator(".mapt-engine-notice[data-report=restarted]");
    await notice.waitFor({timeout: 120_000});
    expect(await notice.innerText()).toMatch(/DuckDB did not stop a query within 3 s of being asked to.*replaced it/);
    expect(await cellStatus(page, endless)).toBe("interrupted");
    await expect.poll(() => cellStatus(page, 5), {timeout: 60_000}).toBe("fulfilled");
    expect(await cellText(page, 5)).toBe(refugees);
    // A query after the restart runs on the new engine.
    const next = await addSqlCell(page, endless, "SELECT count(*) AS n FROM range(1000)");
    await expect.poll(() => cellText(page, next), {timeout: 60_000}).toMatch(/n\s+1,?000/);
    expect(await ticks(page)).toBeGreaterThan(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("DuckDB's own out-of-memory error stays the cell's error: the engine survives it, is not replaced, and answers the next query", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await openEditing(page, url());
    await expect.poll(() => cellStatus(page, 5), {timeout: 60_000}).toBe("fulfilled");
    // A low limit makes DuckDB run out of memory at once, without taking gigabytes from the machine.
    await page.locator("#cell-5").focus();
    await page.keyboard.press("Escape");
    await page.keyboard.press("b");
    const big = await page.locator("#cell-5 + .mapt-cell").getAttribute("data-cell-id").then(Number);
    await typeInCell(page, big, `await db.query("SET memory_limit = '64MB'");\nawait db.query("SELECT length(string_agg(repeat('x', 1000000), ',')) AS n FROM range(500)");`);
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => cellStatus(page, big), {timeout: 60_000}).toBe("error");
    expect(await cellText(page, big)).toMatch(/Out of Memory Error/);
    const next = await addSqlCell(page, big, "SELECT 42 AS answer");
    await expect.poll(() => cellText(page, next), {timeout: 60_000}).toMatch(/answer\s+42/);
    expect(await page.locator(".mapt-engine-notice").count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
