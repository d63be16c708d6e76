import {Runtime, type Module} from "@observablehq/runtime";
import {defineCell, type CellHandle, type DefinableCell} from "./define.ts";
import type {CellSink} from "./sink.ts";

/**
 * One notebook's reactive runtime: one `@observablehq/runtime` module holding every cell.
 * Defining a cell that exists redefines only that cell; the runtime re-runs its dependents.
 */
export class NotebookRuntime {
  /** The module holding the cells' variables (read values with `module.value(name)`). */
  readonly module: Module;
  private readonly runtime: Runtime;
  private readonly cells = new Map<number, CellHandle>();

  /** @param builtins lazy definitions of the names every cell can use (see `createBuiltins`). */
  constructor(builtins: Record<string, () => unknown>) {
    this.runtime = new Runtime(builtins);
    this.module = this.runtime.module();
  }

  /** Defines `cell`, or redefines it in place when a cell with its id exists. */
  define(cell: DefinableCell, sink: CellSink): void {
    const handle = this.cells.get(cell.id);
    if (handle) handle.redefine(cell);
    else this.cells.set(cell.id, defineCell(this.module, cell, sink));
  }

  /** Removes a cell and its names; cells that used them show that the names are not defined. */
  delete(id: number): void {
    this.cells.get(id)?.delete();
    this.cells.delete(id);
  }

  /** Stops every cell (generators end, `invalidation` promises resolve). */
  dispose(): void {
    this.runtime.dispose();
    this.cells.clear();
  }
}
