import {mkdirSync} from "node:fs";
import path from "node:path";
import type {CellFailure} from "./settle.ts";
import {withSettledNotebook} from "./settled-notebook.ts";

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
  const out = path.resolve(options.out ?? `${path.basename(options.file, path.extname(options.file))}.pdf`);
  mkdirSync(path.dirname(out), {recursive: true});
  return withSettledNotebook({...options, viewport: PRINT_VIEWPORT, purpose: "pdf"}, async ({page, outcome, pageErrors}) => {
    options.log?.(`printing ${outcome.cells} cells…`);
    await page.pdf({path: out, format: "A4", printBackground: true, preferCSSPageSize: true});
    return {out, failures: outcome.failures, pageErrors};
  });
}
