import {existsSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {chromium, type Page} from "playwright-core";
import {buildSite} from "./build-site.ts";
import {chromiumArgs, findChromium} from "./chromium.ts";
import {waitForSettledCells, type PageOutcome} from "./settle.ts";
import {serveStatic} from "./static-server.ts";

/** Options of {@link withSettledNotebook}. */
export interface SettledNotebookOptions {
  /** Project root (the folder with notebooks/ and data/). */
  root: string;
  /** The notebook file. */
  file: string;
  /** The browser window's size in CSS pixels (charts are drawn for its width). */
  viewport: {width: number; height: number};
  /** How long the notebook may take to settle. Default 60 s. */
  timeoutMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** A name for the temporary build folder. */
  purpose: string;
}

/** A notebook page open in headless Chromium with every cell settled, and how it ended. */
export interface SettledNotebook {
  page: Page;
  outcome: PageOutcome;
  /** Uncaught errors of the page, and a notebook that never settled. */
  pageErrors: string[];
}

/**
 * Builds the site with one notebook, opens it headless in Chromium, waits until every cell has
 * settled and the page's fonts have loaded, and hands the page to `use` (`mapt pdf`, `mapt export`).
 */
export async function withSettledNotebook<T>(options: SettledNotebookOptions, use: (notebook: SettledNotebook) => Promise<T>): Promise<T> {
  const {root, timeoutMs = 60_000, log = () => {}} = options;
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new Error(`no such notebook file: ${file}`);
  const executablePath = findChromium();
  log(`building ${path.relative(process.cwd(), file) || file}…`);
  const siteDir = path.join(tmpdir(), `mapt-${options.purpose}-${process.pid}`);
  const site = await buildSite(root, siteDir, [file]);
  // Served as check serves it: the notebook's project where the page stands, its page template's files and site-root addresses.
  const server = await serveStatic(site.dir, {mounts: site.mounts});
  const browser = await chromium.launch({executablePath, args: chromiumArgs});
  try {
    const page = await browser.newPage({viewport: options.viewport});
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(server.url + site.pages.get(file)!);
    const outcome = await waitForSettledCells(page, timeoutMs);
    if (!outcome.settled && outcome.failures.length === 0) pageErrors.push(`the notebook did not start within ${timeoutMs / 1000} s`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await use({page, outcome, pageErrors});
  } finally {
    await browser.close();
    await server.close();
    rmSync(siteDir, {recursive: true, force: true});
  }
}
