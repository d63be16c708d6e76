import {isUnrun, withUnrun, type Cell, type CellId, type Notebook} from "../notebook/index.ts";
import {runSignature} from "./signature.ts";

/**
 * Whether a saved cell must carry the `unrun` mark: its code differs from the file it was read
 * from (edited, inserted, pasted, mode changed) or was already marked there, and it has not run
 * to completion in this session with that code. An unedited cell never gets the mark, so an
 * unedited file is written back byte for byte.
 */
export function needsUnrunMark(cell: Cell, read: Cell | undefined, settled: ReadonlyMap<CellId, string>): boolean {
  const signature = runSignature(cell);
  if (settled.get(cell.id) === signature) return false;
  if (read === undefined) return cell.source.trim() !== "";
  return isUnrun(read) || runSignature(read) !== signature;
}

/** The notebook with each cell's `unrun` mark as {@link needsUnrunMark} says; the same notebook when none changes. */
export function markUnrun(notebook: Notebook, settled: ReadonlyMap<CellId, string>): Notebook {
  const read = new Map(notebook.file?.cells.map((text) => [text.id, text.read]) ?? []);
  let changed = false;
  const cells = notebook.cells.map((cell) => {
    const next = withUnrun(cell, needsUnrunMark(cell, read.get(cell.id), settled));
    if (next !== cell) changed = true;
    return next;
  });
  return changed ? {...notebook, cells} : notebook;
}
