import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {createServer, type ViteDevServer} from "vite";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {createNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {attachEndpointPath} from "../../src/shared/index.ts";
import {maptConfig} from "../../src/vite/index.ts";
import {openBrowser, record} from "./browser.ts";
import {cellWithSource, dropFiles, openEditing, typeInCell} from "./editor.ts";

const root = path.resolve(import.meta.dirname, "../..");
// Test data, not case figures.
const deathsCsv = "year,deaths\n2011,10\n2012,20\n";
const initial = serializeNotebook(
  createNotebook({title: "Attach study", cells: [{id: 1, source: "1 + 1"}, {id: 2, mode: "sql", source: "SELECT 1 AS one"}]})
);

// A dev server over a temporary project: its own notebooks/ folder, the real sources linked in.
let dir: string;
let server: ViteDevServer;
let url: string;
let browser: BrowserContext;
const file = (name: string) => path.join(dir, "notebooks", name);
const notebookFiles = () => readdirSync(path.join(dir, "notebooks")).filter((name) => !name.startsWith("."));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mapt-attach-"));
  for (const name of ["src", "data"]) if (existsSync(path.join(root, name))) symlinkSync(path.join(root, name), path.join(dir, name), "dir");
  for (const name of ["index.html", "editor.html"]) copyFileSync(path.join(root, name), path.join(dir, name));
  mkdirSync(path.join(dir, "notebooks"));
  writeFileSync(file("study.html"), initial);
  server = await createServer({
    ...maptConfig({root: dir}),
    configFile: false,
    logLevel: "warn",
    cacheDir: path.join(dir, ".vite"),
    server: {port: 0, host: "127.0.0.1", fs: {allow: [dir, root]}}
  });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, {recursive: true, force: true});
});

/** Posts bytes to the attach endpoint as a page would. */
const post = (query: Record<string, string>, body: string, headers: Record<string, string> = {}) =>
  fetch(`${new URL(attachEndpointPath, url)}?${new URLSearchParams(query)}`, {
    method: "POST",
    headers: {"content-type": "application/octet-stream", "x-mapt-save": "1", ...headers},
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
      expect(existsSync(path.join(dir, "outside.csv"))).toBe(false);
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
    // Warm up: Vite optimizes dependencies on first use and may reload a page it finds new ones on.
    const warmUp = await browser.newPage();
    await openEditing(warmUp, new URL("notebooks/study.html", url).href);
    await warmUp.waitForLoadState("networkidle");
    await warmUp.close();
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
