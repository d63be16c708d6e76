import {readFileSync} from "node:fs";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {readNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {openBrowser, record} from "./browser.ts";
import {cellIds, editorText, expectCellText, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const typed = {title: "My study", intro: "# My study\n\nNotes here.", code: "const x = 6;\ndisplay(x * 7);", next: "x * 7 + 1"};

async function expectTyped(page: Page): Promise<void> {
  await expect.poll(() => cellIds(page)).toEqual([1, 2, 3]);
  expect(await page.getByLabel("Notebook title").inputValue()).toBe(typed.title);
  expect(await editorText(page, 1)).toBe(typed.intro);
  expect(await editorText(page, 2)).toBe(typed.code);
  expect(await editorText(page, 3)).toBe(typed.next);
  await expectCellText(page, 3, "43");
}

/** A notebook from a file: its title, text and code are shown; nothing has run. */
async function expectShownNotRun(page: Page): Promise<void> {
  await page.getByRole("button", {name: "Run this notebook"}).waitFor();
  expect(await page.locator("#cell-1 h1").innerText()).toBe(typed.title);
  expect(await page.locator("#cell-2 .mapt-cell-source").innerText()).toBe(typed.code);
  expect(await page.locator("#cell-3 .mapt-cell-output").innerText()).toBe("");
  expect(await page.locator("#cell-3").getAttribute("data-status")).toBe("idle");
}

describe("a notebook made in the browser", () => {
  it("created from the index page, edited, downloaded and reopened equals what was typed", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(inject("siteUrl"));
    await page.getByRole("link", {name: "New notebook"}).click();
    await page.locator("#cell-2 .cm-editor").waitFor();
    expect(page.url()).toMatch(/editor\.html\?draft=\w+$/);

    await page.getByLabel("Notebook title").fill(typed.title);
    await typeInCell(page, 1, typed.intro);
    await typeInCell(page, 2, typed.code);
    await page.keyboard.press("Shift+Enter");
    await expectCellText(page, 2, "42");
    await page.locator("#cell-3 .cm-editor.cm-focused").waitFor();
    await page.keyboard.insertText(typed.next);
    await page.keyboard.press("ControlOrMeta+Enter");
    await expectTyped(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Download"}).click()]);
    expect(download.suggestedFilename()).toBe("my-study.html");
    const file = await download.path();
    const text = readFileSync(file, "utf8");
    const {notebook, diagnostics} = readNotebook(text);
    expect(diagnostics).toEqual([]);
    expect(notebook.title).toBe(typed.title);
    expect(notebook.cells.map((c) => [c.id, c.mode, c.source])).toEqual([
      [1, "md", typed.intro],
      [2, "js", typed.code],
      [3, "js", typed.next]
    ]);
    expect(serializeNotebook(notebook)).toBe(text);
    expect(text).not.toMatch(/data-status|mapt-cell|42/);

    // Reopen the downloaded file from the index page, without any server involved in reading it.
    // A file from elsewhere opens as readers see it, its code shown, and runs nothing until Run.
    const again = await browser.newPage();
    await again.goto(inject("siteUrl"));
    await again.locator("#mapt-open-file").setInputFiles(file);
    await again.waitForURL(/editor\.html\?draft=\w+$/);
    expect(again.url()).not.toBe(page.url());
    await expectShownNotRun(again);
    await again.getByRole("button", {name: "Run this notebook"}).click();
    await expectCellText(again, 3, "43");
    await again.keyboard.press("e");
    await again.locator("#cell-3 .cm-editor").waitFor();
    await expectTyped(again);

    // Dropping the same file on the index page opens it too; this browser's reader already
    // allowed exactly this text to run, so it runs at once.
    await again.goto(inject("siteUrl"));
    await again.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], "dropped.html", {type: "text/html"}));
      document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    }, text);
    await again.waitForURL(/editor\.html\?draft=\w+$/);
    await expectCellText(again, 3, "43");
    expect(await again.getByRole("button", {name: "Run this notebook"}).count()).toBe(0);

    // A file that is not a notebook opens nothing and says why.
    await again.goto(inject("siteUrl"));
    await again.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(["year,deaths\n2011,100\n"], "deaths.csv", {type: "text/csv"}));
      document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    });
    await expect.poll(() => again.locator("#mapt-open-message").innerText()).toMatch(/"deaths\.csv" is not a notebook/);
    expect(again.url()).toBe(inject("siteUrl"));

    // The browser keeps the three notebooks and the index page lists them.
    await again.goto(inject("siteUrl"));
    await expect.poll(() => again.locator("#mapt-drafts a").allInnerTexts()).toEqual([typed.title, typed.title, typed.title]);
    expect((await again.locator("#mapt-drafts p").allInnerTexts()).filter((t) => /not run yet/.test(t))).toEqual([]);
    expect(log.errors).toEqual([]);
  });
});
