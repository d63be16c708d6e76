import {normalizeEvents, type EventSpec, type TimelineEvent} from "./events.ts";

/** The lag from a warning to the first response of one kind. */
export interface ResponseLag {
  kind: string;
  /** The first response of this kind on or after the warning; `undefined` when there was none. */
  response?: TimelineEvent;
  /** Whole days from the warning's start to the response's start; `undefined` when none. */
  days?: number;
}

/** Options of {@link responseLags}. */
export interface ResponseLagOptions {
  /** The warning: a date, or the first event of `warningKinds` in `events`. */
  warning?: Date | string;
  /** Event kinds that count as warnings when `warning` is not given. Default ["early_warning"]. */
  warningKinds?: string[];
  /** Response kinds to measure, in this order. Default: every kind in `events` that is not a warning. */
  responseKinds?: string[];
}

/** What {@link responseLags} returns: the warning it measured from and one lag per kind. */
export interface ResponseLags {
  warning: Date;
  warningEvent?: TimelineEvent;
  lags: ResponseLag[];
}

const DAY = 86_400_000;

/**
 * For each kind of response, how long after the first early-warning signal the first response
 * of that kind came. Kinds with no response after the warning are kept, with no lag, so an
 * omission stays visible.
 */
export function responseLags(events: Iterable<EventSpec>, options: ResponseLagOptions = {}): ResponseLags {
  const timeline = normalizeEvents(events);
  const warningKinds = options.warningKinds ?? ["early_warning"];
  const warningEvent = options.warning === undefined ? timeline.find((e) => warningKinds.includes(e.kind)) : undefined;
  const warning = options.warning !== undefined ? toDate(options.warning) : warningEvent?.start;
  if (!warning) throw new Error(`no warning: no event of kind ${warningKinds.map((k) => JSON.stringify(k)).join(" or ")} and no warning date given`);
  const kinds = options.responseKinds ?? [...new Set(timeline.map((e) => e.kind))].filter((k) => !warningKinds.includes(k));
  const lags = kinds.map((kind): ResponseLag => {
    const response = timeline.find((e) => e.kind === kind && e.end > warning);
    if (!response) return {kind};
    return {kind, response, days: Math.max(0, Math.round((+response.start - +warning) / DAY))};
  });
  return {warning, warningEvent, lags};
}

function toDate(value: Date | string): Date {
  const date = value instanceof Date ? value : new Date(`${value}${/^\d{4}$/.test(value) ? "-01-01" : ""}T00:00:00Z`);
  if (Number.isNaN(+date)) throw new Error(`invalid warning date: ${JSON.stringify(value)}`);
  return date;
}
