import type {InputValue} from "./share-link.ts";

/**
 * An input's value as a link can carry it, or `undefined` when it cannot (a file, a DOM node,
 * an object of another kind): such inputs keep their default when the link is opened.
 */
export function toInputValue(value: unknown): InputValue | undefined {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : {$date: value.toISOString()};
  if (Array.isArray(value)) {
    const items = value.map(toInputValue);
    return items.every((item) => item !== undefined) ? (items as InputValue[]) : undefined;
  }
  return undefined;
}

/** The value a link's input stands for (dates become `Date`s again). */
export function fromInputValue(value: InputValue): unknown {
  if (Array.isArray(value)) return value.map(fromInputValue);
  if (value !== null && typeof value === "object") return new Date(value.$date);
  return value;
}
