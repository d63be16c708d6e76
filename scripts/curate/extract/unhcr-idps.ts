import {COUNTRIES} from "../countries.ts";
import {maybeNumber} from "../csv.ts";
import {inYearRange, type IndicatorValue} from "../indicator-value.ts";
import type {SharedFiles} from "../shared-files.ts";
import {HOSTED_COVERAGE} from "./unhcr-hosted.ts";

const DYADS = "data/unhcr/unhcr_population_syria_kenya_dyads.csv";
const BY_ORIGIN = "data/unhcr/unhcr_population_by_origin_year.csv";
const COLUMNS = {unhcr_idps: "idps", unhcr_returned_idps: "returned_idps"} as const;

/**
 * UNHCR IDP figures. UNHCR records IDPs only on a country's domestic row (origin = asylum); the
 * origin-year totals also sum cross-border rows, whose IDP field is always 0, so a zero there can
 * mean "no IDP record". Hence: for Kenya and Syria the domestic rows are read from the dyad file
 * (a zero kept only where that row exists); for the other countries only positive totals are kept.
 */
export function extractUnhcrIdps(files: SharedFiles): IndicatorValue[] {
  const cases = new Set<string>(HOSTED_COVERAGE);
  const out: IndicatorValue[] = [];
  const push = (iso3: string, year: number, text: string, indicator_id: string, keepZero: boolean) => {
    const value = maybeNumber(text);
    if (value === undefined || !inYearRange(year) || (value === 0 && !keepZero)) return;
    out.push({iso3, year, indicator_id, value, source_id: "unhcr"});
  };
  for (const r of files.csv(DYADS).rows) {
    if (r.coo_iso !== r.coa_iso || !cases.has(r.coo_iso)) continue;
    for (const [id, column] of Object.entries(COLUMNS)) push(r.coo_iso, Number(r.year), r[column], id, true);
  }
  const others = new Set(COUNTRIES.map((c) => c.iso3).filter((iso3) => !cases.has(iso3)));
  for (const r of files.csv(BY_ORIGIN).rows) {
    if (!others.has(r.coo_iso)) continue;
    for (const [id, column] of Object.entries(COLUMNS)) push(r.coo_iso, Number(r.year), r[column], id, false);
  }
  return out;
}
