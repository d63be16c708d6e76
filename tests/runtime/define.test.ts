import {Window} from "happy-dom";
import {afterEach, describe, expect, it, vi} from "vitest";
import type {CellId} from "../../src/notebook/index.ts";
import {NotebookRuntime, type CellSink, type DefinableCell} from "../../src/runtime/index.ts";

/** A sink that records what a user would see: the last state, what is on screen, any notice. */
class Screen implements CellSink {
  state = "pending";
  shown: unknown[] = [];
  error: unknown;
  notes: string | undefined;
  runs = 0;
  running() {
    this.state = "running";
    this.runs++;
  }
  interrupted() {
    this.state = "interrupted";
  }
  clear() {
    this.shown = [];
  }
  append(value: unknown) {
    this.shown.push(value);
  }
  fulfilled(value: unknown, display: boolean) {
    if (display) this.shown = [value];
    this.state = "fulfilled";
    this.error = undefined;
  }
  rejected(error: unknown) {
    this.shown = [];
    this.state = "error";
    this.error = error instanceof Error ? error.message : error;
  }
  notice(text: string | undefined) {
    this.notes = text;
  }
}

const cell = (spec: Partial<Omit<DefinableCell, "id">> & {id: number; body: DefinableCell["body"]}): DefinableCell => ({
  mode: "js",
  inputs: [],
  outputs: [],
  autodisplay: false,
  autoview: false,
  automutable: false,
  files: [],
  imports: [],
  views: [],
  ...spec,
  id: spec.id as CellId
});

let runtime: NotebookRuntime;
let screens: Map<number, Screen>;
afterEach(() => runtime?.dispose());

/** A runtime whose cells report to `screens` (one per id, made on first use). */
function start(builtins: Record<string, () => unknown> = {}): NotebookRuntime {
  screens = new Map();
  const screen = (id: number) => screens.get(id) ?? screens.set(id, new Screen()).get(id)!;
  return (runtime = new NotebookRuntime(builtins, screen));
}

const screen = (id: number) => screens.get(id)!;
/** Waits until `check` passes (the runtime computes once per frame). */
const until = (check: () => void) => vi.waitFor(check, {timeout: 5000, interval: 5});

/** A promise the test settles by hand. */
function gate<T = void>(): {promise: Promise<T>; open(value: T): void} {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return {promise, open};
}

