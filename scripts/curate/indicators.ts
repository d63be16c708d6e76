/** Whether a higher value of an indicator is read as more or less risk of atrocities, or neither. */
export type Direction = "higher_more_risk" | "higher_less_risk" | "neutral";

/** One indicator of `indicator_values`. */
export interface IndicatorSpec {
  id: string;
  label: string;
  unit: string;
  direction: Direction;
  /** Lower bound of the scale where the source defines one, else `null`. */
  scaleMin: number | null;
  /** Upper bound of the scale where the source defines one, else `null`. */
  scaleMax: number | null;
  sourceId: string;
  /** The variable in the source file. */
  sourceVariable: string;
  description: string;
}

type Spec = IndicatorSpec;
const spec = (id: string, label: string, unit: string, direction: Direction, scale: [number, number] | null, sourceId: string, sourceVariable: string, description: string): Spec =>
  ({id, label, unit, direction, scaleMin: scale?.[0] ?? null, scaleMax: scale?.[1] ?? null, sourceId, sourceVariable, description});

const BINARY: [number, number] = [0, 1];

const VDEM_INDICES: Spec[] = [
  spec("vdem_veracc", "Vertical accountability (V-Dem)", "index 0-1", "higher_less_risk", BINARY, "vdem-demspaces", "v2x_veracc_osp", "How far citizens can hold the government to account through elections and parties (V-Dem electoral space)."),
  spec("vdem_ccsi", "Core civil society index (V-Dem)", "index 0-1", "higher_less_risk", BINARY, "vdem-demspaces", "v2xcs_ccsi", "How autonomous and free civil-society organisations are from the state (associational space)."),
  spec("vdem_rol", "Equality before the law and individual liberty (V-Dem)", "index 0-1", "higher_less_risk", BINARY, "vdem-demspaces", "v2xcl_rol", "Rule of law and personal liberties (individual space)."),
  spec("vdem_freexp", "Freedom of expression and alternative information (V-Dem)", "index 0-1", "higher_less_risk", BINARY, "vdem-demspaces", "v2x_freexp_altinf", "Freedom of the press, of discussion and of academic and cultural expression (informational space)."),
  spec("vdem_horacc", "Horizontal accountability (V-Dem)", "index 0-1", "higher_less_risk", BINARY, "vdem-demspaces", "v2x_horacc_osp", "How far courts, legislature and oversight bodies constrain the executive (governmental space)."),
  spec("vdem_pubcorr", "Public sector corruption (V-Dem)", "index 0-1", "higher_more_risk", BINARY, "vdem-demspaces", "v2x_pubcorr", "Bribery and theft in the public sector; unlike the other V-Dem indices here, higher means more corrupt.")
];

