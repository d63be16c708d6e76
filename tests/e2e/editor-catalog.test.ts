import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {openBrowser, record} from "./browser.ts";
import {catalogDescriptionMarker, projectCatalog as catalog} from "./catalog.ts";
import {cellIds, editorText, openEditing, selectedId, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const tableOf = (name: string) => catalog.tables.find((t) => t.name === name)!;
const sourceOf = (id: string) => catalog.sources.find((s) => s.source_id === id)!;
/** A table whose sources are all verified, with a column that has a unit; and one with an unverified source. */
const dyads = tableOf("ucdp_brd_dyads");
const deathsColumn = dyads.columns.find((c) => c.unit === "deaths")!;
const unverified = catalog.tables.find((t) => t.sources.length > 0 && t.sources.every((id) => !sourceOf(id).verified))!;

const notebook = () => `${inject("siteUrl")}notebooks/getting-started.html`;
const panel = (page: Page) => page.getByRole("complementary", {name: "Data"});
const entry = (page: Page, table: string) => page.locator(`.mapt-catalog-table[data-table="${table}"]`);
const focusedTable = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(".mapt-catalog-table")?.dataset.table);

describe("the data panel", () => {
  it("the catalog's descriptions load with the panel, not with the page", async () => {
    const page = await browser.newPage();
    const scripts: Array<Promise<string>> = [];
    page.on("response", (response) => {
      // A script that arrives as the browser closes has no text to read (and none to check).
      if (response.request().resourceType() === "script") scripts.push(response.text().catch(() => ""));
    });
    await openEditing(page, notebook());
    const withDescriptions = async () => (await Promise.all(scripts)).filter((text) => text.includes(catalogDescriptionMarker)).length;
    expect(await withDescriptions()).toBe(0);
    await page.keyboard.press("t");
    // The panel may wait for DuckDB, which can still be starting: the page settled from its result snapshots.
    await expect.poll(withDescriptions, {timeout: 60_000}).toBe(1);
    await expect.poll(() => panel(page).locator(".mapt-catalog-description").first().innerText(), {timeout: 60_000}).toContain(catalogDescriptionMarker.slice(0, 20));
  });

  it("T opens the panel: a catalog table shows its columns' units, row count, source link and verification; Enter adds its query, which runs", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await openEditing(page, notebook());
    const before = await cellIds(page);
    const selected = await selectedId(page);

    await page.keyboard.press("t");
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(await page.locator('.mapt-editor-bar [data-action="catalog"]').getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.insertText(dyads.name);
    await entry(page, dyads.name).waitFor();
    await page.keyboard.press("ArrowDown");
    expect(await focusedTable(page)).toBe(dyads.name);
    await page.keyboard.press("ArrowRight");

    const details = entry(page, dyads.name).locator(".mapt-catalog-details");
    const unitCell = details.locator(`tr[data-column="${deathsColumn.name}"] td`).nth(1);
    expect(await unitCell.innerText()).toBe(deathsColumn.unit);
    await expect.poll(() => details.locator(".mapt-catalog-rows").innerText(), {timeout: 30_000}).toMatch(/^[\d,]+ rows$/);
    const source = sourceOf(dyads.sources[0]!);
    const link = details.locator(`[data-source="${source.source_id}"] a`);
    expect(await link.getAttribute("href")).toBe(source.url);
    expect(await details.locator(`[data-source="${source.source_id}"] .mapt-catalog-flag`).innerText()).toBe("Verified source");

    await page.keyboard.press("Enter");
    await expect.poll(() => cellIds(page)).toHaveLength(before.length + 1);
    const ids = await cellIds(page);
    const added = ids.find((id) => !before.includes(id))!;
    expect(ids.indexOf(added)).toBe(before.indexOf(selected) + 1);
    expect(await page.locator(`#cell-${added}`).getAttribute("data-mode")).toBe("sql");
    expect(await editorText(page, added)).toMatch(new RegExp(`\\nFROM ${dyads.name}\\nLIMIT 100$`));
    await expect.poll(() => page.locator(`#cell-${added}`).getAttribute("data-status"), {timeout: 30_000}).toBe("fulfilled");
    const caption = await page.locator(`#cell-${added} .mapt-table figcaption`).innerText();
    expect(caption).toBe(`100 rows × ${dyads.columns.length} columns`);
    await expect.poll(() => page.locator(`#cell-${added} .mapt-table table tbody tr`).count()).toBeGreaterThan(0);
    expect(log.errors).toEqual([]);
  });

  it("a table whose sources are unverified says so, and Esc closes the panel and gives the keyboard back", async () => {
    const page = await browser.newPage();
    await openEditing(page, notebook());
    await page.getByRole("button", {name: "Data", exact: true}).click();
    await entry(page, unverified.name).locator(".mapt-catalog-toggle").click();
    expect(await entry(page, unverified.name).locator(".mapt-catalog-head .mapt-catalog-flag").innerText()).toBe("Unverified: check before citing");
    const flags = entry(page, unverified.name).locator(".mapt-catalog-source .mapt-catalog-flag");
    expect(await flags.allInnerTexts()).toEqual(unverified.sources.map(() => "Unverified: check before citing"));
    await page.keyboard.press("Escape");
    await expect.poll(() => panel(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("catalog");
    expect(await page.locator('.mapt-editor-bar [data-action="catalog"]').getAttribute("aria-expanded")).toBe("false");
  });

  it("the panel lists a table the user made, with its columns; clicking it adds a query that shows its rows", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await openEditing(page, notebook());
    await page.keyboard.press("b");
    const made = await selectedId(page);
    await typeInCell(page, made, 'await db.query("CREATE TABLE my_counts AS SELECT * FROM (VALUES (1, \'a\'), (2, \'b\')) v(n, label)")');
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator(`#cell-${made}`).getAttribute("data-status"), {timeout: 30_000}).toBe("fulfilled");

    await page.getByRole("button", {name: "Data", exact: true}).click();
    const mine = entry(page, "my_counts");
    await expect.poll(() => mine.count(), {timeout: 30_000}).toBe(1);
    expect(await panel(page).getByRole("list", {name: "Your tables"}).locator(".mapt-catalog-table").count()).toBe(1);
    await mine.locator(".mapt-catalog-toggle").click();
    await expect.poll(() => mine.locator("tbody th").allInnerTexts()).toEqual(["n", "label"]);
    await expect.poll(() => mine.locator(".mapt-catalog-rows").innerText()).toBe("2 rows");
    const before = await cellIds(page);
    await mine.locator(".mapt-catalog-insert").click();
    await expect.poll(() => cellIds(page)).toHaveLength(before.length + 1);
    const added = (await cellIds(page)).find((id) => !before.includes(id))!;
    expect(await editorText(page, added)).toBe("SELECT n, label\nFROM my_counts\nLIMIT 100");
    await expect.poll(() => page.locator(`#cell-${added} .mapt-table figcaption`).innerText(), {timeout: 30_000}).toBe("2 rows × 2 columns");
    expect(log.errors).toEqual([]);
  });

  it("the command palette and the keyboard help list the data panel with its key", async () => {
    const page = await browser.newPage();
    await openEditing(page, notebook());
    await page.keyboard.press("ControlOrMeta+k");
    await page.keyboard.insertText("data");
    const option = page.locator('.mapt-palette [data-command="catalog"]');
    expect(await option.locator("kbd").innerText()).toBe("T");
    await page.keyboard.press("Enter");
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("?");
    const row = page.locator(".mapt-help tr", {hasText: "Data"});
    expect(await row.locator("kbd").innerText()).toBe("T");
  });
});

