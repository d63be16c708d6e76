import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from "node:fs";
import {request} from "node:http";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {resolveRequestPath, serveStatic, type StaticServer} from "../../src/cli/static-server.ts";
import {contentSecurityPolicy} from "../../src/shared/index.ts";

let parent: string;
let site: string;
let server: StaticServer;
beforeAll(async () => {
  parent = mkdtempSync(path.join(tmpdir(), "mapt-static-"));
  site = path.join(parent, "site");
  mkdirSync(path.join(site, "notebooks"), {recursive: true});
  mkdirSync(path.join(parent, "site-secret"));
  writeFileSync(path.join(parent, "site-secret", "token.txt"), "secret");
  writeFileSync(path.join(parent, "secret.txt"), "secret");
  writeFileSync(path.join(site, "index.html"), "<!doctype html><p>index</p>");
  writeFileSync(path.join(site, "notebooks", "a b.html"), `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self' data.example.org"><p>a</p>`);
  symlinkSync(path.join(parent, "secret.txt"), path.join(site, "link.txt"));
  server = await serveStatic(site);
});
afterAll(() => server?.close());

/** A raw GET of `rawPath` exactly as written (no URL normalization by a client). */
function get(
  rawPath: string,
  options: {from?: StaticServer; referer?: string; headers?: Record<string, string>; method?: string} = {}
): Promise<{status: number; body: string; policy?: string; range?: string; length?: string}> {
  const {port} = new URL((options.from ?? server).url);
  const headers = {...options.headers, ...(options.referer === undefined ? {} : {referer: options.referer})};
  return new Promise((resolve, reject) => {
    const req = request({host: "127.0.0.1", port, path: rawPath, method: options.method ?? "GET", headers}, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      const header = (name: string) => res.headers[name] as string | undefined;
      res.on("end", () => resolve({status: res.statusCode!, body, policy: header("content-security-policy"), range: header("content-range"), length: header("content-length")}));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("check's static server", () => {
  it("serves the site's files, a folder's index.html and percent-encoded names, with the page's own policy as a header", async () => {
    expect(await get("/")).toMatchObject({status: 200, body: "<!doctype html><p>index</p>", policy: contentSecurityPolicy()});
    const page = await get("/notebooks/a%20b.html?x=1#y");
    expect(page.status).toBe(200);
    expect(page.policy).toBe("default-src 'self'; connect-src 'self' data.example.org");
  });

  it("serves the byte range a Range header asks for (206 with its Content-Range), as DuckDB's range reads of a large file need", async () => {
    const whole = "<!doctype html><p>index</p>";
    expect(await get("/index.html", {headers: {range: "bytes=2-8"}})).toMatchObject({status: 206, body: whole.slice(2, 9), range: `bytes 2-8/${whole.length}`});
    expect(await get("/index.html", {headers: {range: "bytes=20-"}})).toMatchObject({status: 206, body: whole.slice(20)});
    expect(await get("/index.html", {headers: {range: "bytes=-4"}})).toMatchObject({status: 206, body: whole.slice(-4)});
    expect(await get("/index.html", {headers: {range: "bytes=0-"}, method: "HEAD"})).toMatchObject({status: 206, body: "", length: String(whole.length)});
    expect(await get("/index.html", {headers: {range: "bytes=999-"}})).toMatchObject({status: 416, range: `bytes */${whole.length}`});
    expect(await get("/index.html", {headers: {range: "bytes=0-1,4-5"}})).toMatchObject({status: 200, body: whole});
  });

  it.each([
    ["/%E0%A4%A", 400],
    ["/%", 400],
    ["/notebooks/%00.html", 400],
    ["/..%5csecret.txt", 400],
    ["/..\\secret.txt", 400],
    ["/../secret.txt", 403],
    ["/%2e%2e/secret.txt", 403],
    ["/notebooks/%2e%2e/%2e%2e/secret.txt", 403],
    ["/../site-secret/token.txt", 403],
    ["/%2e%2e/site-secret/token.txt", 403],
    ["/link.txt", 403],
    ["/missing.html", 404]
  ])("answers %j with %i, never a file outside the site, and keeps running", async (rawPath, status) => {
    const response = await get(rawPath);
    expect(response.status).toBe(status);
    expect(response.body).not.toContain("secret");
    expect((await get("/")).status).toBe(200);
  });

  it("resolveRequestPath keeps a sibling folder that shares the site folder's name prefix out", () => {
    expect(resolveRequestPath(site, "/../site-secret/token.txt")).toMatchObject({status: 403});
    expect(resolveRequestPath(path.join(parent, "site"), "/index.html")).toEqual({file: path.join(site, "index.html")});
  });

  it("resolveRequestPath follows a link of a notebook's folder into its project (linkRoot), never out of it or into a hidden folder", () => {
    // project/ex/d3/data -> ../data, as a project that shares one data folder between its notebook folders does.
    const project = path.join(parent, "project");
    mkdirSync(path.join(project, "ex", "shared"), {recursive: true});
    mkdirSync(path.join(project, "ex", "d3"), {recursive: true});
    mkdirSync(path.join(project, ".git"), {recursive: true});
    writeFileSync(path.join(project, "ex", "shared", "logo.svg"), "<svg/>");
    writeFileSync(path.join(project, ".git", "config"), "secret");
    symlinkSync("../shared", path.join(project, "ex", "d3", "data"));
    symlinkSync(path.join(project, ".git"), path.join(project, "ex", "d3", "vcs"));
    symlinkSync(path.join(parent, "secret.txt"), path.join(project, "ex", "d3", "away.txt"));
    const notebookDir = path.join(project, "ex", "d3");
    expect(resolveRequestPath(notebookDir, "/data/logo.svg", project)).toEqual({file: path.join(notebookDir, "data", "logo.svg")});
    expect(resolveRequestPath(notebookDir, "/data/logo.svg")).toMatchObject({status: 403});
    expect(resolveRequestPath(notebookDir, "/vcs/config", project)).toMatchObject({status: 403});
    expect(resolveRequestPath(notebookDir, "/away.txt", project)).toMatchObject({status: 403});
    expect(resolveRequestPath(notebookDir, "/../shared/logo.svg", project)).toMatchObject({status: 403});
    // A served project: its files, but never its hidden ones.
    expect(resolveRequestPath(project, "/ex/shared/logo.svg", project)).toEqual({file: path.join(project, "ex", "shared", "logo.svg")});
    expect(resolveRequestPath(project, "/.git/config", project)).toMatchObject({status: 403});
  });

  it("serves a site-root address asked by a mounted page from that page's site root, inside its project only", async () => {
    // A Notebook Kit project whose site is its docs/ folder, mounted where check stages its page.
    const project = path.join(parent, "kit");
    mkdirSync(path.join(project, "docs", "public"), {recursive: true});
    mkdirSync(path.join(project, "docs", "guides"), {recursive: true});
    mkdirSync(path.join(project, "docs", ".cache"), {recursive: true});
    writeFileSync(path.join(project, "docs", "public", "mark.svg"), "<svg>mark</svg>");
    writeFileSync(path.join(project, "docs", ".cache", "token"), "secret");
    writeFileSync(path.join(project, "top.txt"), "project file outside the site");
    const mounted = await serveStatic(site, {mounts: [{urlPath: "/.mapt/stage-1/0/", dir: project, linkRoot: project, siteRoot: path.join(project, "docs")}]});
    try {
      const page = `${mounted.url}.mapt/stage-1/0/docs/guides/owl.html`;
      expect(await get("/public/mark.svg", {from: mounted, referer: page})).toMatchObject({status: 200, body: "<svg>mark</svg>"});
      expect((await get("/public/mark.svg", {from: mounted})).status, "asked by no mounted page").toBe(404);
      expect((await get("/public/mark.svg", {from: mounted, referer: `${mounted.url}notebooks/other.html`})).status).toBe(404);
      expect((await get("/../top.txt", {from: mounted, referer: page})).status).toBe(403);
      expect((await get("/.cache/token", {from: mounted, referer: page})).status).toBe(403);
      expect((await get("/index.html", {from: mounted, referer: page})).body, "the site's own files come first").toBe("<!doctype html><p>index</p>");
    } finally {
      await mounted.close();
    }
  });
});
