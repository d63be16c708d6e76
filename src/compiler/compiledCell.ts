import type {Cell} from "../notebook/index.ts";
import type {CompiledCell} from "./types.ts";

/** A `CompiledCell` for `cell` with every field not given at its default (no inputs, no display). */
export function compiledCell(cell: Cell, fields: Omit<Partial<CompiledCell>, "id" | "mode"> & {body: string}): CompiledCell {
  return {
    id: cell.id,
    mode: cell.mode,
    inputs: [],
    outputs: [],
    autodisplay: false,
    autoview: false,
    automutable: false,
    files: [],
    imports: [],
    views: [],
    ...fields
  };
}
