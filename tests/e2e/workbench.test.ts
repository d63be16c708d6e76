import {writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {createNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";
import {nameCell, newNotebook, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const site = () => inject("siteUrl");
const status = (page: Page, id: number) => page.locator(`#cell-${id}`).getAttribute("data-status");

/** Leaves any code editor (Esc may first close a completion list) for command mode on a cell. */
async function commandMode(page: Page, id: number): Promise<void> {
  await page.locator(`#cell-${id}`).focus();
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("mapt-cell"))).toBe(true);
}

describe("outputs belong to their run", () => {
  it("dragging a slider through ten values as fast as events allow leaves exactly one chart, for the last value", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(site() + inject("fixturePages")["slider-query.html"]);
    await expect.poll(() => page.locator("#cell-2 figure h2").innerText(), {timeout: 60_000}).toBe("Chart for 1");
    await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>("#cell-1 input[type=range]")!;
      for (let value = 2; value <= 11; value++) {
        slider.value = String(value);
        slider.dispatchEvent(new Event("input", {bubbles: true}));
      }
    });
    await expect.poll(() => page.locator("#cell-2 figure h2").allInnerTexts(), {timeout: 30_000}).toEqual(["Chart for 11"]);
    await waitForSettledCells(page);
    expect(await page.locator("#cell-2 .mapt-cell-output svg").count()).toBe(1);
    expect(await page.locator("#cell-2 figure h2").allInnerTexts()).toEqual(["Chart for 11"]);
    expect(log.errors).toEqual([]);
  });
});

