import {Runtime, type Module} from "@observablehq/runtime";
import {paceCompute} from "./compute-pace.ts";
import {defineCell, type CellHandle, type DefinableCell} from "./define.ts";
import {NamedInputs} from "./inputs.ts";
import type {CellSink} from "./sink.ts";

/**
 * One notebook's reactive runtime: one `@observablehq/runtime` module holding every cell. Each
 * cell reports to the one sink the page has for it (`sinkOf`): the reader and the editor share
 * that registry, so a cell is never shown twice. Defining a cell that exists redefines only that
 * cell; the runtime re-runs its dependents.
 */
export class NotebookRuntime {
  /** The module holding the cells' variables (read values with `module.value(name)`). */
  /** The notebook's named inputs: their current values (share links), values to restore. */
  readonly inputs = new NamedInputs();

  get module(): Module {
    return this.#module;
  }
  #module: Module;
  #runtime: Runtime;
  readonly #builtins: Record<string, () => unknown>;
  readonly #cells = new Map<number, CellHandle>();
  readonly #sinkOf: (id: number) => CellSink;

  /**
   * @param builtins lazy definitions of the names every cell can use (see `createBuiltins`).
   * @param sinkOf the page's view of a cell, by id.
   */
  constructor(builtins: Record<string, () => unknown>, sinkOf: (id: number) => CellSink) {
    this.#builtins = builtins;
    this.#runtime = startRuntime(builtins);
    this.#module = this.#runtime.module();
    this.#sinkOf = sinkOf;
  }

  /** Defines `cell`, or redefines it in place when a cell with its id exists. */
  define(cell: DefinableCell): void {
    const handle = this.#cells.get(cell.id);
    if (handle) handle.redefine(cell);
    else this.#cells.set(cell.id, defineCell(this.#module, cell, this.#sinkOf(cell.id), this.inputs));
    this.#noticeDuplicates();
  }

  /** Whether a cell with this id is defined. */
  has(id: number): boolean {
    return this.#cells.has(id);
  }

  /**
   * Interrupts a cell: its current run is abandoned (a SQL query is cancelled, a generator
   * returns, a pending promise is ignored) and it and its dependents wait until it is defined
   * again.
   */
  interrupt(id: number): void {
    this.#cells.get(id)?.interrupt();
  }

  /**
   * Runs again, as they are defined now, the cells `test` picks (their dependents follow); a
   * cell the reader interrupted stays interrupted. Returns the ids of the cells it re-ran.
   */
  rerun(test: (cell: DefinableCell) => boolean): number[] {
    const ids: number[] = [];
    for (const [id, handle] of this.#cells) {
      if (handle.interrupted || !test(handle.cell)) continue;
      handle.redefine(handle.cell);
      ids.push(id);
    }
    return ids;
  }

  /** Removes a cell and its names; cells that used them show that the names are not defined. */
  delete(id: number): void {
    this.#cells.get(id)?.delete();
    this.#cells.delete(id);
    this.#noticeDuplicates();
  }

  /**
   * Starts afresh: every cell stops and every value is dropped (builtins load again on first
   * use); nothing is defined until the caller defines cells again.
   */
  restart(): void {
    this.#runtime.dispose();
    this.#cells.clear();
    this.#runtime = startRuntime(this.#builtins);
    this.#module = this.#runtime.module();
  }

  /** Stops every cell (generators end, `invalidation` promises resolve). */
  dispose(): void {
    this.#runtime.dispose();
    this.#cells.clear();
  }

  /** Tells every cell that declares a name another cell declares too; clears the others. */
  #noticeDuplicates(): void {
    const byName = new Map<string, number[]>();
    for (const [id, handle] of this.#cells) {
      for (const name of handle.names) byName.set(name, [...(byName.get(name) ?? []), id]);
    }
    for (const [id, handle] of this.#cells) {
      const clashes = handle.names.flatMap((name) => {
        const others = byName.get(name)!.filter((other) => other !== id);
        return others.length ? [`${name} is also defined by cell ${others.join(", cell ")}`] : [];
      });
      this.#sinkOf(id).notice(clashes.length ? `${clashes.join("; ")}: cells that read it fail until one is renamed.` : undefined);
    }
  }
}

/** A runtime that computes a change in the next task, not at the next frame (see `paceCompute`). */
function startRuntime(builtins: Record<string, () => unknown>): Runtime {
  const runtime = new Runtime(builtins);
  paceCompute(runtime);
  return runtime;
}
