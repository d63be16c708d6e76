import {maybeNumber, type Cell} from "../csv.ts";
import {inYearRange, type IndicatorValue} from "../indicator-value.ts";
import type {SharedFiles} from "../shared-files.ts";

const FILE = "data/unhcr/unhcr_population_syria_kenya_dyads.csv";

/** The two countries the origin-asylum file is complete for, as country of asylum. */
export const HOSTED_COVERAGE = ["KEN", "SYR"] as const;

/**
 * Refugees hosted by Kenya and Syria (as country of asylum), summed over origins. Only these two:
 * the shared CSV holds every dyad with Syria or Kenya on either side, and the full dyadic file is
 * Parquet, which DuckDB-WASM cannot read in Node without downloading its extension.
 */
export function extractUnhcrHosted(files: SharedFiles): IndicatorValue[] {
  const sums = new Map<string, IndicatorValue>();
  for (const r of files.csv(FILE).rows) {
    const iso3 = r.coa_iso;
    const value = maybeNumber(r.refugees);
    const year = Number(r.year);
    if (!(HOSTED_COVERAGE as readonly string[]).includes(iso3) || value === undefined || !inYearRange(year)) continue;
    const key = `${iso3}|${year}`;
    const s = sums.get(key) ?? {iso3, year, indicator_id: "unhcr_refugees_hosted", value: 0, source_id: "unhcr"};
    s.value += value;
    sums.set(key, s);
  }
  return [...sums.values()];
}

/** The `unhcr_case_dyads` table: refugees and asylum seekers from and to Syria and Kenya by partner country. */
export function unhcrCaseDyadRows(files: SharedFiles): Record<string, Cell>[] {
  return files.csv(FILE).rows
    .map((r) => ({
      year: Number(r.year), origin_iso3: r.coo_iso, origin_name: r.coo_name, asylum_iso3: r.coa_iso, asylum_name: r.coa_name,
      refugees: maybeNumber(r.refugees) ?? null, asylum_seekers: maybeNumber(r.asylum_seekers) ?? null,
      returned_refugees: maybeNumber(r.returned_refugees) ?? null
    }))
    .filter((r) => r.refugees !== null || r.asylum_seekers !== null || r.returned_refugees !== null)
    .sort((a, b) => a.year - b.year || a.origin_iso3.localeCompare(b.origin_iso3) || a.asylum_iso3.localeCompare(b.asylum_iso3));
}
