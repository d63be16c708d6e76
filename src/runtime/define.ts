import type {Module, Variable} from "@observablehq/runtime";
import type {CompiledCell} from "../compiler/index.ts";
import {reportCellStart} from "../shared/index.ts";
import type {CellFunction} from "./body.ts";
import {inputValues, mutableHolder, type MutableHolder} from "./generators.ts";
import type {NamedInputs} from "./inputs.ts";
import type {CellSink} from "./sink.ts";

/** A compiled cell whose body is already a function (built pages embed bodies as code). */
export interface DefinableCell extends Omit<CompiledCell, "body"> {
  body: CellFunction;
}

/** The runtime variables behind one cell, kept so an edit can redefine them in place. */
export interface CellHandle {
  readonly id: number;
  /** The names this cell defines for other cells (outputs, or its `output`). */
  readonly names: readonly string[];
  /** The definition the cell runs now. */
  readonly cell: DefinableCell;
  /** Whether the cell was interrupted and waits to be defined again. */
  readonly interrupted: boolean;
  redefine(cell: DefinableCell): void;
  /** Stops the current run: the cell and its dependents wait until it is redefined. */
  interrupt(): void;
  delete(): void;
}

/** The names a cell gives other cells: `x` for `viewof x`, every declaration of a program. */
export function definedNames(cell: Pick<CompiledCell, "output" | "outputs" | "autoview" | "automutable">): string[] {
  if (cell.output === undefined) return [...cell.outputs];
  if (cell.autoview) return [cell.output, cell.output.slice("viewof ".length)];
  if (cell.automutable) return [cell.output, cell.output.slice("mutable ".length)];
  return [cell.output];
}

/** What a superseded run's pending promise rejects with; the runtime ignores stale rejections. */
const abandoned = Object.freeze(new Error("this run was superseded"));

const never = () => new Promise<never>(() => {});

/**
 * Defines one cell as variables of `module`: a main variable observed by `sink`, plus one
 * variable per output name so other cells can reference them.
 *
 * What a run shows belongs to that run. Each run gets its own `display` and `view`: the first
 * value a run displays replaces what the previous run showed, and a run that has been superseded
 * (an input changed, the cell was edited or interrupted) shows nothing more, whatever its pending
 * promises or generators still do. A superseded run's promise is abandoned at once, so the next
 * run starts without waiting for it (the runtime runs a variable's runs one after another).
 * A duplicate output name fails the cells that read it, not this cell (as in Notebook Kit).
 */
export function defineCell(module: Module, cell: DefinableCell, sink: CellSink, named?: NamedInputs): CellHandle {
  let current = cell;
  let interrupted = false;
  /** The run the main variable is on: one more at each `pending`. */
  let run = 0;
  /** The run whose displays are on screen. */
  let displayed = -1;
  /** Rejects the pending promise of the current run, if it has one. */
  let abandon: (() => void) | undefined;

  const displayFor = (mine: number) => (value: unknown) => {
    if (mine !== run) return value; // a superseded run: nothing more reaches the screen
    if (displayed !== mine) sink.clear(), (displayed = mine);
    sink.append(value);
    return value;
  };

  const main = module.variable({
    pending() {
      abandon?.();
      abandon = undefined;
      run++;
      if (interrupted) sink.interrupted();
      else sink.running();
    },
    fulfilled(value) {
      const show = current.autodisplay && !current.automutable;
      if (!show && displayed !== run) sink.clear();
      displayed = run;
      sink.fulfilled(value, show);
    },
    rejected(error) {
      displayed = run;
      sink.rejected(error ?? new Error("the cell failed without an error"));
    }
  });

  /** The runtime's definition for `body`: fresh `display`/`view` per run, an abandonable result. */
  function definition(inputs: readonly string[], body: CellFunction): (...args: unknown[]) => unknown {
    const slots = inputs.map((name) => (name === "display" || name === "view" ? name : null));
    return function (this: unknown, ...values: unknown[]) {
      const display = displayFor(run);
      const view = (element: unknown, name?: unknown) => {
        if (typeof name === "string") named?.adopt(name, element);
        return inputValues(display(element));
      };
      let next = 0;
      const args = slots.map((slot) => (slot === "display" ? display : slot === "view" ? view : values[next++]));
      reportCellStart(current.id);
      const result = body.apply(this, args);
      if (!isThenable(result)) return result;
      return new Promise((resolve, reject) => {
        abandon = () => reject(abandoned);
        result.then(resolve, reject);
      });
    };
  }

  const outputs = new Map<string, Variable>();
  const mainName = (c: DefinableCell) => c.output ?? (c.outputs.length ? `cell ${c.id}` : null);

  function defineMain(c: DefinableCell) {
    // `display` and `view` are not runtime inputs: each run gets fresh ones tied to it.
    const inputs = c.inputs.filter((name) => name !== "display" && name !== "view");
    const body = definition(c.inputs, c.automutable ? (...args: unknown[]) => mutableHolder(c.body(...args)) : c.body);
    main.define(mainName(c), inputs, body);
  }

  function defineOutputs(c: DefinableCell) {
    const wanted = new Map<string, (source: any) => unknown>();
    const name = mainName(c);
    if (c.output && c.autoview) {
      const input = c.output.slice("viewof ".length);
      wanted.set(input, (element: unknown) => (named?.adopt(input, element), inputValues(element)));
    }
    else if (c.output && c.automutable) {
      wanted.set(c.output.slice("mutable ".length), (holder: MutableHolder) => holder.values());
    } else if (!c.output) for (const output of c.outputs) wanted.set(output, (o: Record<string, unknown>) => o[output]);
    for (const [output, variable] of outputs) {
      if (!wanted.has(output)) variable.delete(), outputs.delete(output);
    }
    for (const [output, derive] of wanted) {
      let variable = outputs.get(output);
      // Observed (so it computes) but silent: its failures belong to the cells that read it.
      if (!variable) outputs.set(output, (variable = module.variable(true)));
      variable.define(output, [name!], derive);
    }
  }

  defineMain(cell);
  defineOutputs(cell);

  return {
    id: cell.id,
    get names() {
      return definedNames(current);
    },
    get cell() {
      return current;
    },
    get interrupted() {
      return interrupted;
    },
    redefine(next) {
      current = next;
      interrupted = false;
      defineMain(next);
      defineOutputs(next);
    },
    interrupt() {
      interrupted = true;
      main.define(mainName(current), [], definition([], never));
    },
    delete() {
      abandon?.();
      for (const variable of outputs.values()) variable.delete();
      outputs.clear();
      main.delete();
    }
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as PromiseLike<unknown>).then === "function";
}
