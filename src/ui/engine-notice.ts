import {describeFault, type EngineReport} from "../data/index.ts";
import {assertNever} from "../shared/index.ts";
import {renderDatabaseStatus} from "./database-status.ts";
import {showPageMessage} from "./page-message.ts";

/** The words the page shows about its DuckDB engine being replaced (see `EngineReport`). */
export function engineReportText(report: EngineReport): string {
  const what = describeFault(report.fault);
  switch (report.type) {
    case "restarting":
      return `${what}. The page is starting a new DuckDB; the SQL cells will run again. Your edits are kept.`;
    case "restarted":
      return `${what}, so the page replaced it: a new DuckDB has the data tables and your attached files again, and the SQL cells ran again. Your edits are kept.`;
    case "gaveUp":
      return `${what}: ${report.reason}. SQL cells cannot run until the page is reloaded; your edits are kept.`;
    default:
      return assertNever(report, "engine report");
  }
}

/**
 * Tells the reader what happened to DuckDB: one notice at the top of the notebook (replaced by
 * the next report) and the bar's status.
 */
export function showEngineReport(main: HTMLElement, status: HTMLElement | null, report: EngineReport): void {
  main.querySelector(":scope > .mapt-engine-notice")?.remove();
  const notice = showPageMessage(main, engineReportText(report), "mapt-page-notice mapt-engine-notice");
  notice.dataset.report = report.type;
  if (status === null) return;
  if (report.type === "restarting") renderDatabaseStatus(status, {phase: "loading"});
  else if (report.type === "restarted") renderDatabaseStatus(status, {phase: "ready"});
  else renderDatabaseStatus(status, {phase: "failed", error: new Error(report.reason)});
}
