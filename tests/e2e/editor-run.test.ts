import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {openBrowser, record} from "./browser.ts";
import {cellIds, expectCellText, openEditing, runs, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const url = () => inject("siteUrl") + inject("fixturePages")["editor-counts.html"];

/** True when a script's text is CodeMirror's (its view's class names are in its code). */
const isCodeMirror = async (scriptUrl: string) => (await (await fetch(scriptUrl)).text()).includes("cm-content");

describe("editing a notebook page", () => {
  it("readers do not download the editor; Edit loads CodeMirror in its own chunk", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(url());
    await waitForSettledCells(page);
    const scripts = () => log.requests.filter((u) => u.endsWith(".js"));
    const before = scripts();
    expect(await Promise.all(before.map(isCodeMirror))).not.toContain(true);
    expect(await page.locator(".cm-editor").count()).toBe(0);
    await page.getByRole("button", {name: "Edit"}).click();
    await page.locator("#cell-1 .cm-editor").waitFor();
    const loaded = scripts().filter((u) => !before.includes(u));
    expect(await Promise.all(loaded.map(isCodeMirror))).toContain(true);
    expect(await page.locator(".mapt-cell .cm-editor").count()).toBe((await cellIds(page)).length);
    expect(log.errors).toEqual([]);
  });

  it("editing a cell marks it stale; running it updates its dependents and nothing else re-runs", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await openEditing(page, url());
    await expectCellText(page, 4, "11");
    expect(await runs(page)).toEqual({a: 1, b: 1, c: 1});
    const navigations = log.requests.filter((u) => u.endsWith(".html")).length;

    await typeInCell(page, 1, "window.__runs.a++;\nconst a = 2;");
    await expect.poll(() => page.locator("#cell-1").getAttribute("data-status")).toBe("stale");
    expect(await runs(page)).toEqual({a: 1, b: 1, c: 1});

    await page.keyboard.press("ControlOrMeta+Enter");
    await expectCellText(page, 4, "21");
    expect(await runs(page)).toEqual({a: 2, b: 2, c: 1});
    await expect.poll(() => page.locator("#cell-1").getAttribute("data-status")).toBe("fulfilled");
    expect(await page.locator("#cell-1 .mapt-cell-status").innerText()).toMatch(/^done · \d+(\.\d)? (ms|s)$/);
    expect(log.requests.filter((u) => u.endsWith(".html")).length).toBe(navigations);
    expect(log.errors).toEqual([]);
  });

  it("a compile error shows on the edited cell and its dependents, and fixing it recovers", async () => {
    const page = await browser.newPage();
    await openEditing(page, url());
    await typeInCell(page, 2, "const b = a *;");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator("#cell-2").getAttribute("data-status")).toBe("error");
    await expect.poll(() => page.locator("#cell-4").getAttribute("data-status")).toBe("error");
    await typeInCell(page, 2, "const b = a * 100;");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expectCellText(page, 4, "101");
    expect((await runs(page)).c).toBe(1);
  });

  it("a page built with only the Plot marks it uses lets the editor use any other mark", async () => {
    const page = await browser.newPage();
    await openEditing(page, inject("siteUrl") + inject("fixturePages")["reactive.html"]);
    await expect.poll(() => page.locator("#cell-4 svg rect").count()).toBe(5);
    await typeInCell(page, 4, 'Plot.dot(bars, {x: "x", y: "y"}).plot()');
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator("#cell-4 svg circle").count()).toBe(5);
    expect(await page.locator("#cell-4").getAttribute("data-status")).toBe("fulfilled");
  });
});
