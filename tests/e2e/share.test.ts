import {readFileSync} from "node:fs";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {openBrowser, record} from "./browser.ts";
import {newNotebook, typeInCell} from "./editor.ts";

let browser: BrowserContext;
let elsewhere: BrowserContext;
beforeAll(async () => {
  browser = await openBrowser();
  elsewhere = await openBrowser(); // another profile: nothing of the first browser's storage
});
afterAll(async () => {
  await browser?.close();
  await elsewhere?.close();
});

const site = () => inject("siteUrl");

/** Opens the Share dialog and reads the link it offers. */
async function linkOf(page: Page): Promise<string> {
  await page.getByRole("button", {name: "Share"}).click();
  const dialog = page.getByRole("dialog", {name: "Share this notebook"});
  await expect.poll(() => dialog.locator("textarea").inputValue()).toMatch(/^http/);
  const link = await dialog.locator("textarea").inputValue();
  await dialog.getByRole("button", {name: "Close"}).click();
  return link;
}

/** Sets an Observable Inputs slider in a cell, as dragging it would. */
async function slide(page: Page, cell: number, value: number): Promise<void> {
  await page.locator(`#cell-${cell} input[type=range]`).fill(String(value));
}

/** The notebook file the page would download (Edit mode's Download). */
async function downloaded(page: Page): Promise<string> {
  if ((await page.locator(".mapt-editor-bar").count()) === 0) await page.keyboard.press("e");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", {name: "Download"}).click()]);
  return readFileSync((await download.path())!, "utf8");
}

describe("share links", () => {
  it("a link carries a notebook made in the browser and its input values: the recipient sees the same cells and, after Run, the same values", async () => {
    const page = await browser.newPage();
    await newNotebook(page, site());
    await typeInCell(page, 2, 'const n = view(Inputs.range([0, 100], {step: 1, value: 10, label: "n"}));');
    await page.keyboard.press("Shift+Enter");
    await page.locator("#cell-3 .cm-editor.cm-focused").waitFor();
    await page.keyboard.insertText("`twice n is ${n * 2}`");
    await page.keyboard.press("ControlOrMeta+Enter");
    await slide(page, 2, 37);
    await expect.poll(() => page.locator("#cell-3 .mapt-cell-output").innerText()).toBe('"twice n is 74"');
    const original = await downloaded(page);
    const link = await linkOf(page);
    expect(link).toMatch(/editor\.html#nb1\/[A-Za-z0-9_-]+$/);

    const other = await elsewhere.newPage();
    const log = record(other);
    await other.goto(link);
    await other.getByRole("button", {name: "Run this notebook"}).waitFor();
    expect(await other.locator("#cell-3 .mapt-cell-output").innerText()).toBe("");
    await other.getByRole("button", {name: "Run this notebook"}).click();
    await expect.poll(() => other.locator("#cell-3 .mapt-cell-output").innerText(), {timeout: 30_000}).toBe('"twice n is 74"');
    expect(await other.locator("#cell-2 input[type=range]").inputValue()).toBe("37");
    expect(await downloaded(other)).toBe(original);
    expect(log.errors).toEqual([]);
  });

  it("a link to a shipped notebook is its page plus the input values, and the dependent chart follows them", async () => {
    const page = await browser.newPage();
    await page.goto(`${site()}notebooks/getting-started.html`);
    await waitForSettledCells(page);
    await page.locator("#cell-3 select").selectOption({label: "Kenya"});
    await slide(page, 3, 2010);
    await waitForSettledCells(page);
    const title = await page.locator("#cell-7 figure h2").innerText();
    const link = await linkOf(page);
    expect(link).toMatch(/notebooks\/getting-started\.html#state1\/[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(300);

    const other = await elsewhere.newPage();
    const log = record(other);
    await other.goto(link);
    await waitForSettledCells(other);
    expect(await other.locator("#cell-3 select option:checked").innerText()).toBe("Kenya");
    expect(await other.locator("#cell-3 input[type=range]").inputValue()).toBe("2010");
    expect(await other.locator("#cell-7 figure h2").innerText()).toBe(title);
    expect(log.errors).toEqual([]);
  });

  it("a cut-off, garbage or future-version link says what is wrong on the page, with no uncaught error", async () => {
    const page = await browser.newPage();
    await newNotebook(page, site());
    const link = await linkOf(page);
    for (const [fragment, message] of [
      [link.split("#")[1]!.slice(0, -12), /incomplete/],
      ["nb1/%%%garbage%%%", /damaged|does not hold/],
      [`nb7/${link.split("#nb1/")[1]}`, /newer version/]
    ] as const) {
      const other = await elsewhere.newPage();
      const log = record(other);
      await other.goto(`${site()}editor.html#${fragment}`);
      await expect.poll(() => other.locator(".mapt-page-message").innerText()).toMatch(message);
      expect(await other.locator(".mapt-cell").count()).toBe(0);
      expect(log.errors).toEqual([]);
      await other.close();
    }
    const shipped = await elsewhere.newPage();
    const log = record(shipped);
    await shipped.goto(`${site()}notebooks/getting-started.html#state1/AAAA`);
    await expect.poll(() => shipped.locator(".mapt-page-message").innerText()).toMatch(/shown as it is/);
    await waitForSettledCells(shipped);
    expect(log.errors).toEqual([]);
  });

  it("the Share dialog says the link's size and warns past 8 KB where such links break", async () => {
    const page = await browser.newPage();
    await newNotebook(page, site());
    // Text that does not compress well makes a long link.
    const noise = Array.from({length: 1500}, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join(" ");
    await typeInCell(page, 1, `# Long\n\n${noise}`);
    await page.getByRole("button", {name: "Share"}).click();
    const dialog = page.getByRole("dialog", {name: "Share this notebook"});
    await expect.poll(() => dialog.locator(".mapt-share-size").innerText()).toMatch(/characters \([\d.]+ KB\)/);
    expect(await dialog.locator(".mapt-share-warning").innerText()).toMatch(/longer than 8 KB.*chat apps and mail/);
  });
});
