import {COUNTRIES, type CountrySpec} from "../countries.ts";
import {maybeNumber} from "../csv.ts";
import {INDICATOR_BY_ID} from "../indicators.ts";
import {inYearRange, type IndicatorValue} from "../indicator-value.ts";
import type {SharedFiles} from "../shared-files.ts";

/** Which identifier of a {@link CountrySpec} a source file uses, and in which column. */
export interface CountryKey {
  column: string;
  kind: "iso3" | "gwno" | "cow" | "ewpName" | "owidName";
}

/** A wide country-year source file whose columns become indicators one to one. */
export interface CountryYearSource {
  /** Path relative to the shared folder. */
  file: string;
  key: CountryKey;
  yearColumn: string;
  /** indicator id -> column of the file. */
  columns: Record<string, string>;
}

function keyOf(country: CountrySpec, kind: CountryKey["kind"]): string {
  switch (kind) {
    case "iso3": return country.iso3;
    case "gwno": return String(country.gwno);
    case "cow": return String(country.cow);
    case "ewpName": return country.ewpName;
    case "owidName": return country.owidName;
  }
}

/** Maps a source's country key to ISO3 for the countries of the set. */
export function countryLookup(kind: CountryKey["kind"]): Map<string, string> {
  return new Map(COUNTRIES.map((c) => [keyOf(c, kind), c.iso3]));
}

/**
 * Turns a wide country-year file into indicator values for the country set. An empty or
 * non-numeric cell yields no row (a missing value), never a zero.
 */
export function extractCountryYear(files: SharedFiles, source: CountryYearSource): IndicatorValue[] {
  const lookup = countryLookup(source.key.kind);
  const out: IndicatorValue[] = [];
  for (const row of files.csv(source.file).rows) {
    const iso3 = lookup.get(row[source.key.column]);
    const year = Number(row[source.yearColumn]);
    if (!iso3 || !inYearRange(year)) continue;
    for (const [indicatorId, column] of Object.entries(source.columns)) {
      const spec = INDICATOR_BY_ID.get(indicatorId);
      if (!spec) throw new Error(`unknown indicator ${indicatorId} for ${source.file}`);
      if (!(column in row)) throw new Error(`column ${column} missing in ${source.file}`);
      const value = maybeNumber(row[column]);
      if (value !== undefined) out.push({iso3, year, indicator_id: indicatorId, value, source_id: spec.sourceId});
    }
  }
  return out;
}

const byVariable = (ids: string[]) =>
  Object.fromEntries(ids.map((id) => [id, INDICATOR_BY_ID.get(id)?.sourceVariable ?? id]));

/** The wide country-year sources, one entry per file. */
export const COUNTRY_YEAR_SOURCES: readonly CountryYearSource[] = [
  {file: "data/ucdp/ucdp_ged191_country_year_owid.csv", key: {column: "entity", kind: "owidName"}, yearColumn: "year",
    columns: byVariable(["ucdp_ged_deaths", "ucdp_ged_death_rate"])},
  {file: "data/unhcr/unhcr_population_by_origin_year.csv", key: {column: "coo_iso", kind: "iso3"}, yearColumn: "year",
    columns: byVariable(["unhcr_refugees", "unhcr_asylum_seekers", "unhcr_returned_refugees"])},
  {file: "data/unhcr/idmc_conflict_idps_stock.csv", key: {column: "coo_iso", kind: "iso3"}, yearColumn: "year",
    columns: byVariable(["idmc_conflict_idps"])},
  {file: "data/vdem/vdem_v14_six_indices_1968_2023.csv", key: {column: "gwcode", kind: "gwno"}, yearColumn: "year",
    columns: byVariable(["vdem_veracc", "vdem_ccsi", "vdem_rol", "vdem_freexp", "vdem_horacc", "vdem_pubcorr"])},
  {file: "data/polity5/polity5_owid_country_year.csv", key: {column: "entity", kind: "owidName"}, yearColumn: "year",
    columns: byVariable(["polity2", "polity_xconst"])},
  {file: "data/freedom-house/freedom_house_owid_country_year.csv", key: {column: "country_name", kind: "owidName"}, yearColumn: "year",
    columns: byVariable(["fh_political_rights", "fh_civil_liberties", "fh_status"])},
  {file: "data/human-rights-scores/fariss_human_rights_protection_owid.csv", key: {column: "entity", kind: "owidName"}, yearColumn: "year",
    columns: byVariable(["hr_protection"])},
  {file: "data/wdi/wdi_country_year.csv", key: {column: "iso3c", kind: "iso3"}, yearColumn: "year",
    columns: byVariable(["wdi_gdp_pc", "wdi_gdp_pc_growth", "wdi_infant_mortality", "wdi_population", "wdi_trade_pct_gdp"])},
  {file: "data/ewp-sra/ewp_predictors_country_year.csv", key: {column: "ewp_name", kind: "ewpName"}, yearColumn: "year",
    columns: byVariable(["ewp_discrimpop", "ewp_efindex", "ewp_pol_killing_approved", "ewp_even_civilrights", "ewp_repress_civilsoc",
      "ewp_freediscussion", "ewp_social_inequality", "ewp_minorityrule", "ewp_social_power_dist", "ewp_ses_power_dist", "ewp_partyban_0",
      "ewp_partyban_1", "ewp_judicialreform", "ewp_religiousfreedom", "ewp_media_censorship", "ewp_coup_try_5yr", "ewp_mk_ever",
      "ewp_mk_ongoing_count_log2", "ewp_newcountry", "ewp_iccpr1", "ewp_battledeaths_log2", "ewp_popsize_log2", "ewp_imr_sqrt",
      "ewp_gdppcgrowth", "ewp_mk_onset_1or2"])},
  {file: "data/ewp-sra/ewp_mass_killing_country_year.csv", key: {column: "ewp_name", kind: "ewpName"}, yearColumn: "year",
    columns: byVariable(["ewp_mk_ongoing", "ewp_mk_onset", "ewp_mk_ongoing_count"])},
  {file: "data/pitf/pitf_genocide_indicator_owid.csv", key: {column: "entity", kind: "owidName"}, yearColumn: "year",
    columns: byVariable(["pitf_genocide"])}
];
