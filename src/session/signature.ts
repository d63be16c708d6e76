import type {Cell} from "../notebook/index.ts";

/**
 * What decides how a cell runs: mode, source, name, database and unknown type. Two cells with the
 * same signature run the same; `pinned` and `hidden` change only how the cell is shown.
 */
export function runSignature(cell: Cell): string {
  return JSON.stringify([cell.mode, cell.source, cell.output ?? null, cell.database ?? null, cell.type ?? null]);
}

/**
 * Whether a cell's document differs from what last ran. A cell that never ran counts as stale
 * unless it is empty (a fresh empty cell has nothing to run).
 */
export function isStale(cell: Cell, ran: string | undefined): boolean {
  if (ran === undefined) return cell.source.trim() !== "";
  return ran !== runSignature(cell);
}
