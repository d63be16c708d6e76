import {col, type TableSpec} from "./table-spec.ts";

const CASE = col("case_iso3", "VARCHAR", "The case: KEN or SYR.");

/** Who was engaged through which channel: peace agreements, stakeholders, PA-X codes and ethnic groups. */
export const ENGAGEMENT_TABLES: TableSpec[] = [
  {
    name: "peace_agreements",
    description: "Every agreement of the PA-X Peace Agreements Database (v6) whose country field names Kenya or Syria: Kenya's 2008 national dialogue (KNDR) and its local inter-community agreements, Syria's UN, Geneva, Vienna, Astana and Sochi texts and its local truces. PA-X's local agreements are a sample, not a census. Codes are decoded in pax_codes. Agreements added to PA-X after January 2020 are flagged unverified.",
    grain: "one row per agreement", key: ["agt_id"], sources: ["pax"],
    columns: [
      CASE,
      col("agt_id", "BIGINT", "PA-X agreement id (stable across versions)."),
      col("date", "DATE", "Signature date (PA-X v6)."),
      col("agreement", "VARCHAR", "Agreement title as PA-X gives it."),
      col("process", "VARCHAR", "PA-X peace process name (e.g. 'Kenya Local Agreements', 'Syrian peace process')."),
      col("countries", "VARCHAR", "PA-X country field."),
      col("conflict_type", "VARCHAR", "PA-X conflict type: Government, Inter-group, Government/territory, Territory or Other."),
      col("stage", "VARCHAR", "PA-X stage of the process the agreement was signed in (code; see pax_codes)."),
      col("stage_sub", "VARCHAR", "PA-X sub-stage (code; see pax_codes); empty where PA-X gives none."),
      col("agreement_level", "VARCHAR", "PA-X agreement/conflict type: Intra, IntraLocal or InterIntra (see pax_codes)."),
      col("track", "VARCHAR", "'local' for IntraLocal agreements, 'national' for Intra and InterIntra ones (the national process, with or without foreign states as parties)."),
      col("status", "VARCHAR", "PA-X signature status, e.g. 'Multiparty signed/agreed', 'Unilateral document'."),
      col("loc1_iso", "VARCHAR", "First location (ISO3) as PA-X codes it."),
      col("loc2_iso", "VARCHAR", "Second location (ISO3), for cross-border agreements."),
      col("civso", "BIGINT", "PA-X Civso: 1 when the agreement has provisions on including civil society (see pax_codes)."),
      col("tral", "BIGINT", "PA-X Tral: 1 when the agreement mentions traditional or religious leaders (see pax_codes)."),
      col("gre", "BIGINT", "PA-X GRe: how the agreement deals with religious groups, 0-3 (see pax_codes)."),
      col("release_check", "VARCHAR", "Comparison with the January 2020 release: 'same_in_2020_release', 'changed_since_2020:Dat' (date revised), 'changed_since_2020:Agt' (title transliteration) or 'v6_only' (added after January 2020)."),
      col("verified", "BOOLEAN", "False for agreements found only in v6 (one copy); true where the 2020 release agrees (for a revised date, the v6 date is kept)."),
      col("date_in_2020_release", "DATE", "The signature date in the 2020 release, where it differs from v6."),
      col("pax_url", "VARCHAR", "The agreement's page on the PA-X site.")
    ]
  },
  {
    name: "pax_codes",
    description: "What the PA-X codes in peace_agreements mean: agreement level, stage, sub-stage and the Civso, Tral and GRe variables, paraphrased by the project from the PA-X codebook version 4 (2020). The agreements are version 6, whose codebook was not read.",
    grain: "one row per variable and code", key: ["variable", "code"], sources: ["pax-codebook"],
    columns: [
      col("variable", "VARCHAR", "Column of peace_agreements the code appears in."),
      col("pax_variable", "VARCHAR", "The PA-X variable name."),
      col("code", "VARCHAR", "The code as it appears in peace_agreements (text, also for the numeric variables)."),
      col("label", "VARCHAR", "Short label for charts."),
      col("meaning", "VARCHAR", "What the code means, paraphrased from the codebook."),
      col("n_kenya", "BIGINT", "Kenya agreements with this code.", "agreements"),
      col("n_syria", "BIGINT", "Syria agreements with this code.", "agreements")
    ]
  },
  {
    name: "stakeholders",
    description: "Who was engaged, through which channel and when, in Kenya and Syria: states, the UN, regional bodies, mediators, elders and councils of elders, religious leaders and councils, civil society, business. Compiled by the project from PA-X parties and third parties, its own timelines and a few web pages; actors are named as in their source, roles and channels are the compiler's labels. Every row keeps its source and check; unverified rows are kept and flagged.",
    grain: "one row per actor (or named group of actors), role and channel", key: ["stakeholder_id"], sources: ["mapt-stakeholders", "pax", "mapt-timelines"],
    columns: [
      col("stakeholder_id", "VARCHAR", "Stable id: case ISO3, 'S' and position in the source file within the case."),
      CASE,
      col("date", "VARCHAR", "ISO 8601 date truncated to its precision (YYYY-MM-DD or YYYY-MM): of the agreement or event, or of the statement or report for web sources."),
      col("date_precision", "VARCHAR", "'day' or 'month'."),
      col("date_start", "DATE", "First day of the interval the date stands for."),
      col("date_end", "DATE", "Last day of that interval."),
      col("actor", "VARCHAR", "Person, body or named group, spelled as in the source."),
      col("actor_type", "VARCHAR", "state, political_party, local_administration, national_commission, national_initiative, court, un, regional_org, international_mediator, foreign_state, tribal_ethnic_elders, religious_leaders, religious_or_tribal_leaders, civil_society, business, local_council, humanitarian_org, armed_group or unspecified."),
      col("role", "VARCHAR", "Party, signatory, witness, mediator, observer, facilitator, ... (the compiler's label from the source's own words)."),
      col("channel", "VARCHAR", "The process, agreement (PA-X title shortened) or kind of event through which the actor was engaged."),
      col("source", "VARCHAR", "PA-X AgtId and field (Part = parties, ThrdPart = third parties), the timeline row, or the web address."),
      col("agt_ids", "VARCHAR", "PA-X agreement ids the source names, '; '-separated (join peace_agreements.agt_id); empty for other sources."),
      col("event_ids", "VARCHAR", "Timeline events (events.event_id) the source refers to, '; '-separated; empty for other sources."),
      col("source_check", "VARCHAR", "'pax', 'pax_v6_only', 'timeline', 'two_web_copies', 'two_web_sources_partial' or 'single_web_source'."),
      col("verified", "BOOLEAN", "True for 'pax' and 'two_web_copies' rows; false for the others, which stay visible and flagged."),
      col("check_note", "VARCHAR", "What the check means for this row.")
    ]
  },
  {
    name: "ethnic_groups",
    description: "The politically relevant ethnic groups of Kenya and Syria in GeoEPR 2019, with the years each record covers, the settlement pattern and area. A group list only: no population shares or power status. Kenya's names and ids were checked against a second source; everything else comes from one copy.",
    grain: "one row per country, group and period", key: ["iso3", "group_id", "from_year"], sources: ["geoepr"],
    columns: [
      col("iso3", "VARCHAR", "KEN or SYR."),
      col("gwid", "BIGINT", "Gleditsch-Ward country code."),
      col("from_year", "BIGINT", "First year of the period the record covers.", "year"),
      col("to_year", "BIGINT", "Last year of that period.", "year"),
      col("group_name", "VARCHAR", "Group name as EPR spells it."),
      col("group_id", "BIGINT", "EPR group id within the country."),
      col("gwgroupid", "BIGINT", "EPR's global group id (gwid x 100000 + group id)."),
      col("settlement_type", "VARCHAR", "GeoEPR settlement pattern (e.g. 'Regionally based')."),
      col("area_sqkm", "BIGINT", "Settlement area as GeoEPR gives it.", "km²"),
      col("source_check", "VARCHAR", "'name_and_id_match_second_source' or 'single_copy'."),
      col("name_id_verified", "BOOLEAN", "True when the group name and id match a second, independent use of the EPR ids (Kenya); periods, settlement type and area are unverified in every row.")
    ]
  }
];
