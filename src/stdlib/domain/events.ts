/** How exactly an event's date is known. */
export type DatePrecision = "day" | "month" | "year";

/** A dated event as a user or a timeline table gives it (loose: spec in). */
export interface EventSpec {
  /** ISO date truncated to its precision: "2008-02-28", "2008-02" or "2008"; or a Date. */
  date: string | Date;
  /** Inferred from the date string's length when absent. */
  date_precision?: DatePrecision | null;
  /** What kind of event: `early_warning`, `mediation`, `omission_or_block`, ... */
  kind: string;
  actor?: string | null;
  description?: string | null;
  source?: string | null;
}

/** A normalised event: the interval its date denotes, in UTC. */
export interface TimelineEvent {
  /** First instant the event may have happened. */
  start: Date;
  /** First instant after it (exclusive): a day, month or year later than `start`. */
  end: Date;
  precision: DatePrecision;
  /** The date as given, for labels ("2008-02", "2008-02-28"). */
  label: string;
  kind: string;
  actor: string;
  description: string;
  source: string;
}

/** Thrown for an event whose date cannot be read; says which event and which value. */
export class EventDateError extends Error {
  constructor(index: number, value: unknown) {
    super(`invalid date in event ${index + 1}: ${JSON.stringify(value)} (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
    this.name = "EventDateError";
  }
}

/**
 * Normalises event rows (an array, an Arrow table or any iterable of objects) into intervals
 * that respect each date's precision: "2008-02" covers all of February 2008.
 */
export function normalizeEvents(rows: Iterable<EventSpec>): TimelineEvent[] {
  return Array.from(rows, (row, i) => normalizeEvent(row, i)).sort((a, b) => +a.start - +b.start);
}

function normalizeEvent(row: EventSpec, index: number): TimelineEvent {
  const {start, precision, label} = parseEventDate(row.date, row.date_precision ?? undefined, index);
  const end = new Date(start);
  if (precision === "day") end.setUTCDate(end.getUTCDate() + 1);
  else if (precision === "month") end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return {
    start,
    end,
    precision,
    label,
    kind: String(row.kind),
    actor: row.actor ?? "",
    description: row.description ?? "",
    source: row.source ?? ""
  };
}

function parseEventDate(value: string | Date, precision: DatePrecision | undefined, index: number) {
  if (value instanceof Date) {
    if (Number.isNaN(+value)) throw new EventDateError(index, value);
    const p = precision ?? "day";
    return {start: truncate(value, p), precision: p, label: value.toISOString().slice(0, p === "day" ? 10 : p === "month" ? 7 : 4)};
  }
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value).trim());
  if (!match) throw new EventDateError(index, value);
  const [, y, m, d] = match;
  const implied: DatePrecision = d ? "day" : m ? "month" : "year";
  const start = new Date(Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1));
  if (Number.isNaN(+start) || (m && start.getUTCMonth() !== Number(m) - 1)) throw new EventDateError(index, value);
  // A precision coarser than the string (e.g. "2008-02-28" marked "month") wins; a finer one cannot.
  const p = precision && rank[precision] < rank[implied] ? precision : implied;
  return {start: truncate(start, p), precision: p, label: String(value).trim()};
}

const rank: Record<DatePrecision, number> = {year: 0, month: 1, day: 2};

function truncate(date: Date, precision: DatePrecision): Date {
  return new Date(Date.UTC(
    date.getUTCFullYear(),
    precision === "year" ? 0 : date.getUTCMonth(),
    precision === "day" ? date.getUTCDate() : 1
  ));
}
