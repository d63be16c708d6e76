import {sourceRow} from "./catalog.ts";
import type {Cell} from "./csv.ts";
import {COUNTRY_YEAR_SOURCES, extractCountryYear} from "./extract/country-year.ts";
import {extractUcdpBrd, ucdpDyadRows} from "./extract/ucdp-brd.ts";
import {unhcrCaseDyadRows} from "./extract/unhcr-case-dyads.ts";
import {extractUnhcrHosted, extractUnhcrIdps, type UnhcrDyad} from "./extract/unhcr-dyadic.ts";
import type {IndicatorValue} from "./indicator-value.ts";
import {INDICATORS} from "./indicators.ts";
import {RISK_FACTOR_LINKS} from "./risk-factor-mapping.ts";
import type {SharedFiles} from "./shared-files.ts";
import {SOURCES} from "./sources.ts";
import {CONTEXT_TABLES} from "./context-tables.ts";
import {CORE_TABLES} from "./core-tables.ts";
import {ENGAGEMENT_TABLES} from "./engagement-tables.ts";
import {FUNDING_TABLES} from "./funding-tables.ts";
import {countryRows} from "./tables/countries.ts";
import {eventRows} from "./tables/events.ts";
import {ewpCoefficientRows, ewpEpisodeRows, ewpForecastRows} from "./tables/ewp.ts";
import {ethnicGroupRows} from "./tables/ethnic-groups.ts";
import {foaIndicatorRows, foaRiskFactorRows} from "./tables/foa.ts";
import {fundingRows, worldFundingRows} from "./tables/funding.ts";
import {paxCodeRows} from "./tables/pax-codes.ts";
import {peaceAgreementRows} from "./tables/peace-agreements.ts";
import {pitfEpisodeRows} from "./tables/pitf.ts";
import {stakeholderRows, type TimelineEvent} from "./tables/stakeholders.ts";
import {vetoRows} from "./tables/vetoes.ts";
import type {TableSpec} from "./table-spec.ts";

/** Every curated table, in catalog order. */
export const TABLES: readonly TableSpec[] = [...CORE_TABLES, ...CONTEXT_TABLES, ...ENGAGEMENT_TABLES, ...FUNDING_TABLES];

/** Rows of a table as column -> cell. */
export type Rows = Record<string, Cell>[];

function indicatorValues(files: SharedFiles, dyads: Rows, unhcr: readonly UnhcrDyad[]): IndicatorValue[] {
  const values = [
    ...extractUcdpBrd(dyads),
    ...COUNTRY_YEAR_SOURCES.flatMap((s) => extractCountryYear(files, s)),
    ...extractUnhcrHosted(unhcr),
    ...extractUnhcrIdps(unhcr)
  ].sort((a, b) => a.iso3.localeCompare(b.iso3) || a.indicator_id.localeCompare(b.indicator_id) || a.year - b.year);
  const missing = INDICATORS.filter((i) => !values.some((v) => v.indicator_id === i.id));
  if (missing.length) throw new Error(`indicators without any value: ${missing.map((i) => i.id).join(", ")}`);
  return values;
}

function coverageRows(values: readonly IndicatorValue[]): Rows {
  const groups = new Map<string, number[]>();
  for (const v of values) {
    const key = `${v.iso3}|${v.indicator_id}`;
    groups.set(key, [...(groups.get(key) ?? []), v.year]);
  }
  return [...groups].map(([key, years]) => {
    const [iso3, indicator_id] = key.split("|");
    const first_year = Math.min(...years);
    const last_year = Math.max(...years);
    return {iso3, indicator_id, first_year, last_year, n_values: years.length, n_gap_years: last_year - first_year + 1 - years.length};
  });
}

function indicatorRows(): Rows {
  return INDICATORS.map((i) => ({
    indicator_id: i.id, label: i.label, unit: i.unit, direction: i.direction, scale_min: i.scaleMin, scale_max: i.scaleMax,
    source_id: i.sourceId, source_variable: i.sourceVariable,
    risk_factors: [...new Set(RISK_FACTOR_LINKS.filter((l) => l.indicatorId === i.id).map((l) => l.riskFactor))]
      .sort((a, b) => a - b).map((n) => `RF${n}`).join("; ") || null,
    description: i.description
  }));
}

/** Builds every table's rows from the shared folder and UNHCR's origin-asylum table read from it. */
export function buildTables(files: SharedFiles, unhcr: readonly UnhcrDyad[]): Map<string, Rows> {
  const dyads = ucdpDyadRows(files);
  const values = indicatorValues(files, dyads, unhcr);
  const foaIndicators = foaIndicatorRows(files);
  const events = eventRows(files);
  const agreements = peaceAgreementRows(files);
  const agreementChecks = new Map(agreements.map((a) => [Number(a.agt_id), {verified: a.verified === true}]));
  return new Map<string, Rows>([
    ["countries", countryRows(files)],
    ["indicator_values", values as unknown as Rows],
    ["indicators", indicatorRows()],
    ["indicator_risk_factor", RISK_FACTOR_LINKS.map((l) => ({indicator_id: l.indicatorId, risk_factor: l.riskFactor, foa_indicators: l.foaIndicators || null, basis: l.basis, basis_note: l.basisNote}))],
    ["indicator_coverage", coverageRows(values)],
    ["sources", SOURCES.map(sourceRow)],
    ["ucdp_brd_dyads", dyads],
    ["unhcr_case_dyads", unhcrCaseDyadRows(files)],
    ["ewp_forecasts", ewpForecastRows(files)],
    ["ewp_mass_killing_episodes", ewpEpisodeRows(files)],
    ["ewp_model_coefficients", ewpCoefficientRows(files)],
    ["pitf_genocide_episodes", pitfEpisodeRows(files)],
    ["unsc_vetoes", vetoRows(files)],
    ["events", events],
    ["foa_risk_factors", foaRiskFactorRows(files, foaIndicators)],
    ["foa_indicators", foaIndicators],
    ["peace_agreements", agreements],
    ["pax_codes", paxCodeRows(agreements)],
    ["stakeholders", stakeholderRows(files, agreementChecks, events as unknown as TimelineEvent[])],
    ["ethnic_groups", ethnicGroupRows(files)],
    ["humanitarian_funding", fundingRows(files)],
    ["humanitarian_funding_world", worldFundingRows(files)]
  ]);
}
