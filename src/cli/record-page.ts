import type {Browser} from "playwright-core";
import type {FrozenResult} from "../data/index.ts";
import {waitForSettledCells, type CellFailure} from "./settle.ts";

/** What one headless run of a page recorded: every query DuckDB answered, and the cells that failed. */
export interface RecordedPage {
  results: FrozenResult[];
  failures: CellFailure[];
  settled: boolean;
  /** Every address the page requested while it ran (the export with the engine keeps the catalog tables among them). */
  requested: string[];
  /** The rendered output (inner HTML) of each shown cell that ran and settled without error. */
  outputs: RecordedOutput[];
}

/** What one cell showed once the page settled. */
export interface RecordedOutput {
  cell: number;
  html: string;
}

// Sent to the page as text: a TypeScript loader's helpers must not leak into it (see bench/probe.ts).
const readOutputs = `[...document.querySelectorAll('#mapt-notebook > .mapt-cell[data-status="fulfilled"]:not([hidden])')].map((cell) => ({
  cell: Number(cell.dataset.cellId),
  html: cell.querySelector(":scope > .mapt-cell-output").innerHTML
}))`;

/**
 * Opens a built page in a fresh browser context with the query recorder on (the page's
 * `recordQueriesForExport`, src/app/export-recording.ts), waits until every cell has settled and
 * returns every query result DuckDB gave it, and what each cell showed. `mapt export` freezes the
 * results into its file; the build ships them as the page's result snapshots, and its charts
 * pre-painted (src/cli/snapshots.ts).
 */
export async function recordPage(browser: Browser, url: string, timeoutMs: number): Promise<RecordedPage> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const requested = new Set<string>();
    tab.on("request", (request) => requested.add(request.url()));
    await tab.addInitScript("window.__maptRecording = []");
    await tab.goto(url);
    const outcome = await waitForSettledCells(tab, timeoutMs);
    // The page freezes each result as it comes (a promise): all of them, once settled.
    const results = (await tab.evaluate("Promise.all(window.__maptRecording)")) as FrozenResult[];
    const outputs = (await tab.evaluate(readOutputs)) as RecordedOutput[];
    return {results, failures: outcome.failures, settled: outcome.settled, requested: [...requested], outputs};
  } finally {
    await context.close();
  }
}
