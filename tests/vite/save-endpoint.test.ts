import {mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {beforeEach, describe, expect, it} from "vitest";
import {textVersion} from "../../src/shared/index.ts";
import {resolveNotebookFile, saveNotebookFile, type SaveTarget} from "../../src/vite/save-endpoint.ts";

const notebook = (title: string) => `<!doctype html>\n<notebook>\n  <title>${title}</title>\n  <script id="1" type="module">\n    1 + 1\n  </script>\n</notebook>\n`;

let target: SaveTarget;
let outside: string;
beforeEach(() => {
  const root = mkdtempSync(path.join(tmpdir(), "mapt-save-"));
  target = {root, notebooksDir: path.join(root, "notebooks")};
  mkdirSync(target.notebooksDir);
  mkdirSync(path.join(target.notebooksDir, "sub"));
  outside = path.join(root, "outside.html");
  writeFileSync(outside, notebook("outside"));
  writeFileSync(path.join(target.notebooksDir, "a.html"), notebook("A"));
  symlinkSync(outside, path.join(target.notebooksDir, "link.html"));
});

const save = (p: string, text: string, baseVersion: string | null) => saveNotebookFile(target, {path: p, text, baseVersion});
const read = (name: string) => readFileSync(path.join(target.notebooksDir, name), "utf8");

describe("saveNotebookFile", () => {
  it("writes a notebook over the version the page loaded and answers the new version", async () => {
    const text = notebook("A, edited");
    expect(await save("notebooks/a.html", text, textVersion(notebook("A")))).toEqual({status: 200, version: textVersion(text)});
    expect(read("a.html")).toBe(text);
    expect(readdirSync(target.notebooksDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("creates a new file when baseVersion is null", async () => {
    expect((await save("notebooks/new.html", notebook("N"), null)).status).toBe(200);
    expect(read("new.html")).toBe(notebook("N"));
  });

  it("refuses to overwrite a file that changed on disk, answering the disk's text", async () => {
    const result = await save("notebooks/a.html", notebook("mine"), textVersion(notebook("what I loaded")));
    expect(result).toMatchObject({status: 409, diskText: notebook("A"), diskVersion: textVersion(notebook("A"))});
    expect(read("a.html")).toBe(notebook("A"));
    expect((await save("notebooks/a.html", notebook("new"), null)).status).toBe(409);
  });

  it.each([
    "../outside.html",
    "notebooks/../outside.html",
    "notebooks/../../etc/passwd.html",
    "/etc/passwd.html",
    "C:/x/notebooks/a.html",
    "notebooks/%2e%2e%2foutside.html",
    "notebooks/..%2Foutside.html",
    "notebooks%2Fa.html",
    "notebooks\\a.html",
    "notebooks/..\\outside.html",
    "notebooks/sub/a.html",
    "notebooks/./a.html",
    "notebooks//a.html",
    "notebooks/a.txt",
    "notebooks/a.html.js",
    "notebooks/.hidden.html",
    "notebooks/link.html",
    "outside.html",
    "a.html",
    "notebooks/a\u0000.html"
  ])("refuses the unsafe path %j and leaves every file as it was", async (p) => {
    const result = await save(p, notebook("evil"), null);
    expect([400, 403]).toContain(result.status);
    expect(readFileSync(outside, "utf8")).toBe(notebook("outside"));
    expect(read("a.html")).toBe(notebook("A"));
  });

  it("refuses a text that is not a notebook or has errors", async () => {
    expect((await save("notebooks/a.html", "hello", textVersion(notebook("A")))).status).toBe(422);
    expect((await save("notebooks/a.html", "<notebook><!-- open", textVersion(notebook("A")))).status).toBe(422);
    expect(read("a.html")).toBe(notebook("A"));
  });

  it("refuses malformed requests", async () => {
    expect((await saveNotebookFile(target, null)).status).toBe(400);
    expect((await saveNotebookFile(target, {path: 3, text: "", baseVersion: null})).status).toBe(400);
    expect((await saveNotebookFile(target, {path: "notebooks/a.html", text: 1, baseVersion: null})).status).toBe(400);
  });

  it("of concurrent saves from the same base version exactly one is written; the others answer 409 with the winner's text", async () => {
    const base = textVersion(notebook("A"));
    const texts = Array.from({length: 8}, (_, i) => notebook(`edit ${i}`));
    const results = await Promise.all(texts.map((text) => save("notebooks/a.html", text, base)));
    const written = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
    expect(written).toHaveLength(1);
    const winner = texts[written[0]!]!;
    expect(read("a.html")).toBe(winner);
    for (const r of results.filter((r) => r.status !== 200)) expect(r).toMatchObject({status: 409, diskText: winner, diskVersion: textVersion(winner)});
  });

  it.each([
    ["notebooks/A.html", /lower-case letters/],
    ["notebooks/probe.HTML", /lower-case letters/],
    ["notebooks/index.html", /site's index page/],
    ["notebooks/x\u202Elmth.html", /U\+202E/],
    ["notebooks\u2215x.html", /U\+2215/],
    ["notebooks/x\u2044y.html", /U\+2044/],
    ["notebooks/caf\u00e9.html", /U\+00E9/]
  ])("refuses the odd name %j with a 400 that says what is wrong", async (p, message) => {
    const result = await save(p, notebook("odd"), null);
    expect(result.status).toBe(400);
    expect((result as {error: string}).error).toMatch(message);
    expect(readdirSync(target.notebooksDir).sort()).toEqual(["a.html", "link.html", "sub"]);
  });

  it("resolveNotebookFile names the file inside the notebooks folder", async () => {
    expect(await resolveNotebookFile(target, "notebooks/a.html")).toMatch(/notebooks[\\/]a\.html$/);
  });
});
