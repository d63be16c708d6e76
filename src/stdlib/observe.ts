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
  return changes(initialize, false);
}

/** Like {@link observe}, but every reported value is yielded, in order (none is dropped). */
export function queue<T>(initialize: Initialize<T>): AsyncGenerator<T, void, unknown> {
  return changes(initialize, true);
}

function changes<T>(initialize: Initialize<T>, keepAll: boolean): AsyncGenerator<T, void, unknown> {
  const pending: T[] = [];
  let waiting: ((result: IteratorResult<T, void>) => void) | undefined;
  let done = false;
  const change: Change<T> = (value) => {
    if (done) return;
    if (waiting !== undefined) {
      const resolve = waiting;
      waiting = undefined;
      resolve({value, done: false});
    } else if (keepAll) {
      pending.push(value);
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
      if (pending.length > 0) return Promise.resolve({value: pending.shift() as T, done: false});
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
