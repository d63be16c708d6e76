import {observe} from "./observe.ts";

/** The width {@link width} reports where it cannot measure (no DOM, as in Node). */
export const DEFAULT_WIDTH = 640;

/**
 * The content width of `element` in pixels, then a new value each time it changes (through a
 * `ResizeObserver`). Without an element or `ResizeObserver`, yields {@link DEFAULT_WIDTH} once.
 */
export function width(element?: Element): AsyncGenerator<number, void, unknown> {
  if (element === undefined || typeof ResizeObserver === "undefined") {
    return observe<number>((change) => change(DEFAULT_WIDTH));
  }
  return observe<number>((change) => {
    let last = -1;
    const report = (value: number) => {
      if (value !== last) change((last = value));
    };
    const observer = new ResizeObserver(([entry]) => report(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    report(element.clientWidth || DEFAULT_WIDTH);
    return () => observer.disconnect();
  });
}
