import {maybeNumber, type Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";

const FILE = "data/peace-agreements/pax_v6_kenya_syria_agreements.csv";
const CASES: Record<string, string> = {Kenya: "KEN", Syria: "SYR"};

/** The track of a PA-X agreement level: local agreements apart from the national process. Throws on an unknown level. */
export function paxTrack(level: string): "national" | "local" {
  switch (level) {
    case "IntraLocal": return "local";
    case "Intra":
    case "InterIntra": return "national";
    default: throw new Error(`unknown PA-X agreement level ${JSON.stringify(level)} (expected Intra, IntraLocal or InterIntra)`);
  }
}

/**
 * Whether a PA-X row counts as verified, from the shared file's check: agreements only in v6 are
 * unverified; rows the January 2020 release confirms (a revised date or a transliterated title
 * included, the v6 value kept) are verified. Throws on a check value the provenance does not list.
 */
export function paxVerified(check: string): boolean {
  if (check === "v6_only") return false;
  if (check === "same_in_2020_release" || check === "changed_since_2020:Dat" || check === "changed_since_2020:Agt") return true;
  throw new Error(`unknown PA-X check ${JSON.stringify(check)}`);
}

const code = (text: string, where: string): number => {
  const n = maybeNumber(text);
  if (n === undefined || !Number.isInteger(n)) throw new Error(`${where}: expected an integer code, got ${JSON.stringify(text)}`);
  return n;
};

/** The `peace_agreements` table: every PA-X v6 agreement for Kenya and Syria, by date. */
export function peaceAgreementRows(files: SharedFiles): Record<string, Cell>[] {
  return files.csv(FILE).rows.map((r, i) => {
    const where = `${FILE} row ${i + 2}`;
    const caseIso3 = CASES[r.case];
    if (!caseIso3) throw new Error(`${where}: unknown case ${JSON.stringify(r.case)}`);
    const agtId = code(r.agt_id, `${where} agt_id`);
    return {
      case_iso3: caseIso3, agt_id: agtId, date: r.date, agreement: r.agreement, process: r.process, countries: r.countries,
      conflict_type: r.conflict_type, stage: r.stage, stage_sub: r.stage_sub || null, agreement_level: r.agreement_level,
      track: paxTrack(r.agreement_level), status: r.status, loc1_iso: r.loc1_iso || null, loc2_iso: r.loc2_iso || null,
      civso: code(r.Civso, `${where} Civso`), tral: code(r.Tral, `${where} Tral`), gre: code(r.GRe, `${where} GRe`),
      release_check: r.check, verified: paxVerified(r.check), date_in_2020_release: r.date_in_2020_release || null,
      pax_url: `https://www.peaceagreements.org/view/${agtId}`
    };
  }).sort((a, b) => a.case_iso3.localeCompare(b.case_iso3) || a.date.localeCompare(b.date) || a.agt_id - b.agt_id);
}
