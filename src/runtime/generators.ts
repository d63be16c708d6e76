import {Generators} from "../stdlib/index.ts";

/** The values of an input element: its current value now, then one per "input" event. */
export function inputValues(element: unknown): AsyncGenerator<unknown> {
  return Generators.input(element as Element) as AsyncGenerator<unknown>;
}

/**
 * The value behind an ojs `mutable x`: other cells assign `mutable x.value`, and `x` re-runs
 * its dependents with each new value. Not a generator itself, so the runtime keeps it as is.
 */
export interface MutableHolder {
  value: unknown;
  /** The stream of values that defines `x`. */
  values(): AsyncGenerator<unknown>;
}

/** Creates the holder for an ojs `mutable` cell's initial value. */
export function mutableHolder(initial: unknown): MutableHolder {
  let current = initial;
  let notify: ((value: unknown) => void) | undefined;
  return {
    get value() {
      return current;
    },
    set value(next) {
      current = next;
      notify?.(next);
    },
    values() {
      return Generators.observe((change: (value: unknown) => void) => {
        notify = change;
        change(current);
        return () => void (notify = undefined);
      }) as AsyncGenerator<unknown>;
    }
  };
}
