import {col, type TableSpec} from "./table-spec.ts";

const ISO3 = col("iso3", "VARCHAR", "ISO 3166-1 alpha-3 code of the country (joins countries.iso3).");
const YEAR = col("year", "BIGINT", "Calendar year the value refers to.", "year");
const INDICATOR_ID = col("indicator_id", "VARCHAR", "Indicator id (joins indicators.indicator_id).");
const SOURCE_ID = col("source_id", "VARCHAR", "Source id (joins sources.source_id).");

/** The country, indicator and source tables that every figure of the notebooks goes through. */
export const CORE_TABLES: TableSpec[] = [
  {
    name: "countries",
    description: "The two case countries and the comparison set, with the identifiers each source uses (the crosswalk) and the reason each comparison country is included.",
    grain: "one row per country", key: ["iso3"], sources: ["wdi", "vdem-demspaces", "ewp-sra", "unhcr"],
    columns: [
      ISO3, col("name", "VARCHAR", "Display name."),
      col("role", "VARCHAR", "'case', 'regional peer' or 'contrast'."),
      col("peer_of", "VARCHAR", "ISO3 of the case a peer or contrast is compared with; empty for the cases."),
      col("region", "VARCHAR", "Region label used to group the set."),
      col("gwno", "BIGINT", "Gleditsch-Ward code (UCDP gwno_*, V-Dem gwcode)."),
      col("cow", "BIGINT", "Correlates of War code (EWP ccode, WDI cow_code). Differs from gwno for Yemen (679 vs 678)."),
      col("vdem_country_id", "BIGINT", "V-Dem country_id."),
      col("ewp_name", "VARCHAR", "Country name in the Early Warning Project files."),
      col("owid_name", "VARCHAR", "Entity name in the Our World in Data files (Polity 5, Freedom House, Fariss, UCDP GED, PITF)."),
      col("wdi_name", "VARCHAR", "Country name in the World Bank WDI file."),
      col("unhcr_name", "VARCHAR", "Country name in the UNHCR files."),
      col("vdem_name", "VARCHAR", "Country name in the V-Dem file."),
      col("reason", "VARCHAR", "Why the country is in the set: the project's selection rationale in its own words, not a sourced figure (the one figure it points to, the Zimbabwe veto, is in unsc_vetoes).")
    ]
  },
  {
    name: "indicator_values",
    description: "Country-year values of every curated indicator for the countries in `countries`, in one long table. A missing value is a missing row: no source gap is filled with zero. A zero appears only where the source itself records zero.",
    grain: "one row per country, year and indicator", key: ["iso3", "year", "indicator_id"],
    sources: ["ucdp-brd", "ucdp-ged-owid", "unhcr", "idmc", "vdem-demspaces", "polity5-owid", "freedom-house-owid", "fariss-owid", "wdi", "ewp-sra", "pitf-owid"],
    columns: [ISO3, YEAR, INDICATOR_ID, col("value", "DOUBLE", "The value, in the unit given by indicators.unit.", "see indicators.unit"), SOURCE_ID]
  },
  {
    name: "indicators",
    description: "What each indicator in `indicator_values` measures: label, unit, how a higher value reads for atrocity risk, scale bounds, the source variable and the Framework risk factors it informs.",
    grain: "one row per indicator", key: ["indicator_id"], sources: ["mapt-indicator-mapping"],
    columns: [
      INDICATOR_ID, col("label", "VARCHAR", "Short label for charts."), col("unit", "VARCHAR", "Unit of the values."),
      col("direction", "VARCHAR", "'higher_more_risk', 'higher_less_risk' or 'neutral' (no single reading, or an outcome/context measure)."),
      col("scale_min", "BIGINT", "Lower bound of the scale where the source defines one; empty when unbounded."),
      col("scale_max", "BIGINT", "Upper bound of the scale where the source defines one; empty when unbounded."),
      SOURCE_ID, col("source_variable", "VARCHAR", "Variable name in the source file."),
      col("risk_factors", "VARCHAR", "Framework risk factors the indicator informs, e.g. 'RF1; RF8' (details in indicator_risk_factor); empty for context measures."),
      col("description", "VARCHAR", "What the indicator measures, in the project's words.")
    ]
  },
  {
    name: "indicator_risk_factor",
    description: "Which Framework of Analysis risk factor (and indicator numbers) each curated indicator informs, with the basis of the link: 'model' (in a published forecasting model: EWP, PITF, Harff), 'lit' (made in the literature) or 'interp' (the project's reading). Every link is ultimately interpretive: the Framework names no datasets.",
    grain: "one row per indicator and risk factor", key: ["indicator_id", "risk_factor"], sources: ["mapt-indicator-mapping", "un-foa"],
    columns: [
      INDICATOR_ID, col("risk_factor", "BIGINT", "Risk factor number 1-14 (joins foa_risk_factors.risk_factor)."),
      col("foa_indicators", "VARCHAR", "Framework indicator numbers the link points at, e.g. '1.4; 8.4'; empty when none is named. The numbering of unverified Framework rows may differ from the UN text."),
      col("basis", "VARCHAR", "'model', 'lit' or 'interp' (see the table description)."),
      col("basis_note", "VARCHAR", "Which model or literature makes the link, or the project's reason.")
    ]
  },
  {
    name: "indicator_coverage",
    description: "For each country and indicator with data, the first and last year with a value and the number of years missing in between: a quick way to state coverage gaps.",
    grain: "one row per country and indicator with at least one value", key: ["iso3", "indicator_id"], sources: ["mapt-indicator-mapping"],
    columns: [
      ISO3, INDICATOR_ID, col("first_year", "BIGINT", "First year with a value.", "year"), col("last_year", "BIGINT", "Last year with a value.", "year"),
      col("n_values", "BIGINT", "Number of years with a value.", "years"),
      col("n_gap_years", "BIGINT", "Years between first_year and last_year without a value.", "years")
    ]
  },
  {
    name: "sources",
    description: "Every source of the curated tables: publisher, dataset, version, licence, citation, where the file came from and whether the project could verify it.",
    grain: "one row per source", key: ["source_id"], sources: [],
    columns: [
      SOURCE_ID, col("publisher", "VARCHAR", "Who publishes the data."), col("dataset", "VARCHAR", "Dataset name."),
      col("version", "VARCHAR", "Version or edition."), col("licence", "VARCHAR", "Licence or terms of use."),
      col("citation", "VARCHAR", "How to cite it."), col("url", "VARCHAR", "Publisher's page; empty for project compilations."),
      col("retrieved_from", "VARCHAR", "The file(s) in the shared data folder and the repository snapshot they were copied from."),
      col("verified", "BOOLEAN", "False when the content could not be checked against the original publication."),
      col("notes", "VARCHAR", "Coverage and verification caveats.")
    ]
  }
];
