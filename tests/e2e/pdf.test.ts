import {execFileSync} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {printNotebookPdf, waitForSettledCells, type PdfResult} from "../../src/cli/index.ts";
import {openBrowser} from "./browser.ts";

const root = path.resolve(import.meta.dirname, "../..");
const notebook = "kenya-2007-08.html";

let browser: BrowserContext;
let page: Page;
let result: PdfResult;
/** The PDF's text, page by page, in the order Chromium wrote it (a caption's lines stay together). */
let pdfPages: string[];

beforeAll(async () => {
  result = await printNotebookPdf({root, file: path.join(root, "notebooks", notebook), out: path.join(mkdtempSync(path.join(tmpdir(), "mapt-pdf-test-")), "kenya.pdf")});
  pdfPages = execFileSync("pdftotext", ["-raw", result.out, "-"], {encoding: "utf8"}).split("\f").filter((text) => text.trim());
  browser = await openBrowser();
  page = await browser.newPage();
  await page.goto(inject("siteUrl") + `notebooks/${notebook}`);
  await waitForSettledCells(page);
});
afterAll(async () => browser?.close());

/** Text without its line breaks and spacing, and (printed pages) without the addresses print adds after links. */
const squash = (text: string) => text.replace(/\s+/g, "");
const pdfText = () => squash(pdfPages.join("\n").replace(/<https?:[^<>]*>/g, ""));
/** The texts the PDF does not hold (a short failure message, where the PDF's whole text would not be). */
const missingFromPdf = (texts: string[], pdf = pdfText()) => texts.filter((text) => !pdf.includes(squash(text)));

describe("mapt pdf", () => {
  it("printNotebookPdf writes a PDF of every cell, settled, over several pages", () => {
    expect(result.failures).toEqual([]);
    expect(result.pageErrors).toEqual([]);
    expect(pdfPages.length).toBeGreaterThan(1);
  });

  it("the PDF holds every chart's source line as the page shows it, with its links' addresses", async () => {
    const captions = await page.locator(".mapt-cell-output figcaption").evaluateAll((elements) => elements.map((e) => e.textContent ?? "").filter((text) => /source/i.test(text)));
    expect(captions.length).toBeGreaterThan(0);
    expect(missingFromPdf(captions)).toEqual([]);
    const links = await page.locator(".mapt-cell-output figcaption a[href^='http']").evaluateAll((elements) => elements.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    expect(missingFromPdf(links.map((href) => `<${href}>`), squash(pdfPages.join("\n")))).toEqual([]);
  });

  it("the PDF holds every line of the code the notebook pins, wrapped rather than cut", async () => {
    const code = await page.locator(".mapt-cell:not([hidden]) > .mapt-cell-source").evaluateAll((elements) => elements.flatMap((e) => (e.textContent ?? "").split("\n")).filter((line) => line.trim()));
    expect(code.length).toBeGreaterThan(0);
    expect(missingFromPdf(code)).toEqual([]);
  });

  it("no page of the PDF carries the page bar", async () => {
    const barLines = (await page.locator(".mapt-bar").innerText()).split("\n").map((line) => line.trim()).filter(Boolean);
    expect(barLines).toContain("MAPT Notebooks");
    const pagesWithBar = pdfPages.filter((text) => text.split("\n").some((line) => barLines.includes(line.trim())));
    expect(pagesWithBar).toEqual([]);
  });
});
