import type {Table} from "apache-arrow";

/**
 * Receives every query a page's DuckDB answered. Set only while `mapt export` records a page
 * (src/cli/export.ts), which freezes the results into the exported file (see frozen.ts).
 */
export type QueryRecorder = (sql: string, params: readonly unknown[], result: Table) => void;
let recorder: QueryRecorder | undefined;

/** Records every later query; `undefined` stops recording. */
export function setQueryRecorder(next: QueryRecorder | undefined): void {
  recorder = next;
}

/** Called by `DuckDBClient.query` with each result. */
export function recordQuery(sql: string, params: readonly unknown[], result: Table): void {
  recorder?.(sql, params, result);
}
