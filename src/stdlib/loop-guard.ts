/** How long a cell may run without pausing, by default (ms). */
export const DEFAULT_LOOP_LIMIT_MS = 5000;

/** A cell ran too long without pausing: its loops stopped it. */
export class LoopLimitError extends Error {
  /** The line of the loop that was running (in the cell). */
  readonly line: number;
  constructor(limitMs: number, line: number) {
    const seconds = Math.round(limitMs / 100) / 10;
    const more = Math.max(30, Math.ceil(seconds * 6));
    super(
      `This cell ran for more than ${seconds} s without a pause, so it was stopped in the loop at line ${line} (a loop that never ends?). ` +
        `If it needs longer, raise the limit: loop-limit="${more}" on the notebook's <notebook> element, or ?loop-limit=${more} in the page's address (seconds).`
    );
    this.name = "LoopLimitError";
    this.line = line;
  }
}

/**
 * The `__guard` builtin every loop calls on each turn (the compiler adds the calls). It measures
 * continuous main-thread time, from the first loop turn after the page last paused: past
 * `limitMs()` it throws a {@link LoopLimitError} naming the loop's line, so the page stays
 * responsive and the cell shows why it stopped. The clock is read once every 1024 turns.
 */
export function createLoopGuard(limitMs: () => number, now: () => number = () => performance.now()): (line: number) => void {
  let sliceStart: number | undefined;
  let stopped: number | undefined;
  let turns = 0;
  const pause = () => ((sliceStart = undefined), (stopped = undefined));
  return (line) => {
    if (line === stopped) throw new LoopLimitError(limitMs(), line);
    if (sliceStart !== undefined && (++turns & 1023) !== 0) return;
    const time = now();
    if (sliceStart === undefined) {
      sliceStart = time;
      // Any pause of the main thread (an await, the next frame) starts a new allowance.
      setTimeout(pause, 0);
      return;
    }
    const limit = limitMs();
    if (time - sliceStart <= limit) return;
    // The loop that ran too long keeps failing until the page pauses; other loops start afresh.
    stopped = line;
    sliceStart = time;
    throw new LoopLimitError(limit, line);
  };
}

/**
 * The loop limit of a page (ms): `?loop-limit=<seconds>` in its address, else the notebook's
 * `loop-limit` attribute (the page puts it on its main element), else 5 s.
 */
export function pageLoopLimit(location: Pick<Location, "search">, main: HTMLElement | undefined): number {
  const seconds = Number(new URLSearchParams(location.search).get("loop-limit") ?? main?.dataset.loopLimit);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_LOOP_LIMIT_MS;
}
