/** The `Promises` builtin: promises that resolve with a value after a time. */
export const Promises = {delay, tick, when};

/** Resolves with `value` after `duration` milliseconds. */
function delay<T>(duration: number, value?: T): Promise<T | undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(value), duration));
}

/** Resolves with `value` at the next multiple of `duration` milliseconds since 1970 (as for a clock ticking each second). */
function tick<T>(duration: number, value?: T): Promise<T | undefined> {
  return when(Math.ceil((Date.now() + 1) / duration) * duration, value);
}

/** The longest wait `setTimeout` keeps (about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Resolves with `value` at `time` (a Date or milliseconds since 1970); at once when it has passed.
 * Rejects a time more than about 24.8 days ahead, which timers cannot wait for.
 */
function when<T>(time: Date | number, value?: T): Promise<T | undefined> {
  const wait = +time - Date.now();
  if (Number.isNaN(wait)) return Promise.reject(new Error(`Promises.when: ${String(time)} is not a time`));
  if (wait > MAX_DELAY) return Promise.reject(new Error(`Promises.when: ${new Date(+time).toISOString()} is more than 24.8 days ahead, too long to wait for`));
  return wait <= 0 ? Promise.resolve(value) : delay(wait, value);
}
