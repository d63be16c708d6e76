/** Reports a new value to the generator made by {@link observe} or {@link queue}. */
export type Change<T> = (value: T) => void;

/** Sets up a source of values; may return a function that tears it down. */
export type Initialize<T> = (change: Change<T>) => void | (() => void);

/**
 * A generator of the values `initialize` reports through `change`, for a cell to return: the
 * runtime pulls it once per animation frame and, when the cell is invalidated, calls `return()`,
 * which runs the teardown. Only the latest value not yet pulled is kept.
 */
export function observe<T>(initialize: Initialize<T>): AsyncGenerator<T, void, unknown> {
  return changes(initialize, "latest");
}

/** Like {@link observe}, but every reported value is yielded, in order (none is dropped). */
export function queue<T>(initialize: Initialize<T>): AsyncGenerator<T, void, unknown> {
  return changes(initialize, "all");
}

/**
 * Like {@link observe}, but a value reported after the generator handed one over and before it
 * is pulled again is dropped when it is the same primitive (`Object.is`): the runtime already
 * has it, and yielding it again would re-run every cell that reads it. Such repeats come from
 * one change announced twice, as Observable Inputs' select does for an `input` event followed by
 * a `change` event that are not the browser's own. A value reported while the runtime waits
 * for one is always yielded, equal or not (a form submitted twice still runs twice).
 */
export function observeDistinct<T>(initialize: Initialize<T>): AsyncGenerator<T, void, unknown> {
  return changes(initialize, "distinct");
}

/** What {@link changes} keeps of the values reported between two pulls. */
type Keep = "latest" | "all" | "distinct";

/** Marks that no value was handed over since the last pull. */
const NONE = Symbol("none");

function changes<T>(initialize: Initialize<T>, keep: Keep): AsyncGenerator<T, void, unknown> {
  const pending: T[] = [];
  let waiting: ((result: IteratorResult<T, void>) => void) | undefined;
  let done = false;
  /** The value last handed over, until the next pull (read by "distinct" only). */
  let given: T | typeof NONE = NONE;
  const change: Change<T> = (value) => {
    if (done) return;
    if (waiting !== undefined) {
      const resolve = waiting;
      waiting = undefined;
      given = value;
      resolve({value, done: false});
    } else if (keep === "all") {
      pending.push(value);
    } else if (keep === "distinct" && given !== NONE && Object.is(value, given) && isPrimitive(value)) {
      pending.length = 0;
    } else {
      pending.splice(0, pending.length, value);
    }
  };
  const finish = (): Promise<IteratorResult<T, void>> => {
    if (!done) {
      done = true;
      pending.length = 0;
      teardown?.();
      waiting?.({value: undefined, done: true});
      waiting = undefined;
    }
    return Promise.resolve({value: undefined, done: true});
  };
  const generator = {
    next(): Promise<IteratorResult<T, void>> {
      if (done) return Promise.resolve({value: undefined, done: true});
      if (pending.length > 0) {
        const value = pending.shift() as T;
        given = value;
        return Promise.resolve({value, done: false});
      }
      given = NONE;
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw(error: unknown): Promise<IteratorResult<T, void>> {
      void finish();
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return generator;
    }
  };
  const teardown = initialize(change);
  return generator as unknown as AsyncGenerator<T, void, unknown>;
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}
