import {existsSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {chromium} from "playwright-core";
import {readNotebook} from "../notebook/index.ts";
import {listNotebooks} from "../vite/index.ts";
import {buildSite} from "./build-site.ts";
import {chromiumArgs, findChromium} from "./chromium.ts";
import {waitForSettledCells, type CellFailure} from "./settle.ts";
import {serveStatic} from "./static-server.ts";

/** What `check` found for one notebook. */
export interface NotebookCheck {
  notebook: string;
  failures: CellFailure[];
  /** Uncaught errors of the page itself (not of a cell). */
  pageErrors: string[];
  /** With `strict`: every problem found reading the file, as `line N: message`; else none. */
  fileProblems: string[];
  cells: number;
}

/** Options of `checkNotebooks`. */
export interface CheckOptions {
  /** Project root (the folder with vite's notebooks/ and data/). */
  root: string;
  /** Notebook files to check; default every notebook in `<root>/notebooks`. */
  files?: string[];
  /** How long one notebook may take to settle. Default 60 s. */
  timeoutMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Fail a notebook for every problem found reading its file, warnings included. Default false. */
  strict?: boolean;
}

/**
 * Builds the site, opens each notebook headless in Chromium, waits until every cell settles,
 * and reports each cell that failed: notebook, cell id, mode and error.
 */
export async function checkNotebooks(options: CheckOptions): Promise<NotebookCheck[]> {
  const {root, timeoutMs = 60_000, log = () => {}} = options;
  const files = (options.files?.length ? options.files : listNotebooks(path.join(root, "notebooks"))).map((f) => path.resolve(f));
  for (const file of files) if (!existsSync(file)) throw new Error(`no such notebook file: ${file}`);
  const executablePath = findChromium();
  log(`building ${files.length} notebook${files.length === 1 ? "" : "s"}…`);
  const site = await buildSite(root, path.join(tmpdir(), `mapt-check-${process.pid}`), files);
  const server = await serveStatic(site.dir);
  const browser = await chromium.launch({executablePath, args: chromiumArgs});
  try {
    const results: NotebookCheck[] = [];
    for (const file of files) {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(server.url + site.pages.get(file)!);
      const outcome = await waitForSettledCells(page, timeoutMs);
      if (!outcome.settled && outcome.failures.length === 0) pageErrors.push(`the notebook did not start within ${timeoutMs / 1000} s`);
      const fileProblems = options.strict ? readNotebook(readFileSync(file, "utf8")).diagnostics.map((d) => `line ${d.line}: ${d.severity}: ${d.message}`) : [];
      results.push({notebook: path.relative(process.cwd(), file) || file, failures: outcome.failures, pageErrors, fileProblems, cells: outcome.cells});
      log(`${results.at(-1)!.notebook}: ${outcome.cells} cells, ${outcome.failures.length} failed`);
      await page.close();
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The report `check` prints: one line per failed cell, then a summary. */
export function formatCheckReport(results: NotebookCheck[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.failures) lines.push(`${r.notebook}: cell ${f.cell} (${f.mode}): ${f.error}`);
    for (const e of r.pageErrors) lines.push(`${r.notebook}: page error: ${e}`);
    for (const p of r.fileProblems) lines.push(`${r.notebook}: ${p}`);
  }
  const failed = results.filter((r) => r.failures.length || r.pageErrors.length || r.fileProblems.length).length;
  lines.push(`${results.length - failed} notebook${results.length - failed === 1 ? "" : "s"} passed, ${failed} failed`);
  return lines.join("\n");
}
