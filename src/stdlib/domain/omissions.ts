import {normalizeEvents, type EventSpec} from "./events.ts";

/** One year of an indicator. */
export interface YearValue {
  year: number;
  value: number | null;
}

/** A run of years past the threshold with no recorded response. */
export interface OmissionWindow {
  start: number;
  /** Last year of the window (inclusive). */
  end: number;
  years: number;
  /** The value furthest past the threshold within the window. */
  peak: number;
}

/** Options of {@link omissionWindows}. */
export interface OmissionOptions {
  threshold: number;
  /** "above" (default): values >= threshold are alarming; "below": values <= threshold are. */
  direction?: "above" | "below";
  /** Event kinds that count as a response. Default: every kind except the non-responses. */
  responseKinds?: string[];
}

/** Kinds that describe the situation or a failure to act, not a response to it. */
export const nonResponseKinds = ["early_warning", "violence", "domestic_event", "omission_or_block"];

/**
 * Spans of consecutive years in which the indicator stayed past `threshold` while no response
 * of the chosen kinds was recorded in that year. Years are the unit: an event counts for every
 * year its (precision-respecting) date interval touches. A missing value breaks a span: no data
 * is not evidence of a threshold being crossed.
 */
export function omissionWindows(series: Iterable<YearValue>, events: Iterable<EventSpec>, options: OmissionOptions): OmissionWindow[] {
  const {threshold, direction = "above"} = options;
  if (!Number.isFinite(threshold)) throw new Error(`invalid threshold: ${JSON.stringify(threshold)}`);
  const timeline = normalizeEvents(events);
  const responseKinds = options.responseKinds;
  const isResponse = (kind: string) => (responseKinds ? responseKinds.includes(kind) : !nonResponseKinds.includes(kind));
  const respondedYears = new Set<number>();
  for (const e of timeline) {
    if (!isResponse(e.kind)) continue;
    const last = new Date(+e.end - 1).getUTCFullYear();
    for (let y = e.start.getUTCFullYear(); y <= last; y++) respondedYears.add(y);
  }
  const past = (v: number) => (direction === "above" ? v >= threshold : v <= threshold);
  const byYear = new Map<number, number>();
  for (const {year, value} of series) if (value !== null && Number.isFinite(value)) byYear.set(Number(year), Number(value));
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const windows: OmissionWindow[] = [];
  let open: OmissionWindow | undefined;
  for (const year of years) {
    const value = byYear.get(year)!;
    const omitted = past(value) && !respondedYears.has(year);
    if (omitted && open && open.end === year - 1) {
      open.end = year;
      open.years++;
      open.peak = direction === "above" ? Math.max(open.peak, value) : Math.min(open.peak, value);
    } else if (omitted) {
      windows.push((open = {start: year, end: year, years: 1, peak: value}));
    } else {
      open = undefined;
    }
  }
  return windows;
}
