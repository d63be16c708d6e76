import {maybeNumber, type Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";

const FILE = "data/humanitarian-funding/fts_requirements_funding_syria_kenya.csv";
const WORLD_FILE = "data/humanitarian-funding/fts_world_sum_by_year.csv";

/** Last appeal year the shared folder's three-download comparison verifies (its PROVENANCE.md). */
export const FTS_VERIFIED_UNTIL = 2021;

const HOST_SCOPE = "syria_regional_refugee_plan_host_share";

/**
 * The case an FTS row belongs to: its own country for Kenya and Syria, Syria for a neighbour's
 * share of the Syria regional refugee plans. Throws for any other row, which the filter of the
 * shared file should not have let through.
 */
export function fundingCase(countryIso3: string, scope: string): "KEN" | "SYR" {
  if (countryIso3 === "KEN" || countryIso3 === "SYR") return countryIso3;
  if (scope === HOST_SCOPE) return "SYR";
  throw new Error(`FTS row for ${countryIso3} with scope ${scope} belongs to neither case`);
}

/**
 * Whether an FTS row counts as verified: identical in all three downloads and dated no later than
 * {@link FTS_VERIFIED_UNTIL}. Throws when a row of the verified years is not identical, since the
 * provenance states that all of them are.
 */
export function fundingVerified(year: number, check: string, where: string): boolean {
  const same = check === "same_in_3_snapshots";
  if (year <= FTS_VERIFIED_UNTIL && !same) throw new Error(`${where}: ${year} is in the verified years but its check is ${check}`);
  return same && year <= FTS_VERIFIED_UNTIL;
}

const integer = (text: string, what: string): number | null => {
  const n = maybeNumber(text);
  if (n === undefined) return null;
  if (!Number.isInteger(n)) throw new Error(`${what}: expected a whole number, got ${JSON.stringify(text)}`);
  return n;
};

/** The `humanitarian_funding` table: every Kenya and Syria FTS row and the host shares of the Syria plans. */
export function fundingRows(files: SharedFiles): Record<string, Cell>[] {
  return files.csv(FILE).rows.map((r, i) => {
    const where = `${FILE} row ${i + 2}`;
    const year = integer(r.year, `${where} year`);
    if (year === null) throw new Error(`${where}: no year`);
    if (r.row_kind !== "plan" && r.row_kind !== "outside_plans") throw new Error(`${where}: unknown row_kind ${r.row_kind}`);
    const plan = r.row_kind === "plan";
    if (plan !== (r.plan_id !== "")) throw new Error(`${where}: a ${r.row_kind} row ${plan ? "without" : "with"} a plan id`);
    return {
      case_iso3: fundingCase(r.country_iso3, r.scope), country_iso3: r.country_iso3, year, row_kind: r.row_kind, scope: r.scope,
      plan_id: integer(r.plan_id, `${where} plan_id`), plan_code: r.plan_code || null, plan_name: r.plan_name.trim() || null,
      plan_type: r.plan_type || null, start_date: r.start_date || null, end_date: r.end_date || null,
      requirements_usd: integer(r.requirements_usd, `${where} requirements`), funding_usd: integer(r.funding_usd, `${where} funding`),
      percent_funded: integer(r.percent_funded, `${where} percent_funded`),
      snapshot_check: r.check, verified: fundingVerified(year, r.check, where),
      funding_usd_2026_02: integer(r.funding_usd_2026_02, `${where} funding 2026-02`),
      funding_usd_2026_03: integer(r.funding_usd_2026_03, `${where} funding 2026-03`)
    };
  }).sort((a, b) => a.case_iso3.localeCompare(b.case_iso3) || a.country_iso3.localeCompare(b.country_iso3) || a.year - b.year ||
    a.row_kind.localeCompare(b.row_kind) || (a.plan_id ?? 0) - (b.plan_id ?? 0));
}

/** The `humanitarian_funding_world` table: the shared folder's yearly sums over the whole FTS file. */
export function worldFundingRows(files: SharedFiles): Record<string, Cell>[] {
  return files.csv(WORLD_FILE).rows.map((r, i) => {
    const where = `${WORLD_FILE} row ${i + 2}`;
    const value = (column: string) => {
      const n = maybeNumber(r[column]);
      if (n === undefined) throw new Error(`${where}: no ${column}`);
      return n;
    };
    return {
      year: value("year"), requirements_usd_sum: value("requirements_usd_sum"), funding_usd_sum: value("funding_usd_sum"),
      countries_n: value("countries_n"), requirements_usd_sum_2026_03: value("requirements_usd_sum_2026_03"),
      funding_usd_sum_2026_03: value("funding_usd_sum_2026_03"), funding_diff_pct: value("funding_diff_pct")
    };
  });
}
