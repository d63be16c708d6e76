import {createCell, type CellSpec} from "./createCell.ts";
import type {Cell, Notebook} from "./types.ts";

/** A loose description of a notebook; `createNotebook` fills in every default. */
export interface NotebookSpec {
  /** Default `""`. */
  title?: string;
  /** Default `undefined` (Notebook Kit's "air"). */
  theme?: string;
  /** Default `false`. */
  readOnly?: boolean;
  /** Default `[]`. Cells without an id get one more than the largest id given. */
  cells?: Array<Omit<CellSpec, "id"> & {id?: number}>;
}

/** Turns a `NotebookSpec` into a `Notebook` with every default applied. */
export function createNotebook(spec: NotebookSpec = {}): Notebook {
  const specs = spec.cells ?? [];
  let next = Math.max(0, ...specs.map((cell) => cell.id ?? 0)) + 1;
  const cells: Cell[] = specs.map((cell) => createCell({...cell, id: cell.id ?? next++}));
  const notebook: Notebook = {title: spec.title ?? "", readOnly: spec.readOnly ?? false, cells};
  if (spec.theme !== undefined) notebook.theme = spec.theme;
  return notebook;
}

