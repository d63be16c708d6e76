import type {Cell} from "./types.ts";

/**
 * The attribute a saved cell carries while its code has never run to completion since it was
 * written (autosave writes edits before they run). A page opening the file does not run such a
 * cell by itself, so code that froze the page once cannot freeze the next one. Notebook Kit reads
 * only the attributes it knows (id, type, pinned, hidden, output, database), so it ignores this one.
 */
export const unrunAttribute = "unrun";

/** Whether the cell is saved as never run (it carries the `unrun` attribute). */
export function isUnrun(cell: Pick<Cell, "extra">): boolean {
  return cell.extra.some((attribute) => attribute.name.toLowerCase() === unrunAttribute);
}

/** The cell with the `unrun` attribute added or removed; the same cell when it already is so. */
export function withUnrun(cell: Cell, unrun: boolean): Cell {
  if (isUnrun(cell) === unrun) return cell;
  const extra = unrun ? [...cell.extra, {name: unrunAttribute, value: null}] : cell.extra.filter((a) => a.name.toLowerCase() !== unrunAttribute);
  return {...cell, extra};
}
