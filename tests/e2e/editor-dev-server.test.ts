import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {createServer, type ViteDevServer} from "vite";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {createNotebook, readNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {saveEndpointPath, textVersion} from "../../src/shared/index.ts";
import {maptConfig} from "../../src/vite/index.ts";
import {openBrowser, record} from "./browser.ts";
import {expectCellText, openEditing, runs, typeInCell} from "./editor.ts";

const root = path.resolve(import.meta.dirname, "../..");
const initial = serializeNotebook(
  createNotebook({
    title: "Dev study",
    cells: [
      {id: 1, source: "window.__runs ??= {a: 0, b: 0, c: 0};\nwindow.__runs.a++;\nconst a = 1;"},
      {id: 2, source: "(window.__runs.b++, a + 1)"},
      {id: 3, source: "(window.__runs ??= {a: 0, b: 0, c: 0}, window.__runs.c++, 5)"}
    ]
  })
);

// A dev server over a temporary project: its own notebooks/ folder, the real sources linked in.
let dir: string;
let server: ViteDevServer;
let url: string;
let browser: BrowserContext;
const file = (name: string) => path.join(dir, "notebooks", name);
const outside = () => path.join(dir, "outside.html");

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mapt-dev-"));
  for (const name of ["src", "data"]) if (existsSync(path.join(root, name))) symlinkSync(path.join(root, name), path.join(dir, name), "dir");
  for (const name of ["index.html", "editor.html"]) copyFileSync(path.join(root, name), path.join(dir, name));
  mkdirSync(path.join(dir, "notebooks"));
  writeFileSync(file("study.html"), initial);
  writeFileSync(outside(), initial);
  symlinkSync(outside(), file("link.html"));
  const config = maptConfig({root: dir});
  server = await createServer({
    ...config,
    configFile: false,
    logLevel: process.env.MAPT_DEV_LOG ? "info" : "warn",
    cacheDir: path.join(dir, ".vite"),
    server: {port: 0, host: "127.0.0.1", fs: {allow: [dir, root]}}
  });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  // The token a page the server renders carries, as the page's own writes send it.
  token = /<meta name="mapt-save-token" content="([^"]+)">/.exec(await (await fetch(new URL("notebooks/study.html", url))).text())?.[1] ?? "";
  browser = await openBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, {recursive: true, force: true});
});

let token: string;
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(saveEndpointPath, url), {
    method: "POST",
    headers: {"content-type": "application/json", "x-mapt-save": token, ...headers},
    body: JSON.stringify(body)
  });

