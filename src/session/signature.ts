import type {Cell} from "../notebook/index.ts";

/**
 * What decides how a cell runs: mode, source, name, database and unknown type. Two cells with the
 * same signature run the same; `pinned` and `hidden` change only how the cell is shown.
 */
export function runSignature(cell: Cell): string {
  return JSON.stringify([cell.mode, cell.source, cell.output ?? null, cell.database ?? null, cell.type ?? null]);
}

/** Whether a cell that ran was edited since ("edited, not run"). A cell that never ran is not stale. */
export function isStale(cell: Cell, ran: string | undefined): boolean {
  return ran !== undefined && ran !== runSignature(cell);
}

/** Whether "run the stale cells" runs this one: edited since it ran, or never run (and not empty). */
export function needsRun(cell: Cell, ran: string | undefined): boolean {
  return ran === undefined ? cell.source.trim() !== "" : ran !== runSignature(cell);
}
