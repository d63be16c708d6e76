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
}

/**
 * Opens a built page in a fresh browser context with the query recorder on (the page's
 * `recordQueriesForExport`, src/app/export-recording.ts), waits until every cell has settled and
 * returns every query result DuckDB gave it. `mapt export` freezes them into its file; the build
 * ships them as the page's result snapshots (src/cli/snapshots.ts).
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
    return {results, failures: outcome.failures, settled: outcome.settled, requested: [...requested]};
  } finally {
    await context.close();
  }
}
