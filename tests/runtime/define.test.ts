import {afterEach, describe, expect, it} from "vitest";
import type {CellId} from "../../src/notebook/index.ts";
import {NotebookRuntime, type CellSink, type DefinableCell} from "../../src/runtime/index.ts";

/** A sink that records what a user would see: the last state and what is on screen. */
class Screen implements CellSink {
  state = "pending";
  shown: unknown[] = [];
  error: unknown;
  runs = 0;
  private wake: (() => void) | undefined;
  running() {
    this.state = "running";
    this.runs++;
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
    this.wake?.();
  }
  rejected(error: unknown) {
    this.shown = [];
    this.state = "error";
    this.error = error instanceof Error ? error.message : error;
    this.wake?.();
  }
  /** Resolves at the next settle (fulfilled or rejected). */
  settle(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
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
  ...spec,
  id: spec.id as CellId
});

/** Waits until the runtime has computed (two frames: recompute, then observers). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

let runtime: NotebookRuntime;
afterEach(() => runtime?.dispose());

describe("NotebookRuntime", () => {
  it("define() of an existing cell redefines it and only its dependents re-run", async () => {
    runtime = new NotebookRuntime({});
    const [a, b, other] = [new Screen(), new Screen(), new Screen()];
    runtime.define(cell({id: 1, outputs: ["x"], body: () => ({x: 1})}), a);
    runtime.define(cell({id: 2, inputs: ["x"], autodisplay: true, body: (x: number) => x * 10}), b);
    runtime.define(cell({id: 3, autodisplay: true, body: () => "unrelated"}), other);
    await tick();
    expect(b.shown).toEqual([10]);
    runtime.define(cell({id: 1, outputs: ["x"], body: () => ({x: 4})}), a);
    await tick();
    expect(b.shown).toEqual([40]);
    expect([a.runs, b.runs, other.runs]).toEqual([2, 2, 1]);
  });

  it("a thrown error shows on its cell and dependents name the failed input", async () => {
    runtime = new NotebookRuntime({});
    const [failing, dependent] = [new Screen(), new Screen()];
    runtime.define(cell({id: 1, outputs: ["x"], body: () => { throw new Error("boom"); }}), failing);
    runtime.define(cell({id: 2, inputs: ["x"], autodisplay: true, body: (x: number) => x}), dependent);
    await tick();
    expect(failing.error).toBe("boom");
    expect(dependent.state).toBe("error");
    expect(dependent.error).toBe("boom");
  });

  it("a rejected promise shows on its cell", async () => {
    runtime = new NotebookRuntime({});
    const screen = new Screen();
    runtime.define(cell({id: 1, autodisplay: true, body: () => Promise.reject(new Error("nope"))}), screen);
    await tick();
    expect([screen.state, screen.error]).toEqual(["error", "nope"]);
  });

  it("a circular definition reaches every cell involved", async () => {
    runtime = new NotebookRuntime({});
    const [a, b] = [new Screen(), new Screen()];
    runtime.define(cell({id: 1, inputs: ["q"], outputs: ["p"], body: (q: number) => ({p: q + 1})}), a);
    runtime.define(cell({id: 2, inputs: ["p"], outputs: ["q"], body: (p: number) => ({q: p + 1})}), b);
    await tick();
    expect([a.error, b.error]).toEqual(["circular definition", "circular definition"]);
  });

  it("a duplicate definition reaches both cells, and deleting one heals the other", async () => {
    runtime = new NotebookRuntime({});
    const [a, b, reader] = [new Screen(), new Screen(), new Screen()];
    runtime.define(cell({id: 1, outputs: ["dup"], body: () => ({dup: 1})}), a);
    runtime.define(cell({id: 2, outputs: ["dup"], body: () => ({dup: 2})}), b);
    runtime.define(cell({id: 3, inputs: ["dup"], autodisplay: true, body: (d: number) => d}), reader);
    await tick();
    expect([a.error, b.error]).toEqual(["dup is defined more than once", "dup is defined more than once"]);
    expect(reader.state).toBe("error");
    runtime.delete(2);
    await tick();
    expect(a.state).toBe("fulfilled");
    expect(reader.shown).toEqual([1]);
  });

  it("display() shows values on its own cell and a re-run replaces them", async () => {
    runtime = new NotebookRuntime({});
    const [source, shower] = [new Screen(), new Screen()];
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 2})}), source);
    const body = (n: number, display: (v: unknown) => void) => {
      for (let i = 0; i < n; i++) display(i);
      return {};
    };
    runtime.define(cell({id: 2, inputs: ["n", "display"], body}), shower);
    await tick();
    expect(shower.shown).toEqual([0, 1]);
    expect(source.shown).toEqual([]);
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 3})}), source);
    await tick();
    expect(shower.shown).toEqual([0, 1, 2]);
  });

  it("a cell that stops displaying clears what it displayed before", async () => {
    runtime = new NotebookRuntime({});
    const [flag, shower] = [new Screen(), new Screen()];
    runtime.define(cell({id: 1, outputs: ["on"], body: () => ({on: true})}), flag);
    runtime.define(cell({id: 2, inputs: ["on", "display"], body: (on: boolean, display: (v: unknown) => void) => (on && display("hi"), {})}), shower);
    await tick();
    expect(shower.shown).toEqual(["hi"]);
    runtime.define(cell({id: 1, outputs: ["on"], body: () => ({on: false})}), flag);
    await tick();
    expect(shower.shown).toEqual([]);
  });

  it("builtins are lazy: a builtin no cell references is never computed", async () => {
    let computed = 0;
    runtime = new NotebookRuntime({heavy: () => (computed++, 1), light: () => 2});
    const screen = new Screen();
    runtime.define(cell({id: 1, inputs: ["light"], autodisplay: true, body: (l: number) => l}), screen);
    await tick();
    expect(screen.shown).toEqual([2]);
    expect(computed).toBe(0);
  });

  it("invalidation resolves when a cell is about to re-run, so it can clean up", async () => {
    runtime = new NotebookRuntime({});
    const [source, user] = [new Screen(), new Screen()];
    const cleanedUp: number[] = [];
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 1})}), source);
    const body = (n: number, invalidation: Promise<void>) => (invalidation.then(() => cleanedUp.push(n)), n);
    runtime.define(cell({id: 2, inputs: ["n", "invalidation"], autodisplay: true, body}), user);
    await tick();
    expect(cleanedUp).toEqual([]);
    runtime.define(cell({id: 1, outputs: ["n"], body: () => ({n: 2})}), source);
    await tick();
    expect(cleanedUp).toEqual([1]);
    expect(user.shown).toEqual([2]);
  });

  it("generators display each value they yield", async () => {
    runtime = new NotebookRuntime({});
    const screen = new Screen();
    runtime.define(cell({id: 1, autodisplay: true, body: function* () { yield 1; yield 2; }}), screen);
    await tick();
    await tick();
    expect(screen.shown).toEqual([2]);
  });
});
