import {afterEach, beforeEach, describe, expect, it, vi} from "vitest";
import {createLoopGuard, LoopLimitError, pageLoopLimit} from "../../src/stdlib/index.ts";

let clock = 0;
beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
});
afterEach(() => vi.useRealTimers());

/** Turns of a loop at `line`, the clock moving `msPerTurn` each; answers the error, if any. */
function spin(guard: (line: number) => void, line: number, turns: number, msPerTurn: number): unknown {
  try {
    for (let i = 0; i < turns; i++) {
      clock += msPerTurn;
      guard(line);
    }
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("createLoopGuard", () => {
  it("createLoopGuard stops a loop that runs past the limit without a pause, naming its line and how to raise the limit", () => {
    const guard = createLoopGuard(() => 5000, () => clock);
    const error = spin(guard, 12, 1_000_000, 0.01);
    expect(error).toBeInstanceOf(LoopLimitError);
    expect((error as LoopLimitError).line).toBe(12);
    expect((error as Error).message).toMatch(/more than 5 s without a pause.*line 12.*loop-limit="30"/);
    expect(clock).toBeGreaterThan(5000);
    expect(clock).toBeLessThan(5000 + 1024 * 0.01 + 1);
  });

  it("createLoopGuard lets loops run as long as they like when the page pauses in between", () => {
    const guard = createLoopGuard(() => 5000, () => clock);
    for (let slice = 0; slice < 10; slice++) {
      expect(spin(guard, 3, 200_000, 0.01)).toBeUndefined();
      vi.runAllTimers();
    }
    expect(clock).toBeGreaterThan(10_000);
  });

  it("createLoopGuard keeps failing the loop that was stopped, but gives other loops of the same moment a fresh allowance", () => {
    const guard = createLoopGuard(() => 1000, () => clock);
    expect(spin(guard, 4, 1_000_000, 0.01)).toBeInstanceOf(LoopLimitError);
    expect(spin(guard, 4, 1, 0)).toBeInstanceOf(LoopLimitError);
    expect(spin(guard, 9, 2000, 0.01)).toBeUndefined();
    vi.runAllTimers();
    expect(spin(guard, 4, 10, 0.01)).toBeUndefined();
  });

  it("pageLoopLimit reads ?loop-limit, then the notebook's attribute, in seconds, else 5 s", () => {
    expect(pageLoopLimit({search: "?loop-limit=30"}, {dataset: {loopLimit: "10"}} as unknown as HTMLElement)).toBe(30_000);
    expect(pageLoopLimit({search: ""}, {dataset: {loopLimit: "10"}} as unknown as HTMLElement)).toBe(10_000);
    expect(pageLoopLimit({search: "?loop-limit=nope"}, undefined)).toBe(5000);
    expect(pageLoopLimit({search: "?loop-limit=-1"}, undefined)).toBe(5000);
  });
});
