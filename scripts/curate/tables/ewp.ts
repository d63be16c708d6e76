import {maybeNumber, type Cell} from "../csv.ts";
import {INDICATORS} from "../indicators.ts";
import type {SharedFiles} from "../shared-files.ts";

/** COW code -> ISO3 for current states, from the WDI extract's `cow_code` (as mapped by EWP) in its last year. */
export function isoByCow(files: SharedFiles): Map<number, string> {
  const map = new Map<number, string>();
  const rows = files.csv("data/wdi/wdi_country_year.csv").rows;
  const lastYear = Math.max(...rows.map((r) => Number(r.year)));
  for (const r of rows.filter((r) => Number(r.year) === lastYear)) {
    const cow = maybeNumber(r.cow_code);
    if (cow === undefined) continue;
    const known = map.get(cow);
    if (known && known !== r.iso3c) throw new Error(`WDI maps COW ${cow} to both ${known} and ${r.iso3c}`);
    map.set(cow, r.iso3c);
  }
  return map;
}

const required = (text: string, what: string): number => {
  const n = maybeNumber(text);
  if (n === undefined) throw new Error(`missing ${what}`);
  return n;
};

/** The `ewp_forecasts` table: the 2025-26 risk estimates for every country EWP assesses. */
export function ewpForecastRows(files: SharedFiles): Record<string, Cell>[] {
  const iso = isoByCow(files);
  return files.csv("data/ewp-sra/ewp_forecasts_2025_2026.csv").rows
    .map((r) => {
      const ccode = required(r.ccode, `ccode for ${r.ewp_name}`);
      return {
        ewp_name: r.ewp_name, ccode, iso3: iso.get(ccode) ?? null,
        risk_2025_2026: required(r["risk.2025and2026.from2024"], `risk for ${r.ewp_name}`),
        rank_2025_2026: required(r["rank.2025and2026.from2025"], `rank for ${r.ewp_name}`),
        risk_2025: maybeNumber(r["risk.2025only.from2024"]), rank_2025: maybeNumber(r["riskrank.2025only.from2024"]),
        risk_2024_2025: maybeNumber(r["risk.2024and2025.from2023"]), rank_2024_2025: maybeNumber(r["rank.2024and2025.from2023"])
      };
    })
    .sort((a, b) => a.rank_2025_2026 - b.rank_2025_2026 || a.ewp_name.localeCompare(b.ewp_name));
}

/** The `ewp_mass_killing_episodes` table: every EWP mass-killing episode since 1945. */
export function ewpEpisodeRows(files: SharedFiles): Record<string, Cell>[] {
  const iso = isoByCow(files);
  return files.csv("data/ewp-sra/ewp_mass_killing_events.csv").rows
    .map((r) => {
      const location = required(r.mk_location_cow, `location of ${r.mk_event_code}`);
      const end = maybeNumber(r.endyear);
      return {
        episode_code: r.mk_event_code, country: r.country, location_cow: location, location_iso3: iso.get(location) ?? null,
        responsible_state_cow: maybeNumber(r.mk_responsible_state_cow) ?? null, name: r.mk_event_name, summary: r.mk_event_summary,
        start_year: required(r.startyear, `start of ${r.mk_event_code}`), end_year: end ?? null, ongoing: end === undefined,
        perpetrator_type: r.perpetrator_type, number_ethnic_groups: maybeNumber(r.mk_number_eth_groups) ?? null,
        start_date_notes: r.start_date_notes || null, end_date_notes: r.end_date_notes || null
      };
    })
    .sort((a, b) => a.start_year - b.start_year || a.episode_code.localeCompare(b.episode_code));
}

/** The `ewp_model_coefficients` table, with the curated indicator each model variable feeds, if any. */
export function ewpCoefficientRows(files: SharedFiles): Record<string, Cell>[] {
  const byVariable = new Map(INDICATORS.filter((i) => i.sourceId === "ewp-sra").map((i) => [i.sourceVariable, i.id]));
  return files.csv("data/ewp-sra/ewp_model_coefficients_2025.csv").rows.map((r) => ({
    variable: r.variable, coefficient: required(r["coef.full"], r.variable), odds_ratio: required(r["or.full"], r.variable),
    indicator_id: byVariable.get(r.variable) ?? null
  }));
}
