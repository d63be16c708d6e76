import type {Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";
import {dateInterval} from "./events.ts";

const FILE = "data/stakeholders/stakeholders_kenya_syria.csv";
const CASES: Record<string, string> = {Kenya: "KEN", Syria: "SYR"};

/** What each `check` value of the stakeholder file means (its PROVENANCE.md), and whether it counts as verified. */
export const STAKEHOLDER_CHECKS: Record<string, {verified: boolean; note: string}> = {
  pax: {verified: true, note: "verified: the PA-X parties or third parties are identical in v6 and the January 2020 release"},
  pax_v6_only: {verified: false, note: "unverified: the agreement was added to PA-X after January 2020 (one copy)"},
  timeline: {verified: false, note: "not re-verified: taken from the project's timeline, whose source and flags apply (see event_ids)"},
  two_web_copies: {verified: true, note: "verified: two copies of the same report agree"},
  two_web_sources_partial: {verified: false, note: "partly verified: the list comes from one web page, one of its members is confirmed by a second source"},
  single_web_source: {verified: false, note: "unverified: one web page"}
};

/**
 * The PA-X agreement ids a stakeholder row's source names ("PA-X v6 AgtId 1233, 696 (Part); 1075
 * signed by ..."): the numbers that open a comma- or semicolon-separated item once parenthesised
 * remarks are removed, so dates inside remarks are never read as ids.
 */
export function parseAgtIds(source: string): number[] {
  const at = source.indexOf("AgtId");
  if (at < 0) return [];
  const items = source.slice(at + "AgtId".length).replace(/\([^)]*\)/g, "").split(/[,;]/);
  return items.map((item) => /^\s*(\d+)\b/.exec(item)).filter((m) => m !== null).map((m) => Number(m[1]));
}

/** The dates a timeline reference names ("row 2007-09", "rows 2009-07-09, 2010-03-31") or the range it spans ("rows A to B"). */
export interface TimelineRef {
  dates: string[];
  range?: [string, string];
}

/** Reads the timeline dates a stakeholder row's source refers to; `undefined` when it names no timeline row. */
export function maybeTimelineRef(source: string): TimelineRef | undefined {
  const m = /timeline\.csv rows? ([^(]*)/.exec(source);
  if (!m) return undefined;
  const dates = m[1].match(/\d{4}-\d{2}(?:-\d{2})?/g) ?? [];
  if (!dates.length) return undefined;
  return /\bto\b/.test(m[1]) && dates.length === 2 ? {dates, range: [dates[0], dates[1]]} : {dates};
}

/** A timeline event as the matcher needs it. */
export interface TimelineEvent {
  event_id: string;
  case_iso3: string;
  date: string;
  actor: string;
}

const STOP = new Set(["the", "and", "of", "for", "on", "in", "to", "a"]);
const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP.has(w)));
const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length;

/**
 * The events a timeline reference points to. A date with one event in the case's timeline is that
 * event; where several share the date (or for a range), those whose actor shares most words with
 * the stakeholder's actor. Throws when a reference finds no event, naming the date.
 */
export function matchTimelineEvents(ref: TimelineRef, caseIso3: string, actor: string, events: readonly TimelineEvent[]): string[] {
  const own = events.filter((e) => e.case_iso3 === caseIso3);
  const actorWords = words(actor);
  const best = (candidates: TimelineEvent[], always: boolean) => {
    if (candidates.length === 1 && !always) return candidates;
    const scores = candidates.map((e) => overlap(actorWords, words(e.actor)));
    const top = Math.max(0, ...scores);
    return top === 0 ? (always ? [] : candidates) : candidates.filter((_, i) => scores[i] === top);
  };
  const groups = ref.range
    ? [{label: `${ref.range[0]} to ${ref.range[1]}`, found: best(own.filter((e) => e.date >= ref.range![0] && e.date <= ref.range![1]), true)}]
    : ref.dates.map((d) => ({label: d, found: best(own.filter((e) => e.date === d), false)}));
  const missing = groups.filter((g) => g.found.length === 0).map((g) => g.label);
  if (missing.length) throw new Error(`no ${caseIso3} timeline event for ${missing.join(", ")} (actor ${JSON.stringify(actor)})`);
  return [...new Set(groups.flatMap((g) => g.found.map((e) => e.event_id)))];
}

/** The agreements the stakeholder checks refer to, by PA-X id. */
export type AgreementChecks = ReadonlyMap<number, {verified: boolean}>;

function checkAgreements(check: string, ids: number[], agreements: AgreementChecks, where: string): void {
  if (check !== "pax" && check !== "pax_v6_only") return;
  if (!ids.length) throw new Error(`${where}: a ${check} row names no PA-X AgtId`);
  const unknown = ids.filter((id) => !agreements.has(id));
  if (unknown.length) throw new Error(`${where}: AgtId ${unknown.join(", ")} not in peace_agreements`);
  const verified = ids.filter((id) => agreements.get(id)!.verified);
  // A 'pax' row rests on at least one agreement the 2020 release confirms; a 'pax_v6_only' row on none.
  if (check === "pax" ? verified.length === 0 : verified.length > 0) throw new Error(`${where}: check ${check} disagrees with the agreements' own checks (${ids.join(", ")})`);
}

/** The `stakeholders` table, with its links to peace_agreements and events checked. */
export function stakeholderRows(files: SharedFiles, agreements: AgreementChecks, events: readonly TimelineEvent[]): Record<string, Cell>[] {
  const position = new Map<string, number>();
  return files.csv(FILE).rows.map((r, i) => {
    const where = `${FILE} row ${i + 2}`;
    const caseIso3 = CASES[r.case];
    if (!caseIso3) throw new Error(`${where}: unknown case ${JSON.stringify(r.case)}`);
    const check = STAKEHOLDER_CHECKS[r.check];
    if (!check) throw new Error(`${where}: unknown check ${JSON.stringify(r.check)}`);
    const n = (position.get(caseIso3) ?? 0) + 1;
    position.set(caseIso3, n);
    const [date_start, date_end] = dateInterval(r.date, r.date_precision);
    const agtIds = parseAgtIds(r.source);
    checkAgreements(r.check, agtIds, agreements, where);
    const ref = maybeTimelineRef(r.source);
    if ((r.check === "timeline") !== (ref !== undefined)) throw new Error(`${where}: check ${r.check} but source ${JSON.stringify(r.source)}`);
    return {
      stakeholder_id: `${caseIso3}-S${String(n).padStart(3, "0")}`, case_iso3: caseIso3, date: r.date, date_precision: r.date_precision,
      date_start, date_end, actor: r.actor, actor_type: r.actor_type, role: r.role, channel: r.channel, source: r.source,
      agt_ids: agtIds.join("; ") || null, event_ids: ref ? matchTimelineEvents(ref, caseIso3, r.actor, events).join("; ") : null,
      source_check: r.check, verified: check.verified, check_note: check.note
    };
  });
}