describe("the academic's loop in the editor", () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    page = await browser.newPage();
    errors = record(page).errors;
    await newNotebook(page, site());
  });

  it("a SQL cell's result, named in its name field, is charted by another cell; renaming updates that cell at once", async () => {
    await page.locator("#cell-2").click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("s");
    await expect.poll(() => page.locator("#cell-2").getAttribute("data-mode")).toBe("sql");
    await typeInCell(page, 2, "SELECT year, value FROM indicator_values WHERE iso3 = 'SYR' AND indicator_id = 'unhcr_refugees' ORDER BY year");
    await page.keyboard.press("ControlOrMeta+Enter");
    await nameCell(page, 2, "refugees");
    await expect.poll(() => page.locator("#cell-2 .mapt-table figcaption").innerText(), {timeout: 60_000}).toMatch(/rows × 2 columns/);
    await page.keyboard.press("Escape");
    await page.locator("#cell-2").focus();
    await page.keyboard.press("b");
    await page.locator("#cell-3 .cm-editor").waitFor();
    await typeInCell(page, 3, 'Plot.lineY(refugees, {x: "year", y: "value"}).plot()');
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator("#cell-3 .mapt-cell-output svg path").count()).toBeGreaterThan(0);

    await nameCell(page, 2, "syria");
    await expect.poll(() => cellText(page, 3)).toBe("refugees is not defined");
    await nameCell(page, 2, "refugees");
    await expect.poll(() => page.locator("#cell-3 .mapt-cell-output svg").count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("a cell shows an Arrow table as a table whatever its mode, and a cell switched to SQL shows its result without a reload", async () => {
    await page.locator("#cell-3").focus();
    await page.keyboard.press("b");
    await page.locator("#cell-4 .cm-editor").waitFor();
    await typeInCell(page, 4, "await sql`SELECT 7 AS seven`");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => status(page, 4), {timeout: 60_000}).toBe("fulfilled");
    await expect.poll(() => page.locator("#cell-4 .mapt-table figcaption").innerText()).toBe("1 row × 1 column");
    await commandMode(page, 4);
    await page.keyboard.press("s");
    await typeInCell(page, 4, "SELECT 8 AS eight, 9 AS nine");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator("#cell-4 .mapt-table figcaption").innerText()).toBe("1 row × 2 columns");
    expect(await cellText(page, 4)).not.toMatch(/schema|Table \{/);
  });

  it("I I interrupts a long query: the cell says so, DuckDB answers the next query, and running it again works", async () => {
    await page.locator("#cell-4").focus();
    await page.keyboard.press("b");
    await page.locator("#cell-5 .cm-editor").waitFor();
    await page.keyboard.press("Escape");
    await page.keyboard.press("s");
    await typeInCell(page, 5, "SELECT count(*) AS n FROM range(1000000000000)");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => status(page, 5)).toBe("running");
    await commandMode(page, 5);
    await page.keyboard.press("i");
    await page.keyboard.press("i");
    await expect.poll(() => status(page, 5)).toBe("interrupted");
    await page.locator("#cell-4 [data-action=run]").click();
    await expect.poll(() => status(page, 4), {timeout: 20_000}).toBe("fulfilled");
    expect(await page.locator("#cell-4 .mapt-table figcaption").innerText()).toBe("1 row × 2 columns");
    await typeInCell(page, 5, "SELECT count(*) AS n FROM range(1000)");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => status(page, 5)).toBe("fulfilled");
  });

  it("? shows the keyboard help with every command's keys; the palette finds and runs a command", async () => {
    await commandMode(page, 5);
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", {name: "Keyboard help"});
    await help.waitFor();
    expect(await help.innerText()).toMatch(/I, I\s+Interrupt the running cell/);
    expect(await help.innerText()).toMatch(/Ctrl\+Shift\+Enter\s+Run all cells/);
    await page.keyboard.press("Escape");
    await expect.poll(() => help.count()).toBe(0);

    await page.keyboard.press("ControlOrMeta+k");
    const palette = page.getByRole("dialog", {name: "Command palette"});
    await palette.waitFor();
    await page.keyboard.type("keyboard");
    expect(await palette.getByRole("option").allInnerTexts()).toEqual([expect.stringMatching(/^Keyboard help/)]);
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", {name: "Keyboard help"}).waitFor();
    await page.keyboard.press("Escape");
  });

  it("Esc Esc leaves Edit mode without a reload; the reader sees the cell's name label; E comes back", async () => {
    await page.evaluate(() => ((window as unknown as {__stay: number}).__stay = 1));
    await page.locator("#cell-2").focus();
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".cm-editor").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as {__stay?: number}).__stay)).toBe(1);
    expect(await page.locator("#cell-2 .mapt-cell-name").innerText()).toBe("refugees =");
    expect(await page.locator("#cell-3 .mapt-cell-output svg").count()).toBe(1);
    await page.keyboard.press("e");
    await page.locator("#cell-2 .cm-editor").waitFor();
    await page.getByRole("button", {name: "Done"}).click();
    await expect.poll(() => page.locator(".cm-editor").count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("loading is not running", () => {
  it("a notebook opened from a file shows its text and code and runs nothing, not even DuckDB, until its reader says Run", async () => {
    const file = path.join(tmpdir(), `mapt-untrusted-${process.pid}.html`);
    writeFileSync(
      file,
      serializeNotebook(
        createNotebook({
          title: "From elsewhere",
          cells: [
            {mode: "md", source: "# From elsewhere\n\nRead me first."},
            {mode: "js", source: "window.__ran = (window.__ran ?? 0) + 1;\nconst ran = window.__ran;"},
            {mode: "sql", source: "SELECT 41 + 1 AS answer", output: "answer"},
            {mode: "js", source: "`ran ${ran} time(s)`"}
          ]
        })
      )
    );
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(site());
    await page.locator("#mapt-open-file").setInputFiles(file);
    await page.waitForURL(/editor\.html\?draft=/);
    await page.getByRole("button", {name: "Run this notebook"}).waitFor();
    expect(await page.locator("#cell-1 h1").innerText()).toBe("From elsewhere");
    expect(await page.locator("#cell-2 .mapt-cell-source").innerText()).toContain("window.__ran");
    expect(await page.locator("#cell-3 .mapt-cell-source").innerText()).toBe("SELECT 41 + 1 AS answer");
    for (const id of [2, 3, 4]) expect(await cellStatus(page, id)).toBe("idle");
    expect(await page.evaluate(() => (window as unknown as {__ran?: number}).__ran)).toBeUndefined();
    expect(log.requests.filter((url) => /duckdb/.test(url))).toEqual([]);

    await page.getByRole("button", {name: "Run this notebook"}).click();
    await expect.poll(() => cellText(page, 4), {timeout: 60_000}).toBe("\"ran 1 time(s)\"");
    await expect.poll(() => page.locator("#cell-3 .mapt-table figcaption").innerText(), {timeout: 60_000}).toBe("1 row × 1 column");
    // Once run, the notebook stays allowed in this browser: a reload runs it.
    await page.reload();
    await expect.poll(() => cellText(page, 4), {timeout: 60_000}).toBe("\"ran 1 time(s)\"");
    expect(await page.getByRole("button", {name: "Run this notebook"}).count()).toBe(0);
    expect(log.errors).toEqual([]);
  });
});
