import type {CellId} from "./types.ts";

/**
 * The ids Notebook Kit gives cells whose `id` attributes read `values` (`undefined` when missing),
 * in document order: the value as a number, rounded down, when it is positive and not taken by an
 * earlier cell; otherwise one more than the largest id so far. So `["a", "3", undefined]` gives
 * 1, 3, 4. Values beyond `Number.MAX_SAFE_INTEGER` are renumbered too (Notebook Kit keeps them,
 * but they cannot count up exactly).
 */
export function repairIds(values: ReadonlyArray<string | undefined>): CellId[] {
  let largest = 0;
  const taken = new Set<number>();
  return values.map((value) => {
    let id = Math.floor(Number(value ?? ""));
    if (!Number.isSafeInteger(id) || id <= 0 || taken.has(id)) id = ++largest;
    else if (id > largest) largest = id;
    taken.add(id);
    return id as CellId;
  });
}
