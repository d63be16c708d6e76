import {COUNTRIES} from "../countries.ts";
import {maybeNumber, type Cell} from "../csv.ts";
import {inYearRange, type IndicatorValue} from "../indicator-value.ts";
import type {SharedFiles} from "../shared-files.ts";

const FILE = "data/ucdp/ucdp_brd_dyadic_v25_1.csv";

/** Splits a UCDP code list such as "652, 663" into its codes. */
export const splitCodes = (list: string): number[] =>
  list.split(",").map((s) => s.trim()).filter((s) => s !== "").map(Number);

/** The UCDP BRD dyad-years located in a country of the set, one row per (country, dyad-year). */
export function ucdpDyadRows(files: SharedFiles): Record<string, Cell>[] {
  const isoByGwno = new Map(COUNTRIES.map((c) => [c.gwno, c.iso3]));
  const out: Record<string, Cell>[] = [];
  for (const r of files.csv(FILE).rows) {
    const locations = splitCodes(r.gwno_loc);
    for (const gwno of locations) {
      const iso3 = isoByGwno.get(gwno);
      if (!iso3) continue;
      out.push({
        iso3, year: Number(r.year), conflict_id: Number(r.conflict_id), dyad_id: Number(r.dyad_id),
        side_a: r.side_a, side_b: r.side_b, type_of_conflict: Number(r.type_of_conflict), incompatibility: Number(r.incompatibility),
        location_inc: r.location_inc, gwno_loc: r.gwno_loc, battle_location: r.battle_location, gwno_battle: r.gwno_battle,
        shared_location: locations.length > 1,
        bd_best: maybeNumber(r.bd_best), bd_low: maybeNumber(r.bd_low), bd_high: maybeNumber(r.bd_high)
      });
    }
  }
  return out.sort((a, b) => String(a.iso3).localeCompare(String(b.iso3)) || Number(a.year) - Number(b.year) || Number(a.dyad_id) - Number(b.dyad_id));
}

/**
 * Battle-related deaths per country-year. Attribution rule: a dyad-year counts, in full, for every
 * country its `gwno_loc` lists (UCDP does not split deaths between locations; 'shared_location'
 * in `ucdp_brd_dyads` marks such rows). Country-years without a located dyad get no row.
 */
export function extractUcdpBrd(dyads: readonly Record<string, Cell>[]): IndicatorValue[] {
  const sums = new Map<string, {iso3: string; year: number; best: number; low: number; high: number; dyads: number}>();
  for (const d of dyads) {
    const year = Number(d.year);
    if (!inYearRange(year)) continue;
    const key = `${d.iso3}|${year}`;
    const s = sums.get(key) ?? {iso3: String(d.iso3), year, best: 0, low: 0, high: 0, dyads: 0};
    s.best += Number(d.bd_best);
    s.low += Number(d.bd_low);
    s.high += Number(d.bd_high);
    s.dyads += 1;
    sums.set(key, s);
  }
  const out: IndicatorValue[] = [];
  for (const s of sums.values()) {
    const row = (indicator_id: string, value: number) => ({iso3: s.iso3, year: s.year, indicator_id, value, source_id: "ucdp-brd"});
    out.push(row("ucdp_brd_best", s.best), row("ucdp_brd_low", s.low), row("ucdp_brd_high", s.high), row("ucdp_brd_dyads", s.dyads));
  }
  return out;
}
