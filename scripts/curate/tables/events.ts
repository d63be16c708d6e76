import type {Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";

/** The event kinds the domain timelines use (domain/README.md). */
export const EVENT_KINDS = [
  "domestic_event", "violence", "early_warning", "diplomatic_action", "mediation", "sanctions",
  "humanitarian", "legal_accountability", "military_action", "omission_or_block"
] as const;

/** The date precisions of the timelines and the ISO text shape each implies. */
export const DATE_PATTERNS = {day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/} as const;

const TIMELINES = [
  {iso3: "KEN", file: "domain/kenya-timeline.csv"},
  {iso3: "SYR", file: "domain/syria-timeline.csv"}
] as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** The first and last day (ISO dates) of the interval a truncated ISO date stands for. */
export function dateInterval(date: string, precision: string): [string, string] {
  const pattern = DATE_PATTERNS[precision as keyof typeof DATE_PATTERNS];
  if (!pattern || !pattern.test(date)) throw new Error(`invalid date ${JSON.stringify(date)} for precision ${precision}`);
  const [y, m] = date.split("-").map(Number);
  switch (precision) {
    case "day": return [date, date];
    case "month": return [`${date}-01`, `${date}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`];
    default: return [`${date}-01-01`, `${date}-12-31`];
  }
}

/** The `events` table: both timelines, in file order within each case. */
export function eventRows(files: SharedFiles): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  for (const {iso3, file} of TIMELINES) {
    files.csv(file).rows.forEach((r, i) => {
      if (!(EVENT_KINDS as readonly string[]).includes(r.kind)) throw new Error(`invalid kind ${r.kind} in ${file} row ${i + 2}`);
      const [date_start, date_end] = dateInterval(r.date, r.date_precision);
      out.push({
        event_id: `${iso3}-${String(i + 1).padStart(3, "0")}`, case_iso3: iso3, date: r.date, date_precision: r.date_precision,
        date_start, date_end, actor: r.actor, kind: r.kind, description: r.description, source: r.source,
        unverified: /unverified/i.test(r.source)
      });
    });
  }
  return out;
}
