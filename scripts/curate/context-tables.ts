import {col, type TableSpec} from "./table-spec.ts";

/** Tables of episodes, forecasts, vetoes, events and the Framework of Analysis. */
export const CONTEXT_TABLES: TableSpec[] = [
  {
    name: "ucdp_brd_dyads",
    description: "The UCDP battle-related-deaths dyad-years behind the ucdp_brd_* indicators: every state-based conflict dyad-year whose location (gwno_loc) includes a country of the set. A dyad located in several countries appears once per country and counts in full for each (shared_location = true).",
    grain: "one row per country and dyad-year", key: ["iso3", "year", "dyad_id"], sources: ["ucdp-brd"],
    columns: [
      col("iso3", "VARCHAR", "Country of the set the dyad is located in."), col("year", "BIGINT", "Year.", "year"),
      col("conflict_id", "BIGINT", "UCDP conflict id."), col("dyad_id", "BIGINT", "UCDP dyad id."),
      col("side_a", "VARCHAR", "Side A (a government)."), col("side_b", "VARCHAR", "Side B (a government or a rebel group)."),
      col("type_of_conflict", "BIGINT", "1 extrasystemic, 2 interstate, 3 intrastate, 4 internationalised intrastate."),
      col("incompatibility", "BIGINT", "1 territory, 2 government, 3 both."),
      col("location_inc", "VARCHAR", "Location of the incompatibility, as UCDP names it."),
      col("gwno_loc", "VARCHAR", "Gleditsch-Ward codes of the conflict location, as in the source (a list when several)."),
      col("battle_location", "VARCHAR", "Countries where battles took place, as UCDP names them."),
      col("gwno_battle", "VARCHAR", "Gleditsch-Ward codes of the battle locations, as in the source."),
      col("shared_location", "BOOLEAN", "True when gwno_loc lists more than one country (the deaths are then counted for each)."),
      col("bd_best", "BIGINT", "Battle-related deaths, best estimate.", "deaths"),
      col("bd_low", "BIGINT", "Low estimate.", "deaths"), col("bd_high", "BIGINT", "High estimate.", "deaths")
    ]
  },
  {
    name: "unhcr_case_dyads",
    description: "Refugees, asylum seekers and returns between Syria or Kenya and every partner country, by year (UNHCR end-year stocks; returns are flows). Rows where UNHCR records none of the three are left out.",
    grain: "one row per year, country of origin and country of asylum", key: ["year", "origin_iso3", "asylum_iso3"], sources: ["unhcr"],
    columns: [
      col("year", "BIGINT", "Year (end-year stock).", "year"),
      col("origin_iso3", "VARCHAR", "ISO3 of the country of origin (UNHCR uses UNK for unknown)."), col("origin_name", "VARCHAR", "UNHCR name of the country of origin."),
      col("asylum_iso3", "VARCHAR", "ISO3 of the country of asylum."), col("asylum_name", "VARCHAR", "UNHCR name of the country of asylum."),
      col("refugees", "BIGINT", "Refugees under UNHCR's mandate.", "persons"), col("asylum_seekers", "BIGINT", "Asylum seekers.", "persons"),
      col("returned_refugees", "BIGINT", "Refugees returned during the year.", "persons")
    ]
  },
  {
    name: "ewp_forecasts",
    description: "The Early Warning Project's 2025-26 Statistical Risk Assessment for every country it covers: the estimated probability of a new mass-killing onset in 2025 or 2026 (from 2024 data) and the rank, with the 2025-only and last year's estimates.",
    grain: "one row per country assessed", key: ["ewp_name"], sources: ["ewp-sra"],
    columns: [
      col("ewp_name", "VARCHAR", "EWP country name."), col("ccode", "BIGINT", "Correlates of War code."),
      col("iso3", "VARCHAR", "ISO3 via the WDI extract's COW mapping; empty where WDI has no match."),
      col("risk_2025_2026", "DOUBLE", "Estimated probability of a mass-killing onset in 2025 or 2026.", "probability 0-1"),
      col("rank_2025_2026", "BIGINT", "Rank of risk_2025_2026 (1 = highest)."),
      col("risk_2025", "DOUBLE", "Estimated probability of an onset in 2025 only.", "probability 0-1"),
      col("rank_2025", "BIGINT", "Rank of risk_2025."),
      col("risk_2024_2025", "DOUBLE", "Last year's estimate (onset in 2024 or 2025, from 2023 data).", "probability 0-1"),
      col("rank_2024_2025", "BIGINT", "Rank of risk_2024_2025.")
    ]
  },
  {
    name: "ewp_mass_killing_episodes",
    description: "Every mass-killing episode the Early Warning Project codes since 1945 (at least 1,000 non-combatant civilians deliberately killed as members of a group within a year or less). Kenya has none.",
    grain: "one row per episode", key: ["episode_code"], sources: ["ewp-sra"],
    columns: [
      col("episode_code", "VARCHAR", "EWP episode code: country prefix, start year, s (state-led) or ns (non-state-led), sequence."),
      col("country", "VARCHAR", "Country as EWP names it."), col("location_cow", "BIGINT", "COW code of the location."),
      col("location_iso3", "VARCHAR", "ISO3 of the location via the COW codes WDI/EWP use for current states; empty where EWP codes a former state or another code (Czechoslovakia, South Vietnam, Zanzibar, North and South Yemen before 1990, Serbia as 340)."),
      col("responsible_state_cow", "BIGINT", "COW code of the responsible state; empty for non-state-led episodes."),
      col("name", "VARCHAR", "Short name (perpetrator vs. targets)."), col("summary", "VARCHAR", "EWP's summary."),
      col("start_year", "BIGINT", "First year.", "year"), col("end_year", "BIGINT", "Last year; empty when ongoing.", "year"),
      col("ongoing", "BOOLEAN", "True when EWP gives no end year."),
      col("perpetrator_type", "VARCHAR", "'State-Led' or 'Non-State-Led'."),
      col("number_ethnic_groups", "BIGINT", "Number of ethnic groups targeted, as coded by EWP."),
      col("start_date_notes", "VARCHAR", "EWP's notes on the start date."), col("end_date_notes", "VARCHAR", "EWP's notes on the end date.")
    ]
  },
  {
    name: "ewp_model_coefficients",
    description: "Coefficients of the EWP 2025 elastic-net logit model (full data): which predictors carry weight. A zero means the variable was dropped.",
    grain: "one row per model variable", key: ["variable"], sources: ["ewp-sra"],
    columns: [
      col("variable", "VARCHAR", "EWP variable name."), col("coefficient", "DOUBLE", "Coefficient (log-odds scale).", "log-odds"),
      col("odds_ratio", "DOUBLE", "exp(coefficient).", "odds ratio"),
      col("indicator_id", "VARCHAR", "The curated indicator holding this variable's values, if any.")
    ]
  },
  {
    name: "pitf_genocide_episodes",
    description: "Runs of consecutive years the PITF genocide/politicide indicator (OWID extract, 1956-2015) marks as ongoing, per country. Derived by the project from the yearly 0/1 series; the extract does not flag Syria after 1982 and does not list Kenya.",
    grain: "one row per country and run of episode years", key: ["entity", "start_year"], sources: ["pitf-owid"],
    columns: [
      col("entity", "VARCHAR", "Country as OWID names it."), col("iso3", "VARCHAR", "ISO3 when the country is in `countries`, else empty."),
      col("start_year", "BIGINT", "First year coded 1.", "year"), col("end_year", "BIGINT", "Last year coded 1.", "year"),
      col("n_years", "BIGINT", "Length of the run.", "years"),
      col("ongoing_at_end_of_data", "BOOLEAN", "True when the run reaches the last year of the data (2015).")
    ]
  },
  {
    name: "unsc_vetoes",
    description: "Every vetoed draft resolution of the UN Security Council from 1946 to September 2022, all topics, with the vetoing permanent members (booleans derived from the member names). Adopted resolutions and drafts that failed for lack of votes are not included.",
    grain: "one row per vetoed draft (as listed by the source)", key: ["veto_id"], sources: ["unsc-vetoes"],
    columns: [
      col("veto_id", "BIGINT", "Row number in the source file (1 = first); early meetings list several vetoes under one record."),
      col("date", "DATE", "Date of the vote (parsed from the source's M/D/YYYY)."), col("year", "BIGINT", "Year.", "year"),
      col("draft", "VARCHAR", "Symbol of the vetoed draft (e.g. S/2011/612); the source gives the meeting record for early years."),
      col("meeting_record", "VARCHAR", "Meeting record symbol(s), '; '-separated when several."),
      col("agenda_item", "VARCHAR", "Agenda item."), col("crisis_topic", "VARCHAR", "Topic label of the curator (e.g. 'Syria')."),
      col("region", "VARCHAR", "Region label of the curator."),
      col("vetoing_members", "VARCHAR", "Vetoing permanent members, '; '-separated, in the source's order."),
      col("n_vetoing_members", "BIGINT", "Number of vetoing members."),
      col("china", "BOOLEAN", "China vetoed."), col("france", "BOOLEAN", "France vetoed."), col("russia", "BOOLEAN", "Russia vetoed."),
      col("ussr", "BOOLEAN", "The USSR vetoed."), col("usa", "BOOLEAN", "The United States vetoed."), col("uk", "BOOLEAN", "The United Kingdom vetoed."),
      col("source_dummies_disagree", "BOOLEAN", "True when the source's own per-member 0/1 columns contradict its member names; the booleans here follow the names.")
    ]
  },
  {
    name: "events",
    description: "Timelines of domestic events, violence, warnings and international actions and omissions for Kenya (2002-2016) and Syria (2011-2019), as compiled in the project's domain files. Dates keep their precision; date_start and date_end give the interval it implies, for plotting. Events whose source contains 'unverified' are flagged.",
    grain: "one row per dated event", key: ["event_id"], sources: ["mapt-timelines"],
    columns: [
      col("event_id", "VARCHAR", "Stable id: case ISO3 and position in the timeline file."),
      col("case_iso3", "VARCHAR", "The case the event belongs to (KEN or SYR)."),
      col("date", "VARCHAR", "ISO 8601 date truncated to its precision (YYYY-MM-DD, YYYY-MM or YYYY)."),
      col("date_precision", "VARCHAR", "'day', 'month' or 'year'."),
      col("date_start", "DATE", "First day of the interval the date stands for."),
      col("date_end", "DATE", "Last day of that interval."),
      col("actor", "VARCHAR", "Who acted."),
      col("kind", "VARCHAR", "domestic_event, violence, early_warning, diplomatic_action, mediation, sanctions, humanitarian, legal_accountability, military_action or omission_or_block."),
      col("description", "VARCHAR", "What happened (paraphrased)."), col("source", "VARCHAR", "Citation for the event."),
      col("unverified", "BOOLEAN", "True when the source notes that a detail could not be verified.")
    ]
  },
  {
    name: "foa_risk_factors",
    description: "The 14 risk factors of the UN Framework of Analysis for Atrocity Crimes (2014), with the definition where transcribed and how it was checked. Titles and definitions are quoted from the UN text with attribution (© United Nations).",
    grain: "one row per risk factor", key: ["risk_factor"], sources: ["un-foa"],
    columns: [
      col("risk_factor", "BIGINT", "Risk factor number 1-14."), col("title", "VARCHAR", "Title."),
      col("kind", "VARCHAR", "'common' (RF1-8) or 'specific' (RF9-14)."),
      col("crime", "VARCHAR", "Crime the factor is specific to, or 'all atrocity crimes'."),
      col("scope", "VARCHAR", "common, genocide, crimes_against_humanity or war_crimes."),
      col("definition", "VARCHAR", "Definition; empty where not transcribed (RF11)."),
      col("definition_check", "VARCHAR", "'secondary-page', 'not-verified' or 'not-transcribed'."),
      col("definition_verified", "BOOLEAN", "True when the definition (and title) matched a published transcription; false for RF3, 6, 10 and 11."),
      col("definition_check_note", "VARCHAR", "What the check status means."),
      col("n_indicators", "BIGINT", "Number of indicators listed in foa_indicators (placeholders excluded)."),
      col("n_indicators_verified", "BIGINT", "How many of those are not flagged unverified."),
      col("indicator_list_incomplete", "BOOLEAN", "True when the list has a placeholder for indicators not reconstructed.")
    ]
  },
  {
    name: "foa_indicators",
    description: "The indicators of the Framework's risk factors as summarised in the project's domain file, with the verification flag kept: rows not checked against a copy of the Framework are unverified (their wording and numbering may differ from the UN text). Where the UN wording was transcribed, un_text quotes it.",
    grain: "one row per Framework indicator (or placeholder)", key: ["indicator_id"], sources: ["un-foa"],
    columns: [
      col("risk_factor", "BIGINT", "Risk factor number."), col("indicator_id", "VARCHAR", "Indicator number, e.g. '8.8'; 'N.x' marks a placeholder for indicators not reconstructed."),
      col("scope", "VARCHAR", "common, genocide, crimes_against_humanity or war_crimes."),
      col("summary", "VARCHAR", "Paraphrased summary (the '[unverified] ' prefix of the domain file removed; see unverified)."),
      col("unverified", "BOOLEAN", "True when the row could not be checked against the Framework."),
      col("placeholder", "BOOLEAN", "True for a placeholder row standing for indicators not reconstructed."),
      col("un_text", "VARCHAR", "The UN wording where transcribed (RF7.1-7.10, 8, 9, 13.1-13.9), quoted with attribution."),
      col("checked_against", "VARCHAR", "What the row was checked against; empty for unverified rows.")
    ]
  }
];
