import type {Identifier} from "acorn";

/** The distinct names of `free` references that are not globals, in first-use order, after `first`. */
export function collectInputs(free: readonly Identifier[], globals: ReadonlySet<string>, first: readonly string[] = []): string[] {
  const inputs = new Set(first);
  for (const {name} of free) if (!globals.has(name)) inputs.add(name);
  return [...inputs];
}
