import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cellStatus, cellText, openBrowser, openFixture} from "./browser.ts";
import {typeInCell} from "./editor.ts";

// Arquero on built pages, which get it without flechette (its Arrow writer and reader) when no
// cell names an Arrow writer (src/vite/arquero-arrow.ts): tests/e2e/fixtures/arquero-arrow*.html.

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** A message only flechette's code holds (its table builder's). */
const flechetteText = "Mixed types detected, please define a union type.";

const open = (fixture: string) => openFixture(browser, fixture);

describe("Arquero on a built page", () => {
  it("a page that names no Arrow writer runs its aq cells on a SQL result without downloading flechette", async () => {
    const {page, scripts} = await open("arquero-arrowless.html");
    for (const id of [2, 3, 4]) expect([id, await cellStatus(page, id)]).toEqual([id, "fulfilled"]);
    expect(await cellText(page, 3)).toBe('"2021:25 2020:10 2019:-"');
    expect(await page.locator("#cell-4 table tbody tr").count()).toBe(3);
    expect(scripts.some((text) => text.includes(flechetteText))).toBe(false);
    await page.close();
  });

  it("a writer called without being named fails its cell saying what to write", async () => {
    const {page} = await open("arquero-arrowless.html");
    expect(await cellStatus(page, 5)).toBe("error");
    expect(await cellText(page, 5)).toContain("name toArrow in a cell of this notebook");
    await page.close();
  });

  it("Edit mode on such a page writes Arrow from an edited cell, with the tables the page made before", async () => {
    const {page} = await open("arquero-arrowless.html");
    await page.getByRole("button", {name: "Edit"}).click();
    await page.waitForURL(/arquero-arrowless\.edit\.html\?edit/);
    await page.locator("#cell-5 .cm-editor").waitFor();
    await typeInCell(page, 5, "aq.fromArrow(syria.toArrowIPC()).array(\"year\").join(\" \")");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => cellText(page, 5), {timeout: 60_000}).toBe('"2021 2020 2019"');
    await page.close();
  });

  it("a page whose cells write Arrow (toArrowIPC, DuckDBClient.of an Arquero table) gets all of Arquero", async () => {
    const {page, scripts} = await open("arquero-arrow.html");
    for (const id of [2, 3, 4, 5]) expect([id, await cellStatus(page, id)]).toEqual([id, "fulfilled"]);
    expect(await cellText(page, 3)).toBe('"10 25 40"');
    expect(await cellText(page, 5)).toBe("2021");
    expect(scripts.some((text) => text.includes(flechetteText))).toBe(true);
    await page.close();
  });
});
