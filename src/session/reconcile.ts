import type {CellId, Notebook} from "../notebook/index.ts";
import {isStale} from "./signature.ts";
import type {SessionEffect} from "./types.ts";

/** What showing a new version of the document takes: effects, and what is left defined. */
export interface Reconciled {
  effects: SessionEffect[];
  ran: Map<CellId, string>;
  interrupted: Set<CellId>;
}

/**
 * The effects that make the page show `after` where it showed `before`: removed cells leave the
 * page and the runtime, new and changed cells are (re)rendered and marked stale or not, and the
 * order follows. Nothing is defined here: running is the caller's decision.
 */
export function reconcile(
  before: Notebook,
  after: Notebook,
  ran: ReadonlyMap<CellId, string>,
  interrupted: ReadonlySet<CellId>
): Reconciled {
  const effects: SessionEffect[] = [];
  const nextRan = new Map(ran);
  const nextInterrupted = new Set(interrupted);
  const kept = new Set(after.cells.map((cell) => cell.id));
  for (const cell of before.cells) {
    if (kept.has(cell.id)) continue;
    effects.push({type: "removeCell", id: cell.id});
    if (nextRan.delete(cell.id)) effects.push({type: "undefineCell", id: cell.id});
    nextInterrupted.delete(cell.id);
  }
  const previous = new Map(before.cells.map((cell) => [cell.id, cell]));
  for (const cell of after.cells) {
    if (previous.get(cell.id) === cell) continue;
    effects.push({type: "renderCell", cell}, {type: "markStale", id: cell.id, stale: isStale(cell, nextRan.get(cell.id))});
  }
  const order = after.cells.map((cell) => cell.id);
  if (order.join() !== before.cells.map((cell) => cell.id).join()) effects.push({type: "orderCells", ids: order});
  return {effects, ran: nextRan, interrupted: nextInterrupted};
}
