import {compileCell, type CompiledCell} from "../../src/compiler/index.ts";
import {createCell, type CellSpec} from "../../src/notebook/index.ts";

/** Compiles one cell given its source and, optionally, its mode and attributes. */
export function compile(source: string, spec: Omit<CellSpec, "id" | "source"> | CellSpec["mode"] = "js"): CompiledCell {
  const fields = typeof spec === "string" ? {mode: spec} : spec;
  return compileCell(createCell({id: 1, source, ...fields}));
}

/** The function a compiled body's source evaluates to (what the runtime will call). */
export function evaluate(cell: CompiledCell): (...args: unknown[]) => any {
  return new Function(`return (${cell.body});`)();
}