describe("SQL completion over the catalog", () => {
  it("shows a catalog column's unit and meaning, and ranks columns first after WHERE and tables first after FROM", async () => {
    const page = await browser.newPage();
    await openEditing(page, notebook());
    await page.keyboard.press("b");
    await page.keyboard.press("s");
    const id = await selectedId(page);
    const labels = page.locator(".cm-tooltip-autocomplete .cm-completionLabel");

    await typeInCell(page, id, `SELECT * FROM ${dyads.name} WHERE ${deathsColumn.name.slice(0, 4)}`);
    await page.keyboard.press("Control+Space");
    await expect.poll(() => labels.first().innerText(), {timeout: 30_000}).toBe(deathsColumn.name);
    const option = page.locator(".cm-tooltip-autocomplete li[aria-selected]");
    expect(await option.locator(".cm-completionDetail").innerText()).toContain(deathsColumn.unit);
    const info = page.locator(".cm-completionInfo");
    await expect.poll(() => info.innerText()).toContain(`Unit: ${deathsColumn.unit}`);
    expect(await info.innerText()).toContain(deathsColumn.description);
    await page.keyboard.press("Escape");

    // Every column of the named table before any table after WHERE; every table before any column after JOIN.
    const columnNames = dyads.columns.map((c) => c.name);
    const tableNames = catalog.tables.map((t) => t.name);
    const positions = async (names: string[]) => {
      const shown = await labels.allInnerTexts();
      return names.map((name) => shown.indexOf(name)).filter((i) => i >= 0);
    };
    await typeInCell(page, id, `SELECT * FROM ${dyads.name} WHERE `);
    await page.keyboard.press("Control+Space");
    await expect.poll(async () => (await positions(columnNames)).length, {timeout: 30_000}).toBe(columnNames.length);
    expect(Math.max(...(await positions(columnNames)))).toBeLessThan(Math.min(Infinity, ...(await positions(tableNames))));
    await page.keyboard.press("Escape");

    await typeInCell(page, id, `SELECT * FROM ${dyads.name} JOIN `);
    await page.keyboard.press("Control+Space");
    await expect.poll(async () => (await positions(tableNames)).length, {timeout: 30_000}).toBe(tableNames.length);
    expect(Math.max(...(await positions(tableNames)))).toBeLessThan(Math.min(Infinity, ...(await positions(columnNames))));
  });
});
