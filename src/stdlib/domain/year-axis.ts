/** A time axis measured in whole years, shared by every panel of a chart. */
export interface YearAxis {
  /** From 1 January of the first year to 1 January after the last (UTC). */
  domain: [Date, Date];
  /** Tick positions: 1 January of every `step`-th year, so no label repeats. */
  ticks: Date[];
}

/** Steps between year ticks, smallest first. */
const steps = [1, 2, 5, 10, 20, 25, 50, 100];

/** Horizontal room one year label needs, in pixels. */
const labelRoom = 55;

/**
 * The whole years that `dates` touch, and ticks on 1 January spaced so that at most one label
 * fits in {@link labelRoom} pixels of `plotWidth`. A chart over one year still gets two ticks,
 * the year and the next, never the same year printed twice.
 */
export function yearAxis(dates: Date[], plotWidth: number): YearAxis {
  if (!dates.length) throw new Error("yearAxis: no dates");
  const years = dates.map((d) => d.getUTCFullYear());
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span = last + 1 - first;
  const room = Math.max(2, Math.floor(plotWidth / labelRoom));
  const step = steps.find((s) => span / s <= room) ?? steps.at(-1)!;
  const ticks: Date[] = [];
  for (let y = Math.ceil(first / step) * step; y <= last + 1; y += step) ticks.push(yearStart(y));
  return {domain: [yearStart(first), yearStart(last + 1)], ticks};
}

/** 1 January of `year`, UTC. */
export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1));
}
