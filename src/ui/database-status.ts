import {assertNever} from "../shared/index.ts";

/** DuckDB start-up as the page reports it. */
export type DatabaseStatus =
  | {phase: "loading"; loaded?: number; total?: number}
  | {phase: "ready"}
  | {phase: "failed"; error: unknown};

/**
 * Shows DuckDB's start-up in the page's bar: a progress bar while its 7-35 MB engine loads,
 * then "DuckDB ready", or the reason it failed.
 */
export function renderDatabaseStatus(element: HTMLElement, status: DatabaseStatus): void {
  element.dataset.phase = status.phase;
  switch (status.phase) {
    case "loading": {
      const fraction = status.total ? Math.min(1, (status.loaded ?? 0) / status.total) : undefined;
      let progress = element.querySelector("progress");
      if (!progress) {
        progress = document.createElement("progress");
        progress.setAttribute("aria-label", "Loading DuckDB");
        element.replaceChildren("Loading DuckDB… ", progress);
      }
      if (fraction === undefined) progress.removeAttribute("value");
      else progress.value = fraction;
      return;
    }
    case "ready":
      element.replaceChildren("DuckDB ready");
      return;
    case "failed":
      element.replaceChildren(`DuckDB failed to start: ${status.error instanceof Error ? status.error.message : String(status.error)}`);
      return;
    default:
      assertNever(status, "database status");
  }
}
