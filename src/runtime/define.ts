import type {Module, Variable} from "@observablehq/runtime";
import type {CompiledCell} from "../compiler/index.ts";
import type {CellFunction} from "./body.ts";
import {inputValues, mutableHolder, type MutableHolder} from "./generators.ts";
import type {CellSink} from "./sink.ts";

/** A compiled cell whose body is already a function (built pages embed bodies as code). */
export interface DefinableCell extends Omit<CompiledCell, "body"> {
  body: CellFunction;
}

/** The runtime variables behind one cell, kept so an edit can redefine them in place. */
export interface CellHandle {
  readonly id: number;
  redefine(cell: DefinableCell): void;
  delete(): void;
}

/**
 * Defines one cell as variables of `module`: a main variable observed by `sink`, plus one
 * variable per output name so other cells can reference them. `display` and `view` are
 * per-cell shadow inputs: what a cell displays goes to its own sink.
 */
export function defineCell(module: Module, cell: DefinableCell, sink: CellSink): CellHandle {
  // What the cell displayed during its current run; the first display() of a run clears the last.
  let clearedThisRun = true;
  let current = cell;
  let mainValue: unknown;
  let mainSettled = false;
  let mainError: unknown;
  const outputErrors = new Map<string, unknown>();

  const display = (value: unknown) => {
    if (!clearedThisRun) sink.clear(), (clearedThisRun = true);
    sink.append(value);
    return value;
  };
  const view = (element: unknown) => {
    display(element);
    return inputValues(element);
  };
  const shadow = {display: () => display, view: () => view};

  const report = () => {
    if (mainError !== undefined) return sink.rejected(mainError);
    const [firstOutputError] = outputErrors.values();
    if (firstOutputError !== undefined) return sink.rejected(firstOutputError);
    if (mainSettled) sink.fulfilled(mainValue, current.autodisplay && !current.automutable);
  };

  const main = module.variable(
    {
      pending() {
        clearedThisRun = false;
        mainSettled = false;
        mainError = undefined;
        sink.running();
      },
      fulfilled(value) {
        if (!clearedThisRun && !current.autodisplay) sink.clear();
        clearedThisRun = true;
        mainValue = value;
        mainSettled = true;
        report();
      },
      rejected(error) {
        clearedThisRun = true;
        mainError = error ?? new Error("the cell failed without an error");
        report();
      }
    },
    {shadow}
  );

  const outputs = new Map<string, Variable>();
  const mainName = (c: DefinableCell) => c.output ?? (c.outputs.length ? `cell ${c.id}` : null);

  const outputObserver = (name: string) => ({
    fulfilled() {
      if (!outputErrors.delete(name)) return;
      // The name is valid again (say a duplicate went away): run the cell afresh so its display returns.
      if (outputErrors.size === 0 && mainError === undefined) defineMain(current);
    },
    rejected(error: unknown) {
      // Failures of the main variable reach every output too; the main observer reports those.
      if (isFromInput(error, mainName(current))) return;
      outputErrors.set(name, error);
      report();
    }
  });

  function defineMain(c: DefinableCell) {
    const name = mainName(c);
    if (c.automutable) {
      main.define(name, c.inputs, (...args: unknown[]) => mutableHolder(c.body(...args)));
    } else {
      main.define(name, c.inputs, c.body);
    }
  }

  function defineOutputs(c: DefinableCell) {
    const wanted = new Map<string, (source: any) => unknown>();
    const name = mainName(c);
    if (c.output && c.autoview) wanted.set(c.output.slice("viewof ".length), inputValues);
    else if (c.output && c.automutable) {
      wanted.set(c.output.slice("mutable ".length), (holder: MutableHolder) => holder.values());
    } else if (!c.output) for (const output of c.outputs) wanted.set(output, (o: Record<string, unknown>) => o[output]);
    for (const [output, variable] of outputs) {
      if (!wanted.has(output)) variable.delete(), outputs.delete(output), outputErrors.delete(output);
    }
    for (const [output, derive] of wanted) {
      let variable = outputs.get(output);
      if (!variable) outputs.set(output, (variable = module.variable(outputObserver(output))));
      variable.define(output, [name!], derive);
    }
  }

  defineMain(cell);
  defineOutputs(cell);

  return {
    id: cell.id,
    redefine(next) {
      current = next;
      defineMain(next);
      defineOutputs(next);
    },
    delete() {
      for (const variable of outputs.values()) variable.delete();
      outputs.clear();
      main.delete();
    }
  };
}

/** True when `error` is a runtime error raised because input `name` failed. */
function isFromInput(error: unknown, name: string | null): boolean {
  return name !== null && typeof error === "object" && error !== null && (error as {input?: unknown}).input === name;
}
