import type {Cell, CellId, CellMode, ExtraAttribute} from "./types.ts";

/** A loose description of a cell; `createCell` fills in every default. */
export interface CellSpec {
  /** A positive integer, unique in its notebook (see `nextCellId`). */
  id: number;
  /** Default `"js"`. */
  mode?: CellMode;
  /** Default `""`. */
  source?: string;
  /** Default: `true` for code cells (js, ts, ojs, sql, node, python, r), as Notebook Kit does
   * for new cells; `false` for md, html, tex and dot. */
  pinned?: boolean;
  /** Default `false`. */
  hidden?: boolean;
  output?: string;
  database?: string;
  /** Default `[]`. */
  extra?: ExtraAttribute[];
}

/** Whether a new cell of this mode shows its code by default. */
function isCodeMode(mode: CellMode): boolean {
  return mode !== "md" && mode !== "html" && mode !== "tex" && mode !== "dot";
}

/** Turns a `CellSpec` into a `Cell` with every default applied. */
export function createCell(spec: CellSpec): Cell {
  const mode = spec.mode ?? "js";
  const cell: Cell = {
    id: spec.id as CellId,
    mode,
    source: spec.source ?? "",
    pinned: spec.pinned ?? isCodeMode(mode),
    hidden: spec.hidden ?? false,
    extra: spec.extra ?? []
  };
  if (spec.output !== undefined) cell.output = spec.output;
  if (spec.database !== undefined) cell.database = spec.database;
  return cell;
}