describe("the dev server's save endpoint", () => {
  it.each([
    "../outside.html",
    "notebooks/../outside.html",
    "<absolute path of outside.html>",
    "/etc/passwd",
    "notebooks/%2e%2e%2foutside.html",
    "notebooks/..%2Foutside.html",
    "notebooks/..\\outside.html",
    "notebooks/link.html",
    "notebooks/study.txt",
    "src/app/reader.ts"
  ])("refuses to write %j", async (requested) => {
    const p = requested.startsWith("<absolute") ? outside() : requested;
    const response = await post({path: p, text: initial.replace("Dev study", "evil"), baseVersion: textVersion(initial)});
    expect([400, 403]).toContain(response.status);
    expect(readFileSync(outside(), "utf8")).toBe(initial);
    expect(readFileSync(file("study.html"), "utf8")).toBe(initial);
  });

  it("gives every page it renders a random write token and refuses a write without it, from another origin, or not POST", async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    for (const page of ["", "editor.html", "notebooks/study.html"]) expect(await (await fetch(new URL(page, url))).text(), page).toContain(`<meta name="mapt-save-token" content="${token}">`);
    const body = {path: "notebooks/study.html", text: initial, baseVersion: textVersion(initial)};
    for (const wrong of ["1", "0", token.slice(1), `${token}x`]) {
      const response = await post(body, {"x-mapt-save": wrong});
      expect(response.status).toBe(403);
      expect((await response.json()).error).toMatch(/token of the page this dev server served/);
    }
    expect((await post(body, {origin: "http://evil.example"})).status).toBe(403);
    expect((await fetch(new URL(saveEndpointPath, url))).status).toBe(405);
  });

  it.each([
    ["notebooks/Study.html", /lower-case letters/],
    ["notebooks/probe.HTML", /lower-case letters/],
    ["notebooks/index.html", /name of the site's index page/],
    ["notebooks/evil\u202Elmth.html", /U\+202E/],
    ["notebooks\u2215evil.html", /U\+2215/],
    ["notebooks/evil\uFF0Fx.html", /U\+FF0F/],
    ["notebooks/a b.html", /U\+0020/]
  ])("refuses the odd name %j with a clear 400 message and writes nothing", async (requested, message) => {
    const response = await post({path: requested, text: initial, baseVersion: null});
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(message);
    expect(readdirSync(path.join(dir, "notebooks")).sort()).toEqual(expect.not.arrayContaining(["Study.html", "probe.HTML", "index.html"]));
  });

  it("lets no other origin read its files: no CORS headers, not even for another local port", async () => {
    for (const origin of ["http://127.0.0.1:9999", "http://localhost:3000", "http://evil.example"]) {
      const response = await fetch(new URL("notebooks/study.html", url), {headers: {origin}});
      expect(response.headers.get("access-control-allow-origin"), origin).toBeNull();
      const preflight = await fetch(new URL(saveEndpointPath, url), {method: "OPTIONS", headers: {origin, "access-control-request-method": "POST", "access-control-request-headers": "x-mapt-save"}});
      expect(preflight.headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("refuses a body larger than a notebook file may be (413) and writes nothing", async () => {
    const huge = initial.replace("Dev study", "x".repeat(5 * 1024 * 1024 + 1));
    const response = await post({path: "notebooks/study.html", text: huge, baseVersion: textVersion(initial)});
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/at most \d+ bytes/);
    expect(readFileSync(file("study.html"), "utf8")).toBe(initial);
  });

  it("sends its pages' Content-Security-Policy as a header", async () => {
    const policy = (await fetch(new URL("notebooks/study.html", url))).headers.get("content-security-policy");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("default-src 'self'");
  });

  it("refuses to overwrite a file that changed since it was loaded, answering the disk's version", async () => {
    const response = await post({path: "notebooks/study.html", text: initial.replace("Dev study", "mine"), baseVersion: textVersion("an older text")});
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({diskText: initial, diskVersion: textVersion(initial)});
    expect(readFileSync(file("study.html"), "utf8")).toBe(initial);
  });
});

describe("a shipped notebook under the dev server", () => {
  it("making a copy at the first edit writes the edits to a new file beside it and leaves the file as it was", async () => {
    writeFileSync(file("copied.html"), initial);
    const copier = await browser.newPage();
    await openEditing(copier, new URL("notebooks/copied.html", url).href);
    await typeInCell(copier, 3, "'edited in a copy'");
    await copier.locator(".mapt-edit-choice").getByRole("button", {name: "Make a copy and edit that"}).click();
    await copier.waitForURL(/notebooks\/copied-copy\.html$/);
    expect(readFileSync(file("copied.html"), "utf8")).toBe(initial);
    expect(readFileSync(file("copied-copy.html"), "utf8")).toContain("'edited in a copy'");
    await copier.close();
  });
});

describe("a notebook changed on disk under the dev server", () => {
  it("an open page takes a second write that comes right after the first (within the watcher's change throttle)", async () => {
    writeFileSync(file("quick.html"), initial);
    const reader = await browser.newPage();
    await reader.goto(new URL("notebooks/quick.html", url).href);
    await reader.waitForFunction(() => document.querySelector("#cell-2 .mapt-cell-output")?.textContent === "2");
    const second = initial.replace("const a = 1;", "const a = 30;");
    // The second write as soon as the server has told the pages of the first (read after the
    // watcher reported it): the watcher drops a change of the same file that close.
    const send = server.ws.send;
    server.ws.send = ((...args: Parameters<typeof send>) => {
      (send as (...a: typeof args) => void).apply(server.ws, args);
      const payload = args[0] as unknown as {type?: string; data?: {path?: string}};
      if (payload?.type === "custom" && payload.data?.path === "notebooks/quick.html") {
        server.ws.send = send;
        writeFileSync(file("quick.html"), second);
      }
    }) as typeof send;
    writeFileSync(file("quick.html"), initial.replace("const a = 1;", "const a = 20;"));
    await expectCellText(reader, 2, "31");
    await reader.close();
  });
});

describe("editing under the dev server", () => {
  let page: Page;
  /** A page that only reads the notebook (never entered Edit). */
  let reader: Page;
  let log: ReturnType<typeof record>;
  beforeAll(async () => {
    // Warm up: Vite optimizes dependencies on first use and may reload a page it finds new ones on.
    const warmUp = await browser.newPage();
    await openEditing(warmUp, new URL("notebooks/study.html", url).href);
    await warmUp.waitForLoadState("networkidle");
    await warmUp.close();
    reader = await browser.newPage();
    await reader.goto(new URL("notebooks/study.html", url).href);
    await reader.waitForFunction(() => document.querySelector("#cell-2 .mapt-cell-output")?.textContent === "2");
    await reader.evaluate(() => ((window as unknown as {__marker: number}).__marker = 1));
    page = await browser.newPage();
    log = record(page);
    await openEditing(page, new URL("notebooks/study.html", url).href);
    await page.waitForFunction(() => document.querySelector("#cell-2 .mapt-cell-output")?.textContent === "2");
    await page.evaluate(() => ((window as unknown as {__marker: number}).__marker = 1));
  }, 120_000);
  const marker = () => page.evaluate(() => (window as unknown as {__marker?: number}).__marker);

  it("the first edit asks once whether to edit the file or a copy; nothing is written before the answer", async () => {
    await typeInCell(page, 2, "(window.__runs.b++, a + 100)");
    const dialog = page.locator(".mapt-edit-choice");
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/notebooks\/study\.html/);
    expect(readFileSync(file("study.html"), "utf8")).toBe(initial);
    await dialog.getByRole("button", {name: "Edit the file"}).click();
    await typeInCell(page, 2, "(window.__runs.b++, a + 1)");
    expect(await page.locator(".mapt-edit-choice").count()).toBe(0);
  });

  it("Mod+S writes the notebook file, which reads back identically", async () => {
    await typeInCell(page, 2, "(window.__runs.b++, a + 100)");
    await page.keyboard.press("ControlOrMeta+Enter");
    await page.keyboard.press("ControlOrMeta+s");
    await expect.poll(() => page.locator(".mapt-save-state").innerText()).toBe("Saved");
    const text = readFileSync(file("study.html"), "utf8");
    const {notebook} = readNotebook(text);
    expect(notebook.cells.map((c) => c.source)).toEqual([
      "window.__runs ??= {a: 0, b: 0, c: 0};\nwindow.__runs.a++;\nconst a = 1;",
      "(window.__runs.b++, a + 100)",
      "(window.__runs ??= {a: 0, b: 0, c: 0}, window.__runs.c++, 5)"
    ]);
    expect(serializeNotebook(notebook)).toBe(text);
  });

  it("saves by itself after a pause in typing", async () => {
    await typeInCell(page, 2, "(window.__runs.b++, a + 200)");
    await expect.poll(() => readFileSync(file("study.html"), "utf8"), {timeout: 10_000}).toContain("a + 200");
    // The file holds code that has not run: the page says so.
    await expect.poll(() => page.locator(".mapt-save-state").innerText()).toBe("Saved · 1 cell edited, not run");
  });

  it("a change on disk updates the changed cells of the open page without reloading", async () => {
    await page.keyboard.press("Escape");
    const before = await runs(page);
    writeFileSync(file("study.html"), readFileSync(file("study.html"), "utf8").replace("const a = 1;", "const a = 41;"));
    await expectCellText(page, 2, "241");
    expect(await marker()).toBe(1);
    await expectCellText(reader, 2, "241");
    expect(await reader.evaluate(() => (window as unknown as {__marker?: number}).__marker)).toBe(1);
    expect(await reader.locator(".cm-editor").count()).toBe(0);
    const after = await runs(page);
    expect(after.c).toBe(before.c);
    expect(after.a).toBe(before.a! + 1);
    await expect.poll(() => page.locator("#cell-1 .cm-content").innerText()).toContain("const a = 41;");
  });

  it("a change on disk while this page has unsaved edits shows both versions; keeping mine writes it", async () => {
    await typeInCell(page, 3, "(window.__runs.c++, 'mine')");
    writeFileSync(file("study.html"), readFileSync(file("study.html"), "utf8").replace("const a = 41;", "const a = 42;"));
    const dialog = page.locator(".mapt-conflict");
    await dialog.waitFor();
    expect(await dialog.locator('[data-version="mine"] pre').innerText()).toContain("'mine'");
    expect(await dialog.locator('[data-version="disk"] pre').innerText()).toContain("const a = 42;");
    await dialog.getByRole("button", {name: "Keep mine"}).click();
    await expect.poll(() => readFileSync(file("study.html"), "utf8")).toContain("'mine'");
    expect(readFileSync(file("study.html"), "utf8")).not.toContain("const a = 42;");
    expect(await marker()).toBe(1);
    expect(log.errors).toEqual([]);
  });
});
