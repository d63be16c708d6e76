import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import path from "node:path";
import type {BrowserContext, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {decodeShareFragment, encodeShareFragment, type SharePayload} from "../../src/share/index.ts";
import {openBrowser, record} from "./browser.ts";
import {dropFiles, newNotebook} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** A notebook whose cell 2 reads data.csv (each test its own title, so its own draft). */
const notebookTitled = (title: string) => `<!doctype html>
<notebook>
  <title>${title}</title>
  <script id="1" type="text/markdown">
    # Linked data
  </script>
  <script id="2" type="module">
    FileAttachment("data.csv").csv().then((rows) => "names: " + rows.map((row) => row.name).join(", "))
  </script>
  <script id="3" type="application/sql">
    SELECT count(*)::INT AS n FROM data
  </script>
</notebook>
`;
const right = "name\na\nb\n";
const wrong = "name\nx\n";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A link carrying the notebook titled `title`, referring to data.csv with the bytes of `text`. */
async function linkReferring(text: string, title = "Linked data"): Promise<string> {
  const notebook = notebookTitled(title);
  const files = [{name: "data.csv", size: Buffer.byteLength(text), sha256: sha256(text)}];
  return `${inject("siteUrl")}editor.html#${await encodeShareFragment({notebook, inputs: {}, files})}`;
}

const output = (page: Page) => page.locator("#cell-2 .mapt-cell-output");
const cellError = (page: Page) => page.locator("#cell-2 .mapt-cell-error");

/** Chooses a file named data.csv holding `text` through the notice's button. */
async function choose(page: Page, button: Locator, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), button.click()]);
  await chooser.setFiles({name: "data.csv", mimeType: "text/csv", buffer: Buffer.from(text)});
}

