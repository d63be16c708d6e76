/** How the link between an indicator and a risk factor is grounded (domain/indicators.md). */
export type Basis = "model" | "lit" | "interp";

/** One link between a curated indicator and a Framework risk factor. */
export interface RiskFactorLink {
  indicatorId: string;
  riskFactor: number;
  /** Framework indicator numbers the link points at (e.g. "1.4; 8.4"), or "" when none is named. */
  foaIndicators: string;
  basis: Basis;
  /** Which model or literature makes the link, or why the project makes it. */
  basisNote: string;
}

type Row = [indicatorId: string, riskFactor: number, foaIndicators: string, basis: Basis, basisNote: string];

// Transcribed from the mapping table of domain/indicators.md (section 2); "interp" rows for the
// Freedom House and V-Dem extract indices follow the suggestion in shared data/un-framework-of-analysis.
const ROWS: Row[] = [
  ["ucdp_brd_best", 1, "1.1", "model", "EWP 2025 (log battle deaths)"],
  ["ucdp_brd_low", 1, "1.1", "model", "EWP 2025 (log battle deaths)"],
  ["ucdp_brd_high", 1, "1.1", "model", "EWP 2025 (log battle deaths)"],
  ["ucdp_brd_dyads", 1, "1.1", "model", "UCDP/PRIO armed conflict (at least 25 battle deaths a year), EWP"],
  ["ewp_battledeaths_log2", 1, "1.1", "model", "EWP 2025"],
  ["ucdp_ged_deaths", 1, "1.1", "interp", "all organised violence, including one-sided and non-state violence"],
  ["ucdp_ged_deaths", 11, "11.1; 11.2", "lit", "UCDP definitions: organised violence against civilians is counted within these totals"],
  ["ucdp_ged_death_rate", 1, "1.1", "interp", "as ucdp_ged_deaths, per 100,000 people"],
  ["ucdp_ged_death_rate", 11, "11.1; 11.2", "lit", "as ucdp_ged_deaths, per 100,000 people"],
  ["ewp_coup_try_5yr", 1, "1.4", "model", "EWP 2025 (Powell & Thyne coups)"],
  ["ewp_coup_try_5yr", 8, "8.4", "model", "EWP 2025 (Powell & Thyne coups)"],
  ["ewp_newcountry", 1, "1.4", "model", "EWP 2025"],
  ["wdi_gdp_pc_growth", 1, "1.8", "model", "EWP 2025 candidate (zero weight in the final run)"],
  ["ewp_gdppcgrowth", 1, "1.8", "model", "EWP 2025 candidate (zero weight in the final run)"],
  ["wdi_gdp_pc", 3, "3.9; 3.10", "interp", "development level as a proxy of state resources"],
  ["wdi_infant_mortality", 1, "1.9", "model", "PITF (Goldstone et al. 2010), EWP 2025"],
  ["wdi_infant_mortality", 3, "3.2; 3.10", "model", "PITF (Goldstone et al. 2010): state capacity proxy"],
  ["ewp_imr_sqrt", 1, "1.9", "model", "EWP 2025"],
  ["ewp_imr_sqrt", 3, "3.2; 3.10", "model", "PITF, EWP: state capacity proxy"],
  ["ewp_pol_killing_approved", 2, "2.1", "model", "EWP 2025 (V-Dem v2clkill)"],
  ["ewp_mk_ever", 2, "2.2", "model", "EWP 2025; Harff 2003 (prior geno/politicide)"],
  ["ewp_mk_ever", 9, "9.3", "model", "EWP 2025; Harff 2003"],
  ["ewp_mk_ongoing_count_log2", 2, "2.1", "model", "EWP 2025 candidate"],
  ["pitf_genocide", 2, "2.2", "model", "Harff 2003 (prior geno/politicide)"],
  ["hr_protection", 2, "2.1; 2.3", "lit", "EWP 2014 candidate set (latent human-rights scores)"],
  ["ewp_iccpr1", 6, "6.7", "model", "EWP 2025 (protective)"],
  ["polity2", 3, "3.3; 3.4; 3.5; 3.6", "model", "PITF regime type, Harff autocracy"],
  ["polity2", 1, "1.6", "model", "PITF, Harff"],
  ["polity_xconst", 3, "3.3; 3.6", "interp", "constraints on the executive"],
  ["vdem_rol", 3, "3.3; 3.5", "interp", "V-Dem rule-of-law measures"],
  ["vdem_horacc", 3, "3.3; 3.6", "interp", "V-Dem judicial and legislative constraints"],
  ["vdem_pubcorr", 3, "3.5", "interp", "V-Dem corruption"],
  ["vdem_veracc", 3, "3.6", "interp", "electoral accountability"],
  ["ewp_judicialreform", 3, "3.3", "model", "EWP 2025 candidate (zero weight)"],
  ["ewp_discrimpop", 9, "9.1", "model", "EWP 2025 (EPR); PITF (state-led discrimination)"],
  ["ewp_discrimpop", 4, "4.5", "model", "EWP 2025 (EPR)"],
  ["ewp_minorityrule", 9, "9.1", "model", "EWP 2025 (V-Dem v2pepwrsoc)"],
  ["ewp_minorityrule", 4, "4.1", "model", "EWP 2025 (V-Dem v2pepwrsoc)"],
  ["ewp_social_power_dist", 9, "9.1", "model", "EWP 2025 (V-Dem v2pepwrsoc)"],
  ["ewp_social_power_dist", 4, "4.1", "model", "EWP 2025 (V-Dem v2pepwrsoc)"],
  ["ewp_social_inequality", 9, "9.1", "model", "EWP 2025 candidate (V-Dem v2clsocgrp)"],
  ["ewp_ses_power_dist", 9, "9.4", "model", "EWP 2025 (V-Dem v2pepwrses)"],
  ["ewp_efindex", 9, "", "model", "EWP 2025 (HIEF): structural context, not a tension measure"],
  ["ewp_religiousfreedom", 9, "9.1", "interp", "EWP 2025 candidate (zero weight); freedom of religion for protected groups"],
  ["ewp_popsize_log2", 5, "", "model", "EWP 2025: scale rather than capacity"],
  ["wdi_population", 5, "", "model", "EWP 2025 (log population): scale rather than capacity"],
  ["ewp_repress_civilsoc", 6, "6.2", "model", "EWP 2025 candidate (V-Dem v2csreprss)"],
  ["ewp_media_censorship", 6, "6.2", "model", "EWP 2025 candidate (V-Dem v2mecenefm)"],
  ["ewp_media_censorship", 7, "7.6", "model", "EWP 2025 candidate (V-Dem v2mecenefm)"],
  ["vdem_ccsi", 6, "6.2", "interp", "core civil society index"],
  ["vdem_ccsi", 7, "7.7", "interp", "suggested mapping in shared data (RF7 -> V-Dem civil society)"],
  ["wdi_trade_pct_gdp", 6, "6.6", "model", "Harff 2003 (low trade openness)"],
  ["ewp_partyban_0", 7, "7.2", "model", "EWP 2025 (V-Dem v2psparban)"],
  ["ewp_partyban_1", 7, "7.2", "model", "EWP 2025 (V-Dem v2psparban)"],
  ["ewp_freediscussion", 7, "7.6", "model", "EWP 2025 candidate (V-Dem v2xcl_disc, zero weight)"],
  ["vdem_freexp", 7, "7.6", "interp", "suggested mapping in shared data (RF7 -> V-Dem freedom of expression)"],
  ["fh_political_rights", 7, "", "interp", "suggested mapping in shared data (RF7 -> Freedom House)"],
  ["fh_civil_liberties", 7, "", "interp", "suggested mapping in shared data (RF7 -> Freedom House)"],
  ["fh_status", 7, "", "interp", "suggested mapping in shared data (RF7 -> Freedom House)"],
  ["polity2", 8, "8.4", "interp", "suggested mapping in shared data (RF8 -> Polity regime change)"],
  ["ewp_mk_ongoing", 10, "", "model", "EWP outcome (mass killing)"],
  ["ewp_mk_ongoing", 11, "11.1", "model", "EWP outcome (mass killing)"],
  ["ewp_mk_ongoing", 12, "", "model", "EWP outcome (mass killing)"],
  ["ewp_mk_onset", 10, "", "model", "EWP outcome (mass killing)"],
  ["ewp_mk_onset", 11, "11.1", "model", "EWP outcome (mass killing)"],
  ["ewp_mk_onset", 12, "", "model", "EWP outcome (mass killing)"],
  ["ewp_mk_ongoing_count", 11, "11.1", "model", "EWP outcome (mass killing)"],
  ["ewp_mk_onset_1or2", 11, "11.1", "model", "EWP outcome (onset in t+1 or t+2)"],
  ["unhcr_refugees", 11, "", "interp", "displacement as a consequence of attacks on civilians"],
  ["unhcr_refugees", 7, "7.10", "interp", "forced displacement"],
  ["unhcr_asylum_seekers", 11, "", "interp", "displacement as a consequence of attacks on civilians"],
  ["unhcr_asylum_seekers", 7, "7.10", "interp", "forced displacement"],
  ["unhcr_idps", 11, "", "interp", "displacement as a consequence of attacks on civilians"],
  ["unhcr_idps", 7, "7.10", "interp", "forced displacement"],
  ["idmc_conflict_idps", 11, "", "interp", "displacement as a consequence of attacks on civilians"],
  ["idmc_conflict_idps", 7, "7.10", "interp", "forced displacement"],
  ["unhcr_refugees_hosted", 1, "1.2; 1.3", "interp", "conflict next door and humanitarian pressure on a host country"]
];

/** Every indicator-to-risk-factor link, sorted by indicator and risk factor. */
export const RISK_FACTOR_LINKS: readonly RiskFactorLink[] = ROWS
  .map(([indicatorId, riskFactor, foaIndicators, basis, basisNote]) => ({indicatorId, riskFactor, foaIndicators, basis, basisNote}))
  .sort((a, b) => a.indicatorId.localeCompare(b.indicatorId) || a.riskFactor - b.riskFactor);
