// The two ends of a single-file export (src/cli/export.ts) inside a page: while `mapt export`
// records the page, every query's result is kept for it; an exported page answers from them.
import {FrozenClient, freezeResult, setQueryRecorder, type DuckDBClient, type FrozenRecord, type FrozenResult} from "../data/index.ts";

/** Set by `mapt export` before the page's scripts run: the results it collects. */
interface ExportRecording {
  __maptRecording?: FrozenResult[];
}

/** While `mapt export` records this page, keeps every query's result for it. */
export function recordQueriesForExport(): void {
  const recording = (globalThis as ExportRecording).__maptRecording;
  if (recording) setQueryRecorder((sql, params, result) => recording.push(freezeResult(sql, params, result)));
}

/**
 * The database of an exported page: the frozen results, or `undefined` on a normal page. When an
 * input asks a query for values the export did not record, the page says the result shown is the
 * exported one and that this interaction needs the full app.
 */
export function frozenDatabase(main: HTMLElement): Promise<DuckDBClient> | undefined {
  const element = document.getElementById("mapt-frozen");
  if (!element?.textContent) return undefined;
  const record = JSON.parse(element.textContent) as FrozenRecord;
  let notice: HTMLElement | undefined;
  const onOtherValues = () => {
    if (notice) return;
    notice = document.createElement("p");
    notice.className = "mapt-export-notice mapt-export-notice--values";
    notice.setAttribute("role", "status");
    notice.textContent =
      "An input asked for results this file does not hold: charts and tables show the values frozen when the notebook was exported. Changing queries needs the full app (MAPT Notebooks).";
    main.prepend(notice);
  };
  // The frozen client answers the queries cells and builtins make; it is not a DuckDB instance.
  return Promise.resolve(new FrozenClient(record, onOtherValues) as unknown as DuckDBClient);
}
