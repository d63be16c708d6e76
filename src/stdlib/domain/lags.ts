import {normalizeEvents, type EventSpec, type TimelineEvent} from "./events.ts";

/**
 * The lag from a warning to the first response of one kind, as a range of whole days: a date
 * known only to the month or year leaves the lag uncertain by up to that much.
 */
export interface ResponseLag {
  kind: string;
  /** The first response of this kind that may fall on or after the warning; `undefined` when there was none. */
  response?: TimelineEvent;
  /** The fewest days the lag can be: the warning's last possible day to the response's first (never below 0). */
  minDays?: number;
  /** The most days the lag can be: the warning's first possible day to the response's last. */
  maxDays?: number;
}

/** Options of {@link responseLags}. */
export interface ResponseLagOptions {
  /** The warning: a date ("2007-09" is a month-precision date), or the first event of `warningKinds` in `events`. */
  warning?: Date | string;
  /** Event kinds that count as warnings when `warning` is not given. Default ["early_warning"]. */
  warningKinds?: string[];
  /** Response kinds to measure, in this order. Default: every kind in `events` that is not a warning. */
  responseKinds?: string[];
}

/** What {@link responseLags} returns: the warning it measured from and one lag per kind. */
export interface ResponseLags {
  /** The warning as an interval: the timeline event, or the given date as an event of kind "warning". */
  warning: TimelineEvent;
  lags: ResponseLag[];
}

const DAY = 86_400_000;

/**
 * For each kind of response, how long after the first early-warning signal the first response
 * of that kind came. A response on the warning's own day counts (a lag of 0). Kinds with no
 * response after the warning are kept, with no lag, so an omission stays visible.
 */
export function responseLags(events: Iterable<EventSpec>, options: ResponseLagOptions = {}): ResponseLags {
  const timeline = normalizeEvents(events);
  const warningKinds = options.warningKinds ?? ["early_warning"];
  const warning = options.warning !== undefined ? givenWarning(options.warning) : timeline.find((e) => warningKinds.includes(e.kind));
  if (!warning) throw new Error(`no warning: no event of kind ${warningKinds.map((k) => JSON.stringify(k)).join(" or ")} and no warning date given`);
  const kinds = options.responseKinds ?? [...new Set(timeline.map((e) => e.kind))].filter((k) => !warningKinds.includes(k));
  const lags = kinds.map((kind): ResponseLag => {
    // Intervals are [start, end): a response may be on or after the warning when it ends after the warning starts.
    const response = timeline.find((e) => e.kind === kind && e.end > warning.start);
    if (!response) return {kind};
    return {
      kind,
      response,
      minDays: Math.max(0, Math.round((+response.start - (+warning.end - DAY)) / DAY)),
      maxDays: Math.round((+response.end - DAY - +warning.start) / DAY)
    };
  });
  return {warning, lags};
}

function givenWarning(value: Date | string): TimelineEvent {
  try {
    return normalizeEvents([{date: value, kind: "warning"}])[0]!;
  } catch {
    throw new Error(`invalid warning date: ${JSON.stringify(value)} (expected YYYY, YYYY-MM, YYYY-MM-DD or a Date)`);
  }
}
