/** Marks a code path that the type system proves unreachable (exhaustive switches). */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
