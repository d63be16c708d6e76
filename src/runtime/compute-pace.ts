import type {Runtime} from "@observablehq/runtime";

/** When a runtime's pending work may run: `frame` paces generators, `task` everything else. */
export interface ComputePace {
  /** Resolves at the next animation frame (default: `requestAnimationFrame`, else the next task). */
  frame: () => Promise<void>;
  /** Resolves in a task of its own, after the current one and its microtasks (default: {@link nextTask}). */
  task: () => Promise<void>;
}

/** The runtime's own scheduling members this replaces (`_computeSoon` is writable by design). */
interface Scheduling {
  _computeSoon(): Promise<void>;
  _computeNow(): Promise<void>;
  _precomputes: unknown[];
  _disposed: boolean;
}

/**
 * Makes `runtime` recompute what changed in the next task instead of at the next animation
 * frame, unless generators are waiting to be pulled. Observable's runtime waits for a frame
 * every time: a reader's input change then waits up to a frame before its cells start, and
 * what they draw lands a frame later still. The changes of one task still compute together.
 * Pulling a generator's next value keeps the frame's pace (an animation loop yields once per
 * frame; in a hidden tab, where frames stop, it waits).
 */
export function paceCompute(runtime: Runtime, pace: ComputePace = defaultPace()): void {
  const scheduling = runtime as unknown as Scheduling;
  scheduling._computeSoon = function (this: Scheduling) {
    const wait = this._precomputes.length > 0 ? pace.frame() : pace.task();
    return wait.then(() => (this._disposed ? undefined : this._computeNow()));
  };
}

function defaultPace(): ComputePace {
  const frame = typeof requestAnimationFrame === "function" ? () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())) : nextTask;
  return {frame, task: nextTask};
}

/**
 * A task of its own (a message to ourselves): unlike `setTimeout(0)`, never clamped to 4 ms
 * when nested, nor throttled to once a second in a background tab.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
