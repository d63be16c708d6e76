import {col, type TableSpec} from "./table-spec.ts";

const USD = "current US$";

/** Humanitarian appeal requirements and funding (OCHA FTS): the reaction side of resource allocation. */
export const FUNDING_TABLES: TableSpec[] = [
  {
    name: "humanitarian_funding",
    description: "What coordinated humanitarian appeals asked for and received for Kenya and Syria, and for the neighbours' shares of the Syria regional refugee plans (OCHA FTS via HDX). One row per country, year and appeal, plus one 'outside plans' row per country-year: funding FTS records for the country outside every listed appeal, so plan rows plus that row give all recorded humanitarian funding to the country in the year. Rows from 2022 on are revised by OCHA and flagged unverified. Humanitarian (reaction) spending only: no prevention spending is in the data.",
    grain: "one row per country, year and appeal (or the country-year's funding outside appeals)", key: ["country_iso3", "year", "row_kind", "plan_id"],
    sources: ["ocha-fts"],
    columns: [
      col("case_iso3", "VARCHAR", "The case the row belongs to: KEN, or SYR (Syria's own rows and the host-country shares of the Syria regional refugee plans)."),
      col("country_iso3", "VARCHAR", "Country the row is about; for a regional plan, the country whose share this is (a neighbour hosting Syrian refugees, or Kenya)."),
      col("year", "BIGINT", "Appeal year as FTS assigns it (not the date money was paid).", "year"),
      col("row_kind", "VARCHAR", "'plan' (an appeal) or 'outside_plans' (funding recorded outside every listed appeal; FTS's 'Not specified' row)."),
      col("scope", "VARCHAR", "'national'; 'regional_plan_kenya_share' or 'regional_plan_syria_share' (the country's share of a multi-country plan); 'syria_regional_refugee_plan_host_share' (a neighbour's share of the Syria RRP/3RP)."),
      col("plan_id", "BIGINT", "FTS plan id; empty for outside_plans rows."),
      col("plan_code", "VARCHAR", "FTS plan code as published (some plans have none)."),
      col("plan_name", "VARCHAR", "Title of the appeal as FTS publishes it."),
      col("plan_type", "VARCHAR", "FTS plan type (flash appeal, consolidated appeals process, humanitarian response plan, regional response plan, ...)."),
      col("start_date", "DATE", "First day of the plan period."),
      col("end_date", "DATE", "Last day of the plan period."),
      col("requirements_usd", "BIGINT", "Revised requirements of the appeal (the country's share for a multi-country plan); empty for outside_plans rows and where FTS gives none.", USD),
      col("funding_usd", "BIGINT", "Funding recorded against the appeal, or outside appeals for outside_plans rows; includes commitments.", USD),
      col("percent_funded", "BIGINT", "funding / requirements as FTS publishes it (rounded; above 100 when over-funded); empty where there are no requirements.", "percent"),
      col("snapshot_check", "VARCHAR", "How the row compares across three HDX downloads (Feb, Mar, Apr 2026): 'same_in_3_snapshots', 'differs_between_snapshots' or 'same_in_1_snapshots' (only in the newest)."),
      col("verified", "BOOLEAN", "True for rows of 2000-2021 (identical in all three downloads); false from 2022 on, where OCHA revises the figures."),
      col("funding_usd_2026_02", "BIGINT", "funding_usd in the February 2026 download (empty where the row was not there), to show how far a revised row moved.", USD),
      col("funding_usd_2026_03", "BIGINT", "funding_usd in the March 2026 download.", USD)
    ]
  },
  {
    name: "humanitarian_funding_world",
    description: "The project's own yearly sums over every country row of the FTS requirements and funding file (all countries, appeals and outside-appeal rows), as a denominator for shares. Not an FTS total and not verified: it leaves out funding FTS does not attribute to a single country. A chart or sentence that divides by it must say so.",
    grain: "one row per year", key: ["year"], sources: ["fts-world-sum"],
    columns: [
      col("year", "BIGINT", "Appeal year.", "year"),
      col("requirements_usd_sum", "BIGINT", "Sum of requirements over all rows of the April 2026 download.", USD),
      col("funding_usd_sum", "BIGINT", "Sum of funding over all rows of the April 2026 download.", USD),
      col("countries_n", "BIGINT", "Number of countries with at least one row that year.", "countries"),
      col("requirements_usd_sum_2026_03", "BIGINT", "The same requirements sum in the March 2026 download.", USD),
      col("funding_usd_sum_2026_03", "BIGINT", "The same funding sum in the March 2026 download.", USD),
      col("funding_diff_pct", "DOUBLE", "Difference of the funding sums, April against March download, in percent of the March sum.", "percent")
    ]
  }
];
