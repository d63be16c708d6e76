import {existsSync, readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {createNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {attachEndpointPath} from "../../src/shared/index.ts";
import {openBrowser, record} from "./browser.ts";
import {startDevProject, warmUp, type DevProject} from "./dev-project.ts";
import {cellWithSource, dropFiles, openEditing, typeInCell} from "./editor.ts";

// Test data, not case figures.
const deathsCsv = "year,deaths\n2011,10\n2012,20\n";
const initial = serializeNotebook(
  createNotebook({title: "Attach study", cells: [{id: 1, source: "1 + 1"}, {id: 2, mode: "sql", source: "SELECT 1 AS one"}]})
);

let project: DevProject;
let url: string;
let browser: BrowserContext;
const file = (name: string) => path.join(project.dir, "notebooks", name);
const notebookFiles = () => readdirSync(path.join(project.dir, "notebooks")).filter((name) => !name.startsWith("."));

beforeAll(async () => {
  project = await startDevProject({"study.html": initial});
  url = project.url;
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await project?.close();
});

/** Posts bytes to the attach endpoint as a page would. */
const post = (query: Record<string, string>, body: string, headers: Record<string, string> = {}) =>
  fetch(`${new URL(attachEndpointPath, url)}?${new URLSearchParams(query)}`, {
    method: "POST",
    headers: {"content-type": "application/octet-stream", "x-mapt-save": project.writeToken, ...headers},
    body
  });

describe("the dev server's attach endpoint", () => {
  it.each(["../outside.csv", "..%2Foutside.csv", "sub/outside.csv", "/tmp/outside.csv", "Deaths.CSV", ".hidden.csv", "notes.html", "deaths\u202ecsv.csv"])(
    "refuses the file name %j and writes nothing",
    async (name) => {
      const response = await post({notebook: "notebooks/study.html", name}, deathsCsv);
      expect(response.status).toBe(403);
      expect((await response.json()).error).toMatch(/refused file name/);
      expect(notebookFiles()).toEqual(["study.html"]);
      expect(existsSync(path.join(project.dir, "outside.csv"))).toBe(false);
    }
  );

  it("refuses a notebook outside notebooks/, one that does not exist, and requests without the save header or from another origin", async () => {
    expect((await post({notebook: "../study.html", name: "deaths.csv"}, deathsCsv)).status).toBe(403);
    expect((await post({notebook: "notebooks/missing.html", name: "deaths.csv"}, deathsCsv)).status).toBe(404);
    expect((await post({notebook: "notebooks/study.html", name: "deaths.csv"}, deathsCsv, {"x-mapt-save": "0"})).status).toBe(403);
    expect((await post({notebook: "notebooks/study.html", name: "deaths.csv"}, deathsCsv, {origin: "http://evil.example"})).status).toBe(403);
    expect(notebookFiles()).toEqual(["study.html"]);
  });
});

describe("attaching a file to a notebook under the dev server", () => {
  let page: Page;
  let log: ReturnType<typeof record>;
  beforeAll(async () => {
    await warmUp(browser, new URL("notebooks/study.html", url).href);
    page = await browser.newPage();
    log = record(page);
    await openEditing(page, new URL("notebooks/study.html", url).href);
  }, 180_000);

  it("writes the file beside the notebook, and the saved notebook queries it after a reload", async () => {
    await dropFiles(page, [{name: "deaths.csv", text: deathsCsv, type: "text/csv"}]);
    // Attaching is the first edit of a notebook of the project: asked once, as for any edit.
    await page.locator(".mapt-edit-choice").getByRole("button", {name: "Edit the file"}).click();
    await cellWithSource(page, 'FileAttachment("deaths.csv")');
    expect(readFileSync(file("deaths.csv"), "utf8")).toBe(deathsCsv);
    expect(notebookFiles()).toEqual(["deaths.csv", "study.html"]);

    await typeInCell(page, 2, "SELECT sum(deaths) AS total FROM deaths");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator("#cell-2 .mapt-cell-output").innerText(), {timeout: 60_000}).toMatch(/total\s+30/);
    await page.keyboard.press("ControlOrMeta+s");
    await expect.poll(() => readFileSync(file("study.html"), "utf8")).toContain('FileAttachment("deaths.csv")');

    await page.reload();
    await expect.poll(() => page.locator("#cell-2 .mapt-cell-output").innerText(), {timeout: 60_000}).toMatch(/total\s+30/);
    expect(log.errors).toEqual([]);
  });
});
