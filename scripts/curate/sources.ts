/** One source a curated row can cite (`source_id`). */
export interface SourceSpec {
  id: string;
  publisher: string;
  dataset: string;
  version: string;
  licence: string;
  citation: string;
  url: string;
  /** The file(s) under the shared data folder the rows come from, with repository and commit. */
  retrieved_from: string;
  /** False when the project could not check the content against the original publication. */
  verified: boolean;
  /** What was or was not checked, and known coverage caveats. */
  notes: string;
}

/** Every source of the curated tables, summarised from the PROVENANCE.md files in the shared data folder. */
export const SOURCES: readonly SourceSpec[] = [
  {id: "ucdp-brd", publisher: "Uppsala Conflict Data Program (UCDP)", dataset: "UCDP Battle-Related Deaths Dataset (dyadic)", version: "25.1", licence: "CC BY 4.0",
    citation: "Davies, S., Pettersson, T., Sollenberg, M., & Öberg, M. (2025). Organized violence 1989-2024, and the challenges of identifying civilian victims. Journal of Peace Research 62(4). UCDP Battle-Related Deaths Dataset version 25.1.",
    url: "https://ucdp.uu.se/downloads/", retrieved_from: "ucdp/ucdp_brd_dyadic_v25_1.csv (copy from EarlyWarningProject/2025-Statistical-Risk-Assessment@548cad7)", verified: true,
    notes: "State-based armed conflict only (a government is a party), dyad-years with at least 25 battle-related deaths, 1989-2024. One-sided and non-state violence are not in this dataset."},
  {id: "ucdp-ged-owid", publisher: "Uppsala Conflict Data Program (UCDP); processed by Our World in Data", dataset: "UCDP Georeferenced Event Dataset, country-year totals of direct conflict deaths", version: "GED 19.1 (OWID 2019 aggregation)", licence: "CC BY 4.0",
    citation: "Sundberg, R. & Melander, E. (2013). Introducing the UCDP Georeferenced Event Dataset. Journal of Peace Research 50(4); Pettersson, Högbladh & Öberg (2019). Organized violence, 1989-2018 and peace agreements. Journal of Peace Research 56(4); processed by Our World in Data.",
    url: "https://ucdp.uu.se/downloads/", retrieved_from: "ucdp/ucdp_ged191_country_year_owid.csv (owid/owid-datasets@48c9992)", verified: true,
    notes: "All organised violence (state-based, non-state, one-sided) summed per country-year, 1989-2018. GED 19.1 did not cover Syria: OWID's zero rows for Syria were removed, so Syria has no values (missing, not zero)."},
  {id: "unhcr", publisher: "UNHCR", dataset: "Refugee Population Statistics Database (R package refugees)", version: "2025.12.1", licence: "CC BY 4.0",
    citation: "UNHCR (2025). Refugee Population Statistics Database, https://www.unhcr.org/refugee-statistics/, via the R package refugees v2025.12.1.",
    url: "https://www.unhcr.org/refugee-statistics/", retrieved_from: "unhcr/unhcr_population_by_origin_year.csv, unhcr/unhcr_population_dyadic_1951_2025.parquet and unhcr/unhcr_population_syria_kenya_dyads.csv (PopulationStatistics/refugees@0c16a6d)", verified: true,
    notes: "End-of-year stocks (returns are flows during the year). IDPs are only those of concern to UNHCR and are read from UNHCR's domestic record (origin = asylum): where there is none (e.g. Kenya at end-2007) there is no row. Refugee and asylum-seeker zeros are UNHCR's: none recorded, which is not proof that none existed."},
  {id: "idmc", publisher: "Internal Displacement Monitoring Centre (IDMC), distributed by UNHCR", dataset: "Global Internal Displacement Database: conflict and violence IDP stocks", version: "as in refugees R package 2025.12.1", licence: "CC BY 4.0 (cite IDMC)",
    citation: "Internal Displacement Monitoring Centre, Global Internal Displacement Database, via UNHCR's R package refugees v2025.12.1.",
    url: "https://www.internal-displacement.org/database", retrieved_from: "unhcr/idmc_conflict_idps_stock.csv (PopulationStatistics/refugees@0c16a6d)", verified: true,
    notes: "Stock of people internally displaced by conflict and violence at year end. Kenya and Syria start in 2009; Jordan and Tunisia have no rows."},
  {id: "vdem-demspaces", publisher: "V-Dem Institute", dataset: "V-Dem Country-Year Dataset, six indices (Democratic Spaces Barometer extract)", version: "v14", licence: "CC BY-SA 4.0",
    citation: "Coppedge, M., Gerring, J., Knutsen, C. H., Lindberg, S. I., Teorell, J., et al. (2024). V-Dem [Country-Year] Dataset v14. Varieties of Democracy (V-Dem) Project, doi:10.23696/mcwt-fr58; extract via Beger, A., Morgan, R. K. & Maxwell, L. (2020). The Democratic Spaces Barometer.",
    url: "https://www.v-dem.net/", retrieved_from: "vdem/vdem_v14_six_indices_1968_2023.csv (vdeminstitute/demspaces@fce120b)", verified: true,
    notes: "Six indices, 1968-2023. The headline indices (polyarchy, liberal democracy, physical violence) are not in this extract. Share-alike: tables derived from these values keep CC BY-SA 4.0."},
  {id: "polity5-owid", publisher: "Center for Systemic Peace; processed by Our World in Data", dataset: "Polity 5: Political Regime Characteristics and Transitions", version: "Polity 5 (1800-2018), OWID 2022", licence: "Free with citation (Polity); OWID processing CC BY 4.0",
    citation: "Marshall, M. G. & Gurr, T. R. (2021). Polity 5: Political Regime Characteristics and Transitions, 1800-2018. Center for Systemic Peace; processed by Our World in Data.",
    url: "https://www.systemicpeace.org/inscrdata.html", retrieved_from: "polity5/polity5_owid_country_year.csv (owid/owid-datasets@03a4d5d)", verified: true,
    notes: "polity2 maps interregnum and transition codes to 0 or interpolated values (e.g. Libya from 2011, Somalia 1991-2010 read 0); executive constraints are missing in those years."},
  {id: "freedom-house-owid", publisher: "Freedom House; processed by Our World in Data", dataset: "Freedom in the World ratings", version: "ratings 1972-2022 (FIW 2023 edition), OWID 2023", licence: "Freedom House terms (attribution); OWID processing CC BY 4.0",
    citation: "Freedom House (2023). Freedom in the World; processed by Our World in Data (Herre, B.).",
    url: "https://freedomhouse.org/report/freedom-world", retrieved_from: "freedom-house/freedom_house_owid_country_year.csv (owid/notebooks@d630acf)", verified: true,
    notes: "The year is the year the rating covers (the edition published the following year)."},
  {id: "fariss-owid", publisher: "Fariss, Kenwick & Reuning; processed by Our World in Data", dataset: "Latent Human Rights Protection Scores", version: "v4 (2020), OWID 2022", licence: "Cite Fariss et al. (Harvard Dataverse); OWID processing CC BY 4.0",
    citation: "Fariss, C. J., Kenwick, M. R., & Reuning, K. (2020). Estimating one-sided-killings from a robust measurement model of human rights. Journal of Peace Research 57(6): 801-814; processed by Our World in Data.",
    url: "https://doi.org/10.7910/DVN/RQ85GK", retrieved_from: "human-rights-scores/fariss_human_rights_protection_owid.csv (owid/owid-datasets@48c9992)", verified: true,
    notes: "Posterior mean of a latent physical-integrity score, 1946-2019; higher means more protection."},
  {id: "wdi", publisher: "World Bank", dataset: "World Development Indicators (extract compiled by the Early Warning Project)", version: "2025 API pull", licence: "CC BY 4.0",
    citation: "World Bank (2025). World Development Indicators. Washington, DC: The World Bank (extract compiled by the Early Warning Project, USHMM).",
    url: "https://databank.worldbank.org/source/world-development-indicators", retrieved_from: "wdi/wdi_country_year.csv (EarlyWarningProject/2025-Statistical-Risk-Assessment@548cad7)", verified: true,
    notes: "Several series are missing for countries at war (e.g. Syria's GDP per capita, growth and infant mortality for 2024)."},
  {id: "ewp-sra", publisher: "Early Warning Project, United States Holocaust Memorial Museum", dataset: "Statistical Risk Assessment 2025-26: replication files", version: "2025-26 (Sep 2025)", licence: "No licence file; public replication data, cite the source",
    citation: "Early Warning Project, United States Holocaust Memorial Museum (2025). Statistical Risk Assessment 2025-26: replication files.",
    url: "https://earlywarningproject.ushmm.org/", retrieved_from: "ewp-sra/*.csv (EarlyWarningProject/2025-Statistical-Risk-Assessment@548cad7)", verified: true,
    notes: "Mass killing: at least 1,000 non-combatant civilians deliberately killed as members of a group within a year or less. Kenya has no mass-killing episode in these data."},
  {id: "pitf-owid", publisher: "Political Instability Task Force / Center for Systemic Peace; processed by Our World in Data", dataset: "PITF State Failure Problem Set: genocide and politicide indicator", version: "1955-2015, OWID", licence: "Free with citation (CSP); OWID processing CC BY 4.0",
    citation: "Marshall, M. G., Gurr, T. R. & Harff, B. (2016). PITF State Failure Problem Set: Internal Wars and Failures of Governance, 1955-2015. Center for Systemic Peace; processed by Our World in Data.",
    url: "https://www.systemicpeace.org/inscrdata.html", retrieved_from: "pitf/pitf_genocide_indicator_owid.csv (owid/owid-datasets@48c9992)", verified: true,
    notes: "Only countries that ever had an episode are listed (Kenya is absent). The OWID extract flags Syria only in 1981-1982, not 2011-2015."},
  {id: "unsc-vetoes", publisher: "World Politics Data Lab, from the UN Dag Hammarskjöld Library", dataset: "List of UN Security Council Vetoes", version: "1946 - Sep 2022", licence: "MIT",
    citation: "Yordan, C. L. / World Politics Data Lab (2022). List of UN Security Council Vetoes (1946-2022). Source: UN Dag Hammarskjöld Library, Security Council Veto List.",
    url: "https://research.un.org/en/docs/sc/quick/veto", retrieved_from: "unsc-vetoes/unsc_vetoes_1946_2022.csv (world-politics-datalab/vetoes-un-security-council@661c524)", verified: true,
    notes: "Vetoed drafts only; ends in September 2022 (the July 2023 Syria veto is missing). Adopted resolutions and drafts that failed for lack of votes are not included."},
  {id: "un-foa", publisher: "United Nations Office on Genocide Prevention and the Responsibility to Protect", dataset: "Framework of Analysis for Atrocity Crimes: A tool for prevention", version: "2014 (A/70/741-S/2016/71)", licence: "© United Nations; short passages quoted with attribution",
    citation: "United Nations (2014). Framework of Analysis for Atrocity Crimes: A tool for prevention. Office on Genocide Prevention and the Responsibility to Protect, New York.",
    url: "https://www.un.org/en/genocideprevention/documents/about-us/Doc.3_Framework%20of%20Analysis%20for%20Atrocity%20Crimes_EN.pdf", retrieved_from: "domain/framework-of-analysis.csv and un-framework-of-analysis/*.csv (typed by the project)", verified: false,
    notes: "Typed by hand from a secondary transcription; only some definitions and indicators were checked (see the unverified flags). Check numbering against the UN PDF before citing."},
  {id: "mapt-timelines", publisher: "MAPT Notebooks project", dataset: "Timelines of international actions and omissions: Kenya 2002-2016, Syria 2011-2019", version: "domain timelines (kenya-timeline.csv, syria-timeline.csv)", licence: "Project compilation; each event cites its own source",
    citation: "MAPT Notebooks (compiled timelines); see each event's source column.",
    url: "", retrieved_from: "domain/kenya-timeline.csv, domain/syria-timeline.csv", verified: false,
    notes: "Descriptions are paraphrased; events whose source contains 'unverified' have a detail (usually the exact date or document number) that could not be checked."},
  {id: "mapt-indicator-mapping", publisher: "MAPT Notebooks project", dataset: "Mapping of public indicators to the Framework's risk factors", version: "domain/indicators.md", licence: "Project compilation",
    citation: "MAPT Notebooks, indicator-to-risk-factor mapping, based on the EWP (2025), PITF (Goldstone et al. 2010) and Harff (2003) models.",
    url: "", retrieved_from: "domain/indicators.md", verified: false,
    notes: "Every assignment to a risk factor is interpretive; the basis tag says whether a published model (model), the literature (lit) or the project (interp) makes the link."},
  {id: "ocha-fts", publisher: "UN Office for the Coordination of Humanitarian Affairs (OCHA), Financial Tracking Service; via the Humanitarian Data Exchange", dataset: "FTS Global Requirements and Funding Data (appeal requirements and funding by country)", version: "HDX download of April 2026", licence: "CC BY-IGO",
    citation: "UN OCHA Financial Tracking Service (fts.unocha.org), via the Humanitarian Data Exchange, Global Requirements and Funding Data (fts_requirements_funding_global.csv), downloaded April 2026.",
    url: "https://data.humdata.org/dataset/global-requirements-and-funding-data", retrieved_from: "humanitarian-funding/fts_requirements_funding_syria_kenya.csv (michand071203/UNDatathon@cacccd0; compared with the downloads in Teji360/Athena@391bc6b and afnanbirahim/humanitarian-funding-gap-dashboard@7c0d89d)", verified: true,
    notes: "Verified for 2000-2021 only: every row of those years is identical in three independent downloads. Rows from 2022 on differ between downloads or are new (OCHA keeps revising recent years) and are flagged unverified. Current US dollars, not deflated; funding includes commitments as well as payments; FTS does not split an appeal by cause; rows after 2025 are forward commitments or plans still running at the April 2026 download. Reaction side only: no prevention spending (OECD CRS conflict-prevention and peace-building aid by recipient, mediation or UN mission budgets) and no historical donor-level flows were found in any reachable copy."},
  {id: "fts-world-sum", publisher: "MAPT Notebooks project (sums over the OCHA FTS file)", dataset: "Yearly sum of every country row of the FTS requirements and funding file", version: "HDX download of April 2026", licence: "CC BY-IGO (derived from OCHA FTS)",
    citation: "MAPT Notebooks, yearly sums over UN OCHA FTS Global Requirements and Funding Data (HDX, April 2026 download).",
    url: "https://data.humdata.org/dataset/global-requirements-and-funding-data", retrieved_from: "humanitarian-funding/fts_world_sum_by_year.csv (summed by the shared folder's compiler)", verified: false,
    notes: "Derived by the project, not an FTS total: requirements and funding summed over every country, plan and 'not specified' row of the file. It leaves out funding FTS does not attribute to one country and is not the global figure OCHA publishes; no published total was read to compare. Use it only as the denominator of a share, and say so."},
  {id: "pax", publisher: "PeaceRep / Political Settlements Research Programme, University of Edinburgh", dataset: "PA-X Peace Agreements Database", version: "6 (compared with the January 2020 release)", licence: "CC BY-NC-SA 4.0 per the PA-X Terms of Use; copyright and database right: University of Edinburgh",
    citation: "Bell, C., & Badanjak, S. (2019). Introducing PA-X: A new peace agreement database and dataset. Journal of Peace Research 56(3): 452-466. PA-X Peace Agreements Database v6, www.peaceagreements.org (copyright and database right: University of Edinburgh).",
    url: "https://www.peaceagreements.org", retrieved_from: "peace-agreements/pax_v6_kenya_syria_agreements.csv (tjetdata/tjet-db@84b9c20; compared with the 2020 release in manurubo/PAC2_VD_Manurubo@9799d27 and RivasCalduch/PA-X_EDA_database@8090b26)", verified: true,
    notes: "Every PA-X agreement whose country field names Kenya or Syria. Rows identical in v6 and the January 2020 release are verified; agreements added after January 2020 exist in one copy and are flagged unverified. PA-X's local agreements are a sample, not a census. The shared folder's provenance found no licence statement; the PA-X Terms of Use (a copy is in RivasCalduch/PA-X_EDA_database@8090b26) put the databases' content under CC BY-NC-SA 4.0."},
  {id: "pax-codebook", publisher: "PeaceRep / Political Settlements Research Programme, University of Edinburgh", dataset: "PA-X Codebook and PA-X Corpus Codebook", version: "4 (2 Jul 2020) and 1 (Nov 2019)", licence: "© University of Edinburgh; definitions paraphrased with attribution",
    citation: "Bell, C., Badanjak, S., Beaujouan, J., Epple, T., Forster, R., Jamar, A., Molloy, S., McNicholl, K., Nash, K., Pospisil, J., Wilson, R., & Wise, L. (2020). PA-X Peace Agreements Database and Dataset, Version 4: codebook; Bell, C., Badanjak, S., Forster, R., Jamar, A., Molloy, S., McNicholl, K., Nash, K., Pospisil, J., & Wise, L. (2019). PA-X Corpus Codebook, Version 1. Political Settlements Research Programme, University of Edinburgh.",
    url: "https://www.peaceagreements.org", retrieved_from: "typed by the project from doc/PA-X codebook Version4.pdf and doc/PAX_Corpus_Codebook.pdf in RivasCalduch/PA-X_EDA_database@8090b26 (one copy)", verified: false,
    notes: "The meanings of the PA-X codes in pax_codes are the project's paraphrase of codebook v4, which describes data version 4; the agreements are v6, whose codebook was not read. The corpus codebook (v1, p. 1) says PA-X's local agreements are a non-exhaustive segment, not a census like the rest of the database."},
  {id: "mapt-stakeholders", publisher: "MAPT Notebooks project", dataset: "Stakeholders and entry points of prevention: Kenya and Syria", version: "1 (from PA-X v6, the project timelines and web pages)", licence: "Project compilation; rows read from PA-X follow the PA-X terms (CC BY-NC-SA 4.0)",
    citation: "MAPT Notebooks (compiled stakeholder table), from PA-X v6 parties and third parties, the project's timelines and a few web sources; see each row's source column.",
    url: "", retrieved_from: "stakeholders/stakeholders_kenya_syria.csv", verified: false,
    notes: "Actors are named as in their source; roles and channels are the compiler's short labels. Checked per row (source_check): PA-X rows identical in v6 and the 2020 release, and one row found in two copies of the same report, are verified; rows taken from the timelines are not re-verified; rows from a single web page or from agreements added after 2020 are unverified. Not found anywhere: a data set of Kenyan civil-society or religious peace initiatives, the Syrian reconciliation agreements recorded by Russian or Syrian authorities, mediation-event data for either case, business actors beyond one PA-X mention."},
  {id: "geoepr", publisher: "International Conflict Research, ETH Zürich (Ethnic Power Relations data family)", dataset: "GeoEPR: politically relevant ethnic groups (attribute table only)", version: "GeoEPR 2019", licence: "Not stated in the copy read; EPR data are distributed free of charge by ETH Zürich (terms not read); cite Vogt et al. (2015)",
    citation: "Vogt, M., Bormann, N.-C., Rüegger, S., Cederman, L.-E., Hunziker, P., & Girardin, L. (2015). Integrating Data on Ethnicity, Geography, and Conflict: The Ethnic Power Relations Data Set Family. Journal of Conflict Resolution 59(7): 1327-1342. Data: GeoEPR 2019.",
    url: "https://icr.ethz.ch/data/epr/geoepr/", retrieved_from: "ethnic-groups/geoepr2019_kenya_syria_groups.csv (GeoEPR.dbf in tjbrailey/SegmentalAutonomy@52e59dc)", verified: false,
    notes: "Group list only: no population shares and no power status (EPR Core was not found in a readable copy). Kenya's group names and ids match an independent use of the EPR ids; periods, settlement type and area, and every Syria row, come from one copy."}
];