describe("NotebookRuntime", () => {
  it("define() of an existing cell redefines it and only its dependents re-run", async () => {
    start();
    runtime.define(cell({id: 1, outputs: ["x"], body: () => ({x: 1})}));
    runtime.define(cell({id: 2, inputs: ["x"], autodisplay: true, body: (x: number) => x * 10}));
    runtime.define(cell({id: 3, autodisplay: true, body: () => "unrelated"}));
    await until(() => expect(screen(2).shown).toEqual([10]));
    runtime.define(cell({id: 1, outputs: ["x"], body: () => ({x: 4})}));
    await until(() => expect(screen(2).shown).toEqual([40]));
    expect([screen(1).runs, screen(2).runs, screen(3).runs]).toEqual([2, 2, 1]);
  });

  it("define() of a cell with renamed outputs drops the old names: their readers fail, readers of the new ones run", async () => {
    start();
    runtime.define(cell({id: 1, outputs: ["x"], body: () => ({x: 1})}));
    runtime.define(cell({id: 2, inputs: ["x"], autodisplay: true, body: (x: number) => x * 10}));
    runtime.define(cell({id: 3, inputs: ["y"], autodisplay: true, body: (y: number) => y * 100}));
    await until(() => expect([screen(2).shown, screen(3).state]).toEqual([[10], "error"]));
    runtime.define(cell({id: 1, outputs: ["y"], body: () => ({y: 2})}));
    await until(() => expect([screen(2).state, screen(2).error, screen(3).shown]).toEqual(["error", "x is not defined", [200]]));
  });

  it("define() of a cell whose output attribute is renamed drops the old name", async () => {
    start();
    runtime.define(cell({id: 1, output: "total", autodisplay: true, body: () => 5}));
    runtime.define(cell({id: 2, inputs: ["total"], autodisplay: true, body: (t: number) => t + 1}));
    await until(() => expect(screen(2).shown).toEqual([6]));
    runtime.define(cell({id: 1, output: "sum", autodisplay: true, body: () => 5}));
    await until(() => expect([screen(2).state, screen(2).error]).toEqual(["error", "total is not defined"]));
  });

  it("NotebookRuntime shows a thrown error on its cell, and dependents name the failed input", async () => {
    start();
    runtime.define(cell({id: 1, outputs: ["x"], body: () => { throw new Error("boom"); }}));
    runtime.define(cell({id: 2, inputs: ["x"], autodisplay: true, body: (x: number) => x}));
    await until(() => expect([screen(1).error, screen(2).state, screen(2).error]).toEqual(["boom", "error", "boom"]));
  });

  it("NotebookRuntime shows a rejected promise on its cell", async () => {
    start();
    runtime.define(cell({id: 1, autodisplay: true, body: () => Promise.reject(new Error("nope"))}));
    await until(() => expect([screen(1).state, screen(1).error]).toEqual(["error", "nope"]));
  });

  it("NotebookRuntime reports a circular definition on every cell involved", async () => {
    start();
    runtime.define(cell({id: 1, inputs: ["q"], outputs: ["p"], body: (q: number) => ({p: q + 1})}));
    runtime.define(cell({id: 2, inputs: ["p"], outputs: ["q"], body: (p: number) => ({q: p + 1})}));
    await until(() => expect([screen(1).error, screen(2).error]).toEqual(["circular definition", "circular definition"]));
  });

  it("NotebookRuntime fails only the readers of a duplicate name; both declaring cells still display and name the clash", async () => {
    start();
    runtime.define(cell({id: 1, outputs: ["dup"], inputs: ["display"], body: (display: (v: unknown) => void) => (display("one"), {dup: 1})}));
    runtime.define(cell({id: 2, outputs: ["dup"], inputs: ["display"], body: (display: (v: unknown) => void) => (display("two"), {dup: 2})}));
    runtime.define(cell({id: 3, inputs: ["dup"], autodisplay: true, body: (d: number) => d}));
    await until(() => expect(screen(3).error).toBe("dup is defined more than once"));
    expect([screen(1).state, screen(1).shown, screen(2).state, screen(2).shown]).toEqual(["fulfilled", ["one"], "fulfilled", ["two"]]);
    expect(screen(1).notes).toMatch(/dup is also defined by cell 2/);
    expect(screen(2).notes).toMatch(/dup is also defined by cell 1/);
    runtime.delete(2);
    await until(() => expect(screen(3).shown).toEqual([1]));
    expect(screen(1).notes).toBeUndefined();
  });

  it("display() shows values on its own cell and a re-run replaces them", async () => {
    start();
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 2})}));
    const body = (n: number, display: (v: unknown) => void) => {
      for (let i = 0; i < n; i++) display(i);
      return {};
    };
    runtime.define(cell({id: 2, inputs: ["n", "display"], body}));
    await until(() => expect(screen(2).shown).toEqual([0, 1]));
    expect(screen(1).shown).toEqual([]);
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 3})}));
    await until(() => expect(screen(2).shown).toEqual([0, 1, 2]));
  });

  it("display() from a superseded run shows nothing, however late its promise settles", async () => {
    start();
    const gates = new Map([1, 2, 3].map((n) => [n, gate()]));
    const started: number[] = [];
    const body = async (n: number, display: (v: unknown) => void) => {
      started.push(n);
      await gates.get(n)!.promise;
      display(`chart for ${n}`);
      return {};
    };
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 1})}));
    runtime.define(cell({id: 2, inputs: ["n", "display"], body}));
    await until(() => expect(started).toEqual([1]));
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 2})}));
    await until(() => expect(started).toEqual([1, 2]));
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 3})}));
    // A new run starts without waiting for the runs it supersedes.
    await until(() => expect(started).toEqual([1, 2, 3]));
    gates.get(3)!.open();
    await until(() => expect([screen(2).state, screen(2).shown]).toEqual(["fulfilled", ["chart for 3"]]));
    // The older runs end last: what they display goes nowhere.
    gates.get(1)!.open();
    gates.get(2)!.open();
    await Promise.all([gates.get(1)!.promise, gates.get(2)!.promise]);
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    expect(screen(2).shown).toEqual(["chart for 3"]);
    expect(screen(2).state).toBe("fulfilled");
  });

  it("NotebookRuntime runs an edited cell at once even while its previous run never settles", async () => {
    start();
    runtime.define(cell({id: 1, autodisplay: true, body: () => new Promise(() => {})}));
    await until(() => expect(screen(1).state).toBe("running"));
    runtime.define(cell({id: 1, autodisplay: true, body: () => "fixed"}));
    await until(() => expect(screen(1).shown).toEqual(["fixed"]));
  });

  it("a cell that stops displaying clears what it displayed before", async () => {
    start();
    runtime.define(cell({id: 1, outputs: ["on"], body: () => ({on: true})}));
    runtime.define(cell({id: 2, inputs: ["on", "display"], body: (on: boolean, display: (v: unknown) => void) => (on && display("hi"), {})}));
    await until(() => expect(screen(2).shown).toEqual(["hi"]));
    runtime.define(cell({id: 1, outputs: ["on"], body: () => ({on: false})}));
    await until(() => expect([screen(2).runs, screen(2).shown]).toEqual([2, []]));
  });

  it("NotebookRuntime interrupt() abandons the run: the cell and its dependents wait, its invalidation fires, and a redefinition runs again", async () => {
    start();
    const cleaned: string[] = [];
    const stuck = (invalidation: Promise<void>) => {
      void invalidation.then(() => cleaned.push("stuck run"));
      return new Promise(() => {});
    };
    runtime.define(cell({id: 1, output: "slow", inputs: ["invalidation"], autodisplay: true, body: stuck}));
    runtime.define(cell({id: 2, inputs: ["slow"], autodisplay: true, body: (s: unknown) => `got ${s}`}));
    await until(() => expect(screen(1).state).toBe("running"));
    runtime.interrupt(1);
    await until(() => expect(screen(1).state).toBe("interrupted"));
    await until(() => expect(cleaned).toEqual(["stuck run"]));
    expect(screen(2).shown).toEqual([]);
    runtime.define(cell({id: 1, output: "slow", autodisplay: true, body: () => 5}));
    await until(() => expect(screen(2).shown).toEqual(["got 5"]));
  });

  it("NotebookRuntime rerun() runs the picked cells again as defined (dependents follow); an interrupted cell stays interrupted", async () => {
    start({db: () => "the database"});
    let queries = 0;
    runtime.define(cell({id: 1, inputs: ["db"], outputs: ["rows"], body: () => ({rows: ++queries})}));
    runtime.define(cell({id: 2, inputs: ["rows"], autodisplay: true, body: (r: number) => `rows ${r}`}));
    runtime.define(cell({id: 3, autodisplay: true, body: () => "no database"}));
    runtime.define(cell({id: 4, inputs: ["db", "invalidation"], autodisplay: true, body: () => new Promise(() => {})}));
    await until(() => expect([screen(2).shown, screen(4).state]).toEqual([["rows 1"], "running"]));
    runtime.interrupt(4);
    await until(() => expect(screen(4).state).toBe("interrupted"));
    expect(runtime.rerun((c) => c.inputs.includes("db"))).toEqual([1]);
    await until(() => expect(screen(2).shown).toEqual(["rows 2"]));
    expect([screen(1).runs, screen(3).runs, screen(4).state]).toEqual([2, 1, "interrupted"]);
  });

  it("NotebookRuntime restart() drops every cell and value; cells defined again run afresh", async () => {
    let loads = 0;
    start({base: () => (loads++, 1)});
    runtime.define(cell({id: 1, inputs: ["base"], autodisplay: true, body: (b: number) => b + 1}));
    await until(() => expect(screen(1).shown).toEqual([2]));
    runtime.restart();
    expect(runtime.has(1)).toBe(false);
    runtime.define(cell({id: 1, inputs: ["base"], autodisplay: true, body: (b: number) => b + 2}));
    await until(() => expect(screen(1).shown).toEqual([3]));
    expect(loads).toBe(2);
  });

  it("builtins are lazy: a builtin no cell references is never computed", async () => {
    let computed = 0;
    start({heavy: () => (computed++, 1), light: () => 2});
    runtime.define(cell({id: 1, inputs: ["light"], autodisplay: true, body: (l: number) => l}));
    await until(() => expect(screen(1).shown).toEqual([2]));
    expect(computed).toBe(0);
  });

  it("invalidation resolves when a cell is about to re-run, so it can clean up", async () => {
    start();
    const cleanedUp: number[] = [];
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 1})}));
    const body = (n: number, invalidation: Promise<void>) => (invalidation.then(() => cleanedUp.push(n)), n);
    runtime.define(cell({id: 2, inputs: ["n", "invalidation"], autodisplay: true, body}));
    await until(() => expect(screen(2).shown).toEqual([1]));
    expect(cleanedUp).toEqual([]);
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 2})}));
    await until(() => expect([cleanedUp, screen(2).shown]).toEqual([[1], [2]]));
  });

  it("generators display each value they yield", async () => {
    start();
    runtime.define(cell({id: 1, autodisplay: true, body: function* () { yield 1; yield 2; }}));
    await until(() => expect(screen(1).shown).toEqual([2]));
  });

  it("view(): a change announced twice at once (Inputs.select's input then change events) re-runs the cells that read it once", async () => {
    const document = new Window().document as unknown as Document;
    const Event = (document.defaultView as unknown as typeof globalThis).Event;
    start();
    const select = document.createElement("input");
    select.value = "SYR";
    document.body.append(select);
    const announce = (value: string, times: number) => {
      select.value = value;
      for (let i = 0; i < times; i++) select.dispatchEvent(new Event("input"));
    };
    const body = (view: (element: unknown) => unknown) => ({country: view(select)});
    runtime.define(cell({id: 1, inputs: ["view"], outputs: ["country"], body}));
    runtime.define(cell({id: 2, inputs: ["country"], autodisplay: true, body: (country: string) => `rows of ${country}`}));
    await until(() => expect(screen(2).shown).toEqual(["rows of SYR"]));
    announce("KEN", 2);
    await until(() => expect(screen(2).shown).toEqual(["rows of KEN"]));
    announce("IRQ", 1);
    await until(() => expect(screen(2).shown).toEqual(["rows of IRQ"]));
    expect(screen(2).runs).toBe(3);
  });

  it("NotebookRuntime inputs: a value restored by name is the input's first value, and values() reads them back", async () => {
    const document = new Window().document as unknown as Document;
    start();
    runtime.inputs.restore(new Map([["year", "2008"]]));
    const slider = document.createElement("input");
    slider.value = "2006";
    document.body.append(slider);
    const body = (view: (element: unknown, name?: string) => unknown) => ({year: view(slider, "year")});
    runtime.define(cell({id: 1, inputs: ["view"], outputs: ["year"], body}));
    runtime.define(cell({id: 2, inputs: ["year"], autodisplay: true, body: (year: string) => `year ${year}`}));
    await until(() => expect(screen(2).shown).toEqual(["year 2008"]));
    expect(runtime.inputs.values()).toEqual(new Map([["year", "2008"]]));
    slider.value = "2011";
    slider.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event("input"));
    await until(() => expect(screen(2).shown).toEqual(["year 2011"]));
    expect(runtime.inputs.values()).toEqual(new Map([["year", "2011"]]));
  });
});
