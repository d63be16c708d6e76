import {existsSync, mkdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {chromium} from "playwright-core";
import {buildSite} from "./build-site.ts";
import {chromiumArgs, findChromium} from "./chromium.ts";
import {waitForSettledCells, type CellFailure} from "./settle.ts";
import {serveStatic} from "./static-server.ts";

/** Options of {@link printNotebookPdf}. */
export interface PdfOptions {
  /** Project root (the folder with notebooks/ and data/). */
  root: string;
  /** The notebook file to print. */
  file: string;
  /** Where to write the PDF. Default: the notebook's name with `.pdf`, in the current folder. */
  out?: string;
  /** How long the notebook may take to settle. Default 60 s. */
  timeoutMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** What {@link printNotebookPdf} wrote, and the cells that failed (they show their errors in the PDF). */
export interface PdfResult {
  out: string;
  failures: CellFailure[];
  /** Uncaught errors of the page, and a notebook that never settled. */
  pageErrors: string[];
}

// A4 less the print stylesheet's margins is about 690 CSS pixels: the page is laid out (and its
// charts drawn, through `width`) at that width, so the PDF shows them as the screen did.
const PRINT_VIEWPORT = {width: 690, height: 1000};

/**
 * Prints a notebook to PDF headlessly: builds the site with it, opens it in Chromium at the
 * printed width, waits until every cell settles, then prints with the page's print stylesheet
 * (Chromium's Page.printToPDF): no page bar, code wrapped, charts kept whole.
 */
export async function printNotebookPdf(options: PdfOptions): Promise<PdfResult> {
  const {root, timeoutMs = 60_000, log = () => {}} = options;
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new Error(`no such notebook file: ${file}`);
  const out = path.resolve(options.out ?? `${path.basename(file, path.extname(file))}.pdf`);
  mkdirSync(path.dirname(out), {recursive: true});
  const executablePath = findChromium();
  log(`building ${path.relative(process.cwd(), file) || file}…`);
  const siteDir = path.join(tmpdir(), `mapt-pdf-${process.pid}`);
  const site = await buildSite(root, siteDir, [file]);
  const server = await serveStatic(site.dir);
  const browser = await chromium.launch({executablePath, args: chromiumArgs});
  try {
    const page = await browser.newPage({viewport: PRINT_VIEWPORT});
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(server.url + site.pages.get(file)!);
    const outcome = await waitForSettledCells(page, timeoutMs);
    if (!outcome.settled && outcome.failures.length === 0) pageErrors.push(`the notebook did not start within ${timeoutMs / 1000} s`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    log(`printing ${outcome.cells} cells…`);
    await page.pdf({path: out, format: "A4", printBackground: true, preferCSSPageSize: true});
    return {out, failures: outcome.failures, pageErrors};
  } finally {
    await browser.close();
    await server.close();
    rmSync(siteDir, {recursive: true, force: true});
  }
}
