/** The smallest, median and largest of a series of measurements. */
export type Stats = {min: number; median: number; max: number};

/** {@link Stats} of the finite `values`, or `undefined` when there are none. */
export function stats(values: number[]): Stats | undefined {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {min: sorted[0]!, median, max: sorted.at(-1)!};
}