/** What the Share dialog's link carries (`look` sees the dialog first). */
async function payloadOfShareLink(page: Page, look?: (dialog: Locator) => Promise<void>): Promise<SharePayload> {
  await page.getByRole("button", {name: "Share"}).click();
  const dialog = page.getByRole("dialog", {name: "Share this notebook"});
  await expect.poll(() => dialog.locator("textarea").inputValue()).toMatch(/#nb1\//);
  await look?.(dialog);
  const link = await dialog.locator("textarea").inputValue();
  await dialog.getByRole("button", {name: "Close"}).click();
  const decoded = await decodeShareFragment(link.split("#")[1]!);
  if ("error" in decoded) throw new Error(decoded.error);
  return decoded.payload;
}

describe("data files in share links", () => {
  it("a link whose data file this browser lacks says which file and what to do; a wrong file is refused, the right one is read", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(await linkReferring(right));
    const notice = page.getByRole("region", {name: "Files the link refers to"});
    await expect.poll(() => notice.innerText()).toContain("“data.csv”");
    expect(await notice.innerText()).toContain("does not have it");
    expect(await page.locator("#cell-2 .mapt-cell-file-problem").innerText()).toContain("This cell reads “data.csv”");
    // Passed on before the file is here, the link still refers to the same file.
    expect((await payloadOfShareLink(page)).files).toEqual([{name: "data.csv", size: Buffer.byteLength(right), sha256: sha256(right)}]);
    // Run: the cell says why it cannot read the file, it never reads another.
    await page.getByRole("button", {name: "Run this notebook"}).click();
    await expect.poll(() => cellError(page).innerText()).toContain("data.csv");
    expect(await cellError(page).innerText()).toContain("Choose that file");

    // A SQL cell reading the file's table says so too.
    await expect.poll(() => page.locator("#cell-3 .mapt-cell-error").innerText(), {timeout: 30_000}).toContain("data.csv");

    await choose(page, notice.getByRole("button", {name: "Choose data.csv…"}), wrong);
    await expect.poll(() => notice.getByRole("alert").innerText()).toContain("is not the file the link refers to");
    expect(await cellError(page).isVisible()).toBe(true);

    await choose(page, notice.getByRole("button", {name: "Choose data.csv…"}), right);
    await expect.poll(() => output(page).innerText()).toBe('"names: a, b"');
    await expect.poll(() => page.locator("#cell-3 .mapt-cell-output tbody td:last-child").first().innerText(), {timeout: 30_000}).toBe("2");
    expect(await page.locator("#cell-3 .mapt-cell-error").isVisible()).toBe(false);
    expect(await notice.count()).toBe(0);
    expect(await page.locator(".mapt-cell-file-problem").count()).toBe(0);

    // The chosen file is kept with the notebook: a reload reads it again, checked, without asking.
    await page.reload();
    await expect.poll(() => output(page).innerText(), {timeout: 30_000}).toBe('"names: a, b"');
    expect(await page.locator(".mapt-link-files").count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("a link whose data hash does not match the file this browser has says so, and the cell does not read that file", async () => {
    const page = await browser.newPage();
    const log = record(page);
    // This browser keeps the right data.csv with the notebook; then a link refers to other bytes.
    await page.goto(await linkReferring(right, "Linked data, changed"));
    await choose(page, page.getByRole("button", {name: "Choose data.csv…"}).first(), right);
    await page.getByRole("button", {name: "Run this notebook"}).click();
    await expect.poll(() => output(page).innerText()).toBe('"names: a, b"');
    await page.goto(await linkReferring(wrong, "Linked data, changed"));
    const notice = page.getByRole("region", {name: "Files the link refers to"});
    await expect.poll(() => notice.innerText()).toContain("is not the file the link refers to");
    expect(await notice.innerText()).toContain("its bytes differ");
    expect(await page.locator("#cell-2 .mapt-cell-file-problem").innerText()).toContain("not the one the link refers to");
    await expect.poll(() => cellError(page).innerText(), {timeout: 30_000}).toContain("data.csv");
    expect(await output(page).innerText()).not.toContain("names: a, b");
    await choose(page, page.locator("#cell-2").getByRole("button", {name: "Choose data.csv…"}), wrong);
    await expect.poll(() => output(page).innerText()).toBe('"names: x"');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("a link to a notebook with an attached file refers to the file by name, size and SHA-256, never its bytes", async () => {
    const page = await browser.newPage();
    await newNotebook(page, inject("siteUrl"));
    await dropFiles(page, [{name: "data.csv", text: right, type: "text/csv"}]);
    await page.locator(".mapt-cell .cm-content", {hasText: 'FileAttachment("data.csv")'}).waitFor();
    const payload = await payloadOfShareLink(page, async (dialog) => {
      expect(await dialog.locator(".mapt-share-files").innerText()).toContain("data.csv (9 bytes)");
    });
    expect(payload.files).toEqual([{name: "data.csv", size: Buffer.byteLength(right), sha256: sha256(right)}]);
    expect(payload.notebook).not.toContain("name\na\nb");
    await page.close();
  });

  it("a link to a notebook page whose data file has changed since says so, and the page reads the link's file once chosen", async () => {
    const served = readFileSync(path.join(import.meta.dirname, "fixtures/attachments-data.csv"), "utf8");
    const linked = "country,value\nKenya,1\n";
    const files = [{name: "attachments-data.csv", size: Buffer.byteLength(linked), sha256: sha256(linked)}];
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(`${inject("siteUrl")}${inject("fixturePages")["attachments.html"]}#${await encodeShareFragment({inputs: {}, files})}`);
    const notice = page.getByRole("region", {name: "Files the link refers to"});
    await expect.poll(() => notice.innerText()).toContain("“attachments-data.csv”");
    expect(await notice.innerText()).toContain("its bytes differ");
    await expect.poll(() => page.locator("#cell-1 .mapt-cell-error").innerText(), {timeout: 30_000}).toContain("attachments-data.csv");
    expect(await page.locator("#cell-2 .mapt-cell-output").innerText()).not.toContain("Kenya:42");
    // The page's own file is not the link's: refused.
    await choose(page, notice.getByRole("button", {name: "Choose attachments-data.csv…"}), served);
    await expect.poll(() => notice.getByRole("alert").innerText()).toContain("is not the file the link refers to");
    await choose(page, notice.getByRole("button", {name: "Choose attachments-data.csv…"}), linked);
    await expect.poll(() => page.locator("#cell-2 .mapt-cell-output").innerText(), {timeout: 30_000}).toBe('"Kenya:2"');
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