const EWP: Spec[] = [
  spec("ewp_discrimpop", "Share of population politically discriminated (EPR, in EWP)", "share 0-1", "higher_more_risk", BINARY, "ewp-sra", "discrimpop", "Share of the population in ethnic groups subject to state-led political discrimination (Ethnic Power Relations), as prepared by EWP."),
  spec("ewp_efindex", "Ethnic fractionalisation (HIEF, in EWP)", "index 0-1", "neutral", BINARY, "ewp-sra", "efindex", "Probability that two random people belong to different ethnic groups; structural context rather than tension."),
  spec("ewp_pol_killing_approved", "Political killings systematic (V-Dem, in EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "pol_killing_approved", "1 when V-Dem codes political killings as practised systematically (v2clkill_ord = 0)."),
  spec("ewp_even_civilrights", "Even respect for civil liberties (V-Dem, in EWP)", "0/1", "higher_less_risk", BINARY, "ewp-sra", "even_civilrights", "1 when civil liberties are respected evenly across the territory (v2clrgunev_ord = 2); protective in the EWP model."),
  spec("ewp_repress_civilsoc", "Civil society repression (V-Dem, in EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "repress_civilsoc", "1 when the government represses civil-society organisations (v2csreprss_ord 0-2)."),
  spec("ewp_freediscussion", "Freedom of discussion (V-Dem, in EWP)", "index 0-1", "higher_less_risk", BINARY, "ewp-sra", "freediscussion", "V-Dem freedom of discussion index (v2xcl_disc)."),
  spec("ewp_social_inequality", "Social-group inequality in civil liberties (V-Dem, in EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "social_inequality", "1 when some social groups enjoy far fewer civil liberties than others (v2clsocgrp_ord = 0)."),
  spec("ewp_minorityrule", "Minority rule (V-Dem, in EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "minorityrule", "1 when political power is held by a minority social group (v2pepwrsoc_ord at most 1)."),
  spec("ewp_social_power_dist", "Power concentrated by social group (V-Dem, in EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "social_power_dist", "1 when power is distributed unequally by social group (v2pepwrsoc_ord 0-2)."),
  spec("ewp_ses_power_dist", "Power distributed by socio-economic position (V-Dem, in EWP)", "V-Dem latent scale", "higher_less_risk", null, "ewp-sra", "ses_power_dist", "V-Dem v2pepwrses; higher means power is more evenly distributed across socio-economic groups."),
  spec("ewp_partyban_0", "Parties banned: all or most (V-Dem, in EWP)", "0/1", "neutral", BINARY, "ewp-sra", "partyban.new.0", "1 when v2psparban_ord is 0-1 (all or most parties banned). Its EWP coefficient is negative."),
  spec("ewp_partyban_1", "Parties banned: some (V-Dem, in EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "partyban.new.1", "1 when v2psparban_ord is 2-3 (some parties banned); a positive weight in the EWP model."),
  spec("ewp_judicialreform", "Judicial reform (V-Dem, in EWP)", "ordinal 0-4", "neutral", [0, 4], "ewp-sra", "judicialreform", "V-Dem v2jureform_ord: whether judicial powers were reduced (low) or strengthened (high) this year."),
  spec("ewp_religiousfreedom", "Religious freedom (V-Dem, in EWP)", "ordinal 0-4", "higher_less_risk", [0, 4], "ewp-sra", "religiousfreedom", "V-Dem v2clrelig_ord; higher means more freedom of religion."),
  spec("ewp_media_censorship", "Government media censorship (V-Dem, in EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "v2mecenefm_binary", "1 when government censorship effort is at least routine (v2mecenefm_ord 0-2)."),
  spec("ewp_coup_try_5yr", "Coup attempt in the last 5 years (Powell & Thyne, in EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "coup.try.5yr", "1 when a coup was attempted in the year or the previous four."),
  spec("ewp_mk_ever", "Any prior mass killing (EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "mk_ever", "1 when the country has had at least one EWP mass-killing episode up to this year."),
  spec("ewp_mk_ongoing_count_log2", "Ongoing mass killings, log2(1+n) (EWP)", "log2(1 + episodes)", "higher_more_risk", null, "ewp-sra", "mk_ongoing_count_log2", "Number of ongoing EWP mass-killing episodes, log2 of one plus the count."),
  spec("ewp_newcountry", "New country (EWP)", "0/1", "higher_more_risk", BINARY, "ewp-sra", "newcountry", "1 in the first years after independence."),
  spec("ewp_iccpr1", "Party to ICCPR First Optional Protocol (EWP)", "0/1", "higher_less_risk", BINARY, "ewp-sra", "ios.iccpr1", "1 when the state has ratified the First Optional Protocol of the ICCPR (individual complaints); protective in the EWP model."),
  spec("ewp_battledeaths_log2", "Battle deaths, log2(1+n) (UCDP, in EWP)", "log2(1 + deaths)", "higher_more_risk", null, "ewp-sra", "battledeaths.log2", "UCDP battle-related deaths as EWP attributes them to the country, log2 of one plus the count."),
  spec("ewp_popsize_log2", "Population, log2 (in EWP)", "log2(persons)", "higher_more_risk", null, "ewp-sra", "popsize.log2", "Log2 of population (WDI), as prepared by EWP."),
  spec("ewp_imr_sqrt", "Infant mortality, square root (UN IGME, in EWP)", "sqrt(deaths per 1,000 live births)", "higher_more_risk", null, "ewp-sra", "un_imr_sqrt", "Square root of the UN IGME infant mortality rate, as prepared by EWP."),
  spec("ewp_gdppcgrowth", "GDP per capita growth (in EWP)", "% per year", "higher_less_risk", null, "ewp-sra", "gdppcgrowth", "GDP per capita growth from WDI with Maddison fill-in, as prepared by EWP."),
  spec("ewp_mk_onset_1or2", "Mass-killing onset in the next 2 years (EWP outcome)", "0/1", "neutral", BINARY, "ewp-sra", "mk_onset_1or2", "The EWP model's outcome: 1 when a new mass-killing episode began in year t+1 or t+2. Empty in the last two years."),
  spec("ewp_mk_ongoing", "Mass killing ongoing (EWP)", "0/1", "neutral", BINARY, "ewp-sra", "mk_ongoing", "1 when at least one EWP mass-killing episode is ongoing in the country this year (from the EWP country-year base data)."),
  spec("ewp_mk_onset", "Mass-killing onset (EWP)", "0/1", "neutral", BINARY, "ewp-sra", "mk_onset", "1 when a new EWP mass-killing episode began in the country this year."),
  spec("ewp_mk_ongoing_count", "Number of ongoing mass killings (EWP)", "episodes", "neutral", null, "ewp-sra", "mk_ongoing_count", "Number of EWP mass-killing episodes ongoing in the country this year.")
];

/** Every indicator of `indicator_values`, in catalog order. */
export const INDICATORS: readonly IndicatorSpec[] = [
  spec("ucdp_brd_best", "Battle-related deaths, best estimate (UCDP)", "deaths", "higher_more_risk", null, "ucdp-brd", "bd_best", "Battle-related deaths in state-based conflict dyads located in the country (gwno_loc lists it), summed over dyads; best estimate. No row means UCDP lists no such dyad with at least 25 deaths that year."),
  spec("ucdp_brd_low", "Battle-related deaths, low estimate (UCDP)", "deaths", "higher_more_risk", null, "ucdp-brd", "bd_low", "As ucdp_brd_best, low estimate."),
  spec("ucdp_brd_high", "Battle-related deaths, high estimate (UCDP)", "deaths", "higher_more_risk", null, "ucdp-brd", "bd_high", "As ucdp_brd_best, high estimate."),
  spec("ucdp_brd_dyads", "Active state-based conflict dyads (UCDP)", "dyads", "higher_more_risk", null, "ucdp-brd", "dyad_id", "Number of state-based conflict dyads with at least 25 battle-related deaths located in the country this year."),
  spec("ucdp_ged_deaths", "Deaths in organised violence (UCDP GED 19.1)", "deaths", "higher_more_risk", null, "ucdp-ged-owid", "direct_conflict_deaths", "Direct deaths in state-based, non-state and one-sided violence together, summed from georeferenced events (best estimate). Syria is not covered: no rows."),
  spec("ucdp_ged_death_rate", "Deaths in organised violence per 100,000 (UCDP GED 19.1)", "deaths per 100,000 people", "higher_more_risk", null, "ucdp-ged-owid", "direct_conflict_death_rate_per_100k", "ucdp_ged_deaths per 100,000 people (OWID, UN population). Syria is not covered: no rows."),
  spec("unhcr_refugees", "Refugees by country of origin (UNHCR)", "persons", "higher_more_risk", null, "unhcr", "refugees", "Refugees under UNHCR's mandate originating from the country, summed over countries of asylum; end-year stock."),
  spec("unhcr_asylum_seekers", "Asylum seekers by country of origin (UNHCR)", "persons", "higher_more_risk", null, "unhcr", "asylum_seekers", "Asylum seekers originating from the country, summed over countries of asylum; end-year stock."),
  spec("unhcr_idps", "Internally displaced persons of concern to UNHCR", "persons", "higher_more_risk", null, "unhcr", "idps", "Conflict IDPs protected or assisted by UNHCR, end-year stock, from UNHCR's domestic (origin = asylum) record. Narrower than IDMC's count. No row where UNHCR has no such record; a zero only where the record says zero."),
  spec("unhcr_returned_idps", "Returned IDPs (UNHCR)", "persons", "neutral", null, "unhcr", "returned_idps", "IDPs who returned home during the year (a flow, not a stock); same record rule as unhcr_idps."),
  spec("unhcr_returned_refugees", "Returned refugees (UNHCR)", "persons", "neutral", null, "unhcr", "returned_refugees", "Refugees who returned to the country during the year (a flow)."),
  spec("unhcr_refugees_hosted", "Refugees hosted (UNHCR)", "persons", "neutral", null, "unhcr", "refugees", "Refugees under UNHCR's mandate living in the country (country of asylum), summed over origins; end-year stock. Palestine refugees under UNRWA's mandate are not included."),
  spec("idmc_conflict_idps", "People displaced by conflict and violence (IDMC)", "persons", "higher_more_risk", null, "idmc", "total", "IDMC's stock of people internally displaced by conflict and violence at year end."),
  ...VDEM_INDICES,
  spec("polity2", "Polity2 regime score (Polity 5)", "score -10..10", "neutral", [-10, 10], "polity5-owid", "democracy_polity", "From -10 (full autocracy) to +10 (full democracy). Autocracy raises risk in the Harff model, but the PITF model finds partial democracies most at risk, so no single direction is given."),
  spec("polity_xconst", "Executive constraints (Polity 5)", "ordinal 1-7", "higher_less_risk", [1, 7], "polity5-owid", "exec_constr_polity", "Polity xconst: from 1 (unlimited executive authority) to 7 (executive parity or subordination)."),
  spec("fh_political_rights", "Political rights rating (Freedom House)", "rating 1-7 (1 = most free)", "higher_more_risk", [1, 7], "freedom-house-owid", "polrights_fh", "From 1 (most free) to 7 (least free); the year is the year rated."),
  spec("fh_civil_liberties", "Civil liberties rating (Freedom House)", "rating 1-7 (1 = most free)", "higher_more_risk", [1, 7], "freedom-house-owid", "civlibs_fh", "From 1 (most free) to 7 (least free); the year is the year rated."),
  spec("fh_status", "Freedom status (Freedom House)", "0 not free, 1 partly free, 2 free", "higher_less_risk", [0, 2], "freedom-house-owid", "regime_fh", "Freedom House status as a number: 0 not free, 1 partly free, 2 free."),
  spec("hr_protection", "Human rights protection score (Fariss et al.)", "latent score (about -3..5)", "higher_less_risk", null, "fariss-owid", "human_rights_protection", "Latent physical-integrity protection (killings, torture, disappearances, political imprisonment); higher means more protection."),
  spec("wdi_gdp_pc", "GDP per capita (WDI)", "constant 2015 US$", "higher_less_risk", null, "wdi", "gdp_pc_const2015usd", "GDP per capita in constant 2015 US dollars (NY.GDP.PCAP.KD)."),
  spec("wdi_gdp_pc_growth", "GDP per capita growth (WDI)", "% per year", "higher_less_risk", null, "wdi", "gdp_pc_growth_pct", "Annual growth of GDP per capita (NY.GDP.PCAP.KD.ZG)."),
  spec("wdi_infant_mortality", "Infant mortality (WDI)", "deaths per 1,000 live births", "higher_more_risk", null, "wdi", "infant_mortality_per1000", "Infant deaths before age one per 1,000 live births (SP.DYN.IMRT.IN); a state-capacity proxy in the PITF and EWP models."),
  spec("wdi_population", "Population (WDI)", "persons", "neutral", null, "wdi", "population", "Total population, mid-year (SP.POP.TOTL)."),
  spec("wdi_trade_pct_gdp", "Trade (WDI)", "% of GDP", "higher_less_risk", null, "wdi", "trade_pct_gdp", "Exports plus imports of goods and services as a share of GDP (NE.TRD.GNFS.ZS); low openness raises risk in the Harff model."),
  ...EWP,
  spec("pitf_genocide", "Genocide or politicide ongoing (PITF)", "0/1", "higher_more_risk", BINARY, "pitf-owid", "genocide_indicator_pitf", "1 when a PITF genocide/politicide episode is ongoing. Only countries that ever had an episode have rows (no rows for Kenya); data end in 2015.")
];

/** The indicators keyed by id. */
export const INDICATOR_BY_ID: ReadonlyMap<string, IndicatorSpec> = new Map(INDICATORS.map((i) => [i.id, i]));
