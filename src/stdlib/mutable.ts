import {observe, type Change} from "./observe.ts";

/** A generator of values with a settable `value`: assigning it yields the new value. */
export type MutableGenerator<T> = AsyncGenerator<T, void, unknown> & {value: T};

/**
 * The `Mutable` builtin: `const count = Mutable(0)` in one cell, `count.value++` in another; a
 * cell that reads the generator re-runs with each assigned value.
 */
export function Mutable<T>(initial: T): MutableGenerator<T> {
  let current = initial;
  let change: Change<T> | undefined;
  const generator = observe<T>((report) => {
    change = report;
    if (current !== undefined) report(current);
  });
  return Object.defineProperty(generator, "value", {
    get: () => current,
    set: (value: T) => change?.((current = value))
  }) as MutableGenerator<T>;
}
