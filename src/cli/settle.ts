import type {Page} from "playwright-core";

/** One cell that ended in an error (or never settled). */
export interface CellFailure {
  cell: number;
  mode: string;
  error: string;
}

/** How a page ended: the cells that failed, and whether every cell settled in time. */
export interface PageOutcome {
  settled: boolean;
  failures: CellFailure[];
  /** Number of cells on the page. */
  cells: number;
}

/**
 * Waits until the page's notebook has started and no cell is pending or running for a few
 * frames in a row, then reads every cell's state from the DOM (the same attributes a user's
 * assistive technology reads).
 */
export async function waitForSettledCells(page: Page, timeoutMs = 60_000): Promise<PageOutcome> {
  let settled = true;
  try {
    await page.waitForFunction(
      () => {
        const w = window as unknown as {__maptQuiet?: number};
        const busy = document.querySelector('.mapt-cell[data-status="pending"], .mapt-cell[data-status="running"]');
        const started = document.documentElement.dataset.maptReady === "true";
        w.__maptQuiet = started && !busy ? (w.__maptQuiet ?? 0) + 1 : 0;
        return w.__maptQuiet >= 5;
      },
      null,
      {timeout: timeoutMs, polling: 100}
    );
  } catch {
    settled = false;
  }
  const cells = await page.$$eval(".mapt-cell", (elements) =>
    elements.map((e) => ({
      cell: Number((e as HTMLElement).dataset.cellId),
      mode: (e as HTMLElement).dataset.mode ?? "",
      status: (e as HTMLElement).dataset.status ?? "",
      error: (e as HTMLElement).dataset.error ?? ""
    }))
  );
  const failures = cells
    .filter((c) => c.status === "error" || c.status === "pending" || c.status === "running" || c.status === "stale")
    .map((c) => ({
      cell: c.cell,
      mode: c.mode,
      error:
        c.status === "error"
          ? c.error
          : c.status === "stale"
            ? "not run: the file marks it unrun (saved before its code ever ran); open the notebook, run the cell and let it save"
            : `did not settle within ${timeoutMs / 1000} s (still ${c.status})`
    }));
  return {settled, failures, cells: cells.length};
}
