import {Runtime} from "@observablehq/runtime";
import {afterEach, describe, expect, it} from "vitest";
import {nextTask, paceCompute} from "../../src/runtime/index.ts";

/** Animation frames that come only when the test says so; tasks are the real ones. */
function manualFrames() {
  let waiting: Array<() => void> = [];
  return {
    frame: () => new Promise<void>((resolve) => waiting.push(resolve)),
    tick() {
      const due = waiting;
      waiting = [];
      for (const resolve of due) resolve();
    }
  };
}

/** Lets `count` tasks of the page run (each after the microtasks of the one before). */
async function tasks(count = 20): Promise<void> {
  for (let i = 0; i < count; i++) await nextTask();
}

let runtime: Runtime | undefined;
afterEach(() => runtime?.dispose());

describe("paceCompute", () => {
  it("paceCompute computes an input's new value and its dependents without waiting for a frame", async () => {
    const frames = manualFrames();
    runtime = new Runtime();
    paceCompute(runtime, {frame: frames.frame, task: nextTask});
    const module = runtime.module();
    // As an input's generator: each value arrives when the reader changes the input.
    let change: (value: number) => void = () => {};
    module.define("x", [], function* () {
      for (;;) yield new Promise<number>((resolve) => (change = resolve));
    });
    const seen: number[] = [];
    module.variable({fulfilled: (value) => seen.push(value as number)}).define("y", ["x"], (x: number) => x * 2);
    await tasks();
    change(1);
    await tasks();
    expect(seen).toEqual([2]);
    frames.tick(); // the runtime asks for the input's next value at a frame
    await tasks();
    change(2);
    await tasks();
    expect(seen).toEqual([2, 4]);
  });

  it("paceCompute pulls a generator's next value once per frame", async () => {
    const frames = manualFrames();
    runtime = new Runtime();
    paceCompute(runtime, {frame: frames.frame, task: nextTask});
    const seen: number[] = [];
    runtime.module().variable({fulfilled: (value) => seen.push(value as number)}).define("n", [], function* () {
      for (let i = 0; ; i++) yield i;
    });
    await tasks();
    expect(seen).toEqual([0]);
    frames.tick();
    await tasks();
    expect(seen).toEqual([0, 1]);
    frames.tick();
    await tasks();
    expect(seen).toEqual([0, 1, 2]);
  });
});
