import type {Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";

const FILE = "data/unsc-vetoes/unsc_vetoes_1946_2022.csv";
const MEMBERS = ["China", "France", "Russia", "USSR", "USA", "UK"] as const;

/** Parses the source's M/D/YYYY date into ISO YYYY-MM-DD; throws on any other shape. */
export function parseUsDate(text: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) throw new Error(`invalid M/D/YYYY date: ${JSON.stringify(text)}`);
  return `${m[3]}-${m[1].padStart(2, "0")}-${m[2].padStart(2, "0")}`;
}

/**
 * The `unsc_vetoes` table: every vetoed draft, with ISO dates and the vetoing members. The member
 * booleans come from the member names, which some of the source's own dummy columns contradict.
 */
export function vetoRows(files: SharedFiles): Record<string, Cell>[] {
  const rows = files.csv(FILE).rows.map((r, i) => {
    const members = [r.member_veto1, r.member_veto2, r.member_veto3].map((m) => m.trim()).filter((m) => m !== "");
    for (const m of members) if (!(MEMBERS as readonly string[]).includes(m)) throw new Error(`unknown vetoing member ${m} on ${r.draft}`);
    const date = parseUsDate(r.date);
    if (Number(date.slice(0, 4)) !== Number(r.year)) throw new Error(`veto year disagrees with date on ${r.draft}`);
    return {
      veto_id: i + 1, date, year: Number(r.year), draft: r.draft, meeting_record: r.meeting_record.split(/\s*\n\s*/).join("; "),
      agenda_item: r.agenda_item, crisis_topic: r.crisis_topic, region: r.region,
      vetoing_members: members.join("; "), n_vetoing_members: members.length,
      china: members.includes("China"), france: members.includes("France"), russia: members.includes("Russia"),
      ussr: members.includes("USSR"), usa: members.includes("USA"), uk: members.includes("UK"),
      source_dummies_disagree: MEMBERS.some((m) => (r[m] === "1") !== members.includes(m))
    };
  });
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.veto_id - b.veto_id);
}
