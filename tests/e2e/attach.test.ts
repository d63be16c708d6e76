import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {holdBackEditing, openBrowser, record} from "./browser.ts";
import {cellWithSource, dropFiles, editorText, typeInCell} from "./editor.ts";

// Test data, not case figures.
const deathsCsv = "year,deaths\n2011,10\n2012,20\n";
const deathsUpdated = "year,deaths\n2011,10\n2012,20\n2013,70\n";
const eventsCsv = "year,event\n2011,test\n";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** The text of a cell's output. */
const output = (page: Page, id: number) => page.locator(`#cell-${id} .mapt-cell-output`).innerText();

/** The newest text this browser keeps for the page's draft. */
function keptText(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const key = `draft:${new URLSearchParams(location.search).get("draft")}`;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("mapt-drafts");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const record = await new Promise<{versions: Array<{text: string}>} | undefined>((resolve, reject) => {
      const request = db.transaction("notebooks").objectStore("notebooks").get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return record?.versions.at(-1)?.text;
  });
}

/** Makes cell `id` a SQL cell with `sql` and runs it. */
async function runSql(page: Page, id: number, sql: string): Promise<void> {
  await page.locator(`#cell-${id} .cm-content`).click();
  await page.keyboard.press("Escape");
  await page.keyboard.press("s");
  await typeInCell(page, id, sql);
  await page.keyboard.press("ControlOrMeta+Enter");
}

describe("attaching data files to a notebook kept in this browser", () => {
  let page: Page;
  let log: ReturnType<typeof record>;
  beforeAll(async () => {
    page = await browser.newPage();
    log = record(page);
    await page.goto(inject("siteUrl") + "editor.html");
    await page.locator("#cell-2 .cm-editor").waitFor();
  });

  it("a dropped CSV is attached as a cell naming it, and a SQL cell queries it as a table", async () => {
    await dropFiles(page, [{name: "deaths.csv", text: deathsCsv, type: "text/csv"}]);
    const attached = await cellWithSource(page, 'FileAttachment("deaths.csv")');
    expect(await editorText(page, attached)).toContain("SQL cells query it as the table deaths");
    await expect.poll(() => page.locator(`#cell-${attached}`).getAttribute("data-status")).toBe("fulfilled");
    await runSql(page, 2, "SELECT sum(deaths) AS total FROM deaths");
    await expect.poll(() => output(page, 2), {timeout: 60_000}).toMatch(/total\s+30/);
  });

  it("after a reload the file is still attached and the query still works", async () => {
    await expect.poll(() => keptText(page)).toContain("FROM deaths");
    await page.reload();
    await expect.poll(() => output(page, 2), {timeout: 60_000}).toMatch(/total\s+30/);
    await page.keyboard.press("e");
    await page.locator("#cell-2 .cm-editor").waitFor();
  });

  it("History restores a version and its file is still there", async () => {
    await runSql(page, 2, "SELECT 1 AS one");
    await expect.poll(() => output(page, 2)).toMatch(/one\s+1/);
    await expect.poll(() => keptText(page)).toContain("SELECT 1 AS one");
    await page.getByRole("button", {name: "History"}).click();
    await page.locator(".mapt-history li", {hasText: "FROM deaths"}).first().getByRole("button", {name: /Restore/}).click();
    await expect.poll(() => editorText(page, 2)).toBe("SELECT sum(deaths) AS total FROM deaths");
    await expect.poll(() => output(page, 2), {timeout: 60_000}).toMatch(/total\s+30/);
  });

  it("attaching a file whose table exists asks first; replacing it re-runs the cells that read it", async () => {
    await dropFiles(page, [{name: "deaths.csv", text: deathsUpdated, type: "text/csv"}]);
    const dialog = page.locator(".mapt-attach-replace");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("already has a table named deaths: the attached file deaths.csv");
    expect(await output(page, 2)).toMatch(/total\s+30/);
    await dialog.getByRole("button", {name: "Replace deaths"}).click();
    await expect.poll(() => output(page, 2), {timeout: 60_000}).toMatch(/total\s+100/);
    expect(await page.locator(".mapt-cell .cm-content", {hasText: 'FileAttachment("deaths.csv")'}).count()).toBe(1);
  });

  it("a file named like a catalog table asks, and can be kept beside it under another name", async () => {
    await dropFiles(page, [{name: "Events.CSV", text: eventsCsv, type: "text/csv"}]);
    const dialog = page.locator(".mapt-attach-replace");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("already has a table named events: a table of the data catalog");
    await dialog.getByRole("button", {name: "Keep both: attach as events_2"}).click();
    const id = await cellWithSource(page, 'FileAttachment("events-2.csv")');
    expect(await editorText(page, id)).toContain('"Events.CSV" (as events-2.csv) is attached to this notebook: SQL cells query it as the table events_2.');
  });

  it("Attach… in the bar takes files from a file chooser; other files are refused with what to do", async () => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", {name: "Attach…"}).click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([
      {name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("just notes")},
      {name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("")},
      {name: "counts.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([{n: 1}, {n: 2}]))}
    ]);
    const problems = page.locator(".mapt-attach-problems");
    await problems.waitFor();
    expect(await problems.innerText()).toMatch(/"notes\.txt" was not attached: a notebook's data files are CSV, TSV, JSON, Parquet or Arrow files/);
    expect(await problems.innerText()).toContain('"empty.csv" was not attached: it is empty.');
    await problems.getByRole("button", {name: "OK"}).click();
    await cellWithSource(page, 'FileAttachment("counts.json")');
  });

  it("a notebook file dropped while editing asks before opening it, and Cancel keeps the page", async () => {
    const url = page.url();
    await dropFiles(page, [{name: "other.html", text: "<!doctype html>\n<notebook>\n  <title>Other</title>\n</notebook>\n", type: "text/html"}]);
    const dialog = page.locator(".mapt-attach-open");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('"other.html" is a notebook, not a data file');
    await dialog.getByRole("button", {name: "Cancel"}).click();
    expect(page.url()).toBe(url);
    expect(log.errors).toEqual([]);
  });
});

