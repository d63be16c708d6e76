import {maybeNumber, type Cell} from "../csv.ts";
import {countryLookup} from "../extract/country-year.ts";
import type {SharedFiles} from "../shared-files.ts";

/**
 * The `pitf_genocide_episodes` table: runs of consecutive years the OWID PITF extract codes 1,
 * per country (the aggregate "World" row is left out).
 */
export function pitfEpisodeRows(files: SharedFiles): Record<string, Cell>[] {
  const iso = countryLookup("owidName");
  const rows = files.csv("data/pitf/pitf_genocide_indicator_owid.csv").rows.filter((r) => r.entity !== "World");
  const lastYear = Math.max(...rows.map((r) => Number(r.year)));
  const years = new Map<string, number[]>();
  for (const r of rows) if (maybeNumber(r.genocide_indicator_pitf) === 1) years.set(r.entity, [...(years.get(r.entity) ?? []), Number(r.year)]);
  const out: Record<string, Cell>[] = [];
  for (const [entity, ys] of years) {
    ys.sort((a, b) => a - b);
    let start = ys[0];
    for (let i = 0; i < ys.length; i++) {
      if (i === ys.length - 1 || ys[i + 1] !== ys[i] + 1) {
        out.push({entity, iso3: iso.get(entity) ?? null, start_year: start, end_year: ys[i], n_years: ys[i] - start + 1, ongoing_at_end_of_data: ys[i] === lastYear});
        start = ys[i + 1];
      }
    }
  }
  return out.sort((a, b) => String(a.entity).localeCompare(String(b.entity)) || Number(a.start_year) - Number(b.start_year));
}