describe("dropping a data file on a notebook page while reading", () => {
  it("a file dropped before editing has loaded is attached once it has (the page's first moments)", async () => {
    const page = await browser.newPage();
    // Editing loads once the page settles or at the reader's first Edit, key or drop: held back
    // here, the drop lands while only the bar's stand-ins are there.
    const editing = await holdBackEditing(page);
    await page.goto(inject("siteUrl") + inject("fixturePages")["editor-counts.html"]);
    await page.locator(".mapt-edit-button[data-mapt-stand-in]").waitFor();
    await dropFiles(page, [{name: "deaths.csv", text: deathsCsv, type: "text/csv"}]);
    await expect.poll(editing.asked).toBe(true);
    editing.release();
    const id = await cellWithSource(page, 'FileAttachment("deaths.csv")');
    await expect.poll(() => page.locator(`#cell-${id}`).getAttribute("data-status")).toBe("fulfilled");
    expect(page.url()).toMatch(/editor-counts\.edit\.html\?edit/);
    await page.close();
  });


  it("enters Edit mode and attaches it, keeping it in this browser with the page's edits", async () => {
    const page = await browser.newPage();
    const log = record(page);
    const url = inject("siteUrl") + inject("fixturePages")["editor-counts.html"];
    await page.goto(url);
    await page.getByRole("button", {name: "Edit"}).waitFor();
    await dropFiles(page, [{name: "deaths.csv", text: deathsCsv, type: "text/csv"}]);
    const id = await cellWithSource(page, 'FileAttachment("deaths.csv")');
    await expect.poll(() => page.locator(`#cell-${id}`).getAttribute("data-status")).toBe("fulfilled");
    // A built page is strict: Edit mode is its editing twin, which attached the file dropped on the page.
    expect(page.url()).toMatch(/editor-counts\.edit\.html\?edit/);
    const kept = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open("mapt-drafts");
        request.onsuccess = () => resolve(request.result);
      });
      const files = await new Promise<Array<{notebook: string; name: string; size: number}>>((resolve) => {
        const request = db.transaction("files").objectStore("files").getAll();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return files.map(({notebook, name, size}) => ({notebook, name, size}));
    });
    expect(kept).toContainEqual({notebook: expect.stringMatching(/editor-counts\.html$/), name: "deaths.csv", size: deathsCsv.length});
    expect(log.errors).toEqual([]);
  });
});
