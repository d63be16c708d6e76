import type {Cell} from "../csv.ts";

/** A PA-X code and what it means, paraphrased from the PA-X codebook version 4 (2020). */
export interface PaxCode {
  /** Column of `peace_agreements`. */
  variable: "agreement_level" | "stage" | "stage_sub" | "civso" | "tral" | "gre";
  code: string;
  label: string;
  meaning: string;
}

const PAX_VARIABLE: Record<PaxCode["variable"], string> = {
  agreement_level: "Agtp", stage: "Stage", stage_sub: "StageSub", civso: "Civso", tral: "Tral", gre: "GRe"
};

/**
 * The codes of the PA-X variables the curated table keeps, in the project's words (codebook v4,
 * pp. 6-9, 18 and 32). Sub-stages are listed as far as they occur for Kenya and Syria.
 */
export const PAX_CODES: readonly PaxCode[] = [
  {variable: "agreement_level", code: "Intra", label: "Intrastate", meaning: "About a conflict mainly inside one state's borders; it may have several state parties as long as internal parties sign too."},
  {variable: "agreement_level", code: "IntraLocal", label: "Intrastate, local", meaning: "Tied to an intrastate conflict but meant to settle local issues rather than the conflict as a whole; some concern violence below UCDP's 25-battle-death threshold."},
  {variable: "agreement_level", code: "InterIntra", label: "Interstate, on an intrastate conflict", meaning: "Between states or international actors, about a conflict (or conflicts) arising within a state, such as the declarations of international conferences or Security Council resolutions."},
  {variable: "stage", code: "Pre", label: "Pre-negotiation / process", meaning: "Aims to bring the parties to negotiate the core issues; can come at any point of a process, so it says nothing about timing."},
  {variable: "stage", code: "SubPar", label: "Substantive, partial", meaning: "The parties agree some substantive issues and expect further agreements to complete the settlement."},
  {variable: "stage", code: "SubComp", label: "Substantive, comprehensive", meaning: "Set out as a comprehensive attempt to resolve the conflict."},
  {variable: "stage", code: "Imp", label: "Implementation / renegotiation", meaning: "Implements or renegotiates an earlier agreement (ceasefires excluded)."},
  {variable: "stage", code: "Ren", label: "Renewal", meaning: "A short text that only renews earlier commitments (ceasefire renewals excluded)."},
  {variable: "stage", code: "Cea", label: "Ceasefire / related", meaning: "Wholly about a ceasefire, a related demobilisation, or the monitoring or extension of a ceasefire."},
  {variable: "stage", code: "Oth", label: "Other", meaning: "Residual category for agreements that fit no other stage."},
  {variable: "stage_sub", code: "Proc", label: "Process", meaning: "Pre-negotiation: sets out a process for talks or meetings."},
  {variable: "stage_sub", code: "Prin", label: "Principles", meaning: "Pre-negotiation: sets out principles or the main issues for talks."},
  {variable: "stage_sub", code: "Conf", label: "Confidence-building", meaning: "Pre-negotiation: a specific measure meant to get the parties into talks."},
  {variable: "stage_sub", code: "PreMix", label: "Mixed pre-negotiation", meaning: "Pre-negotiation: a mix of process, principles and confidence-building."},
  {variable: "stage_sub", code: "PreOth", label: "Other pre-negotiation", meaning: "Pre-negotiation: any other process-oriented matter."},
  {variable: "stage_sub", code: "Iss", label: "Core issue", meaning: "Substantive, partial: deals with one core issue (e.g. human rights, power-sharing)."},
  {variable: "stage_sub", code: "MultIss", label: "Several issues", meaning: "Substantive, partial: clearly not comprehensive, but covers a range of issues."},
  {variable: "stage_sub", code: "FrparOth", label: "Other partial framework", meaning: "Substantive, partial: another kind of non-comprehensive framework."},
  {variable: "stage_sub", code: "FrAg", label: "Comprehensive framework", meaning: "Substantive, comprehensive: lays out a broad framework for resolving the conflict (constitutions excluded)."},
  {variable: "stage_sub", code: "ImpMod", label: "Implementation modalities", meaning: "Implementation: mechanisms or timetables for carrying out commitments."},
  {variable: "stage_sub", code: "ExtSub", label: "Substantive extension", meaning: "Implementation: extends an agreement to new or outstanding issues."},
  {variable: "stage_sub", code: "Reimp", label: "Renewal of implementation", meaning: "Renewal of an implementation agreement."},
  {variable: "stage_sub", code: "Ceas", label: "Ceasefire", meaning: "Ceasefire: mainly or wholly provides for a ceasefire."},
  {variable: "stage_sub", code: "Rel", label: "Ceasefire-related", meaning: "Ceasefire: related arrangements such as monitoring or extension."},
  {variable: "stage_sub", code: "CeaMix", label: "Ceasefire, mixed", meaning: "Ceasefire: combines a ceasefire with provisions on the wider process."},
  {variable: "civso", code: "0", label: "No civil-society provision", meaning: "No provision addressed to including civil society."},
  {variable: "civso", code: "1", label: "Civil-society provision", meaning: "Provisions aimed at including civil society: peace-building commissions, calls for inclusion, NGO participation, consultation, or spreading the agreement in society."},
  {variable: "tral", code: "0", label: "No traditional or religious leaders", meaning: "No mention of traditional, religious or community leaders."},
  {variable: "tral", code: "1", label: "Traditional or religious leaders", meaning: "Mentions traditional or religious leaders, or uses similar language clearly about traditional or community leaders."},
  {variable: "gre", code: "0", label: "No reference to religious groups", meaning: "No reference to religious groups or to including religions."},
  {variable: "gre", code: "1", label: "Religious groups: rhetorical", meaning: "Religious groups are only mentioned, without detail or substance."},
  {variable: "gre", code: "2", label: "Religious groups: provisions", meaning: "Provisions on religious groups that are detailed or include a clear anti-discrimination clause."},
  {variable: "gre", code: "3", label: "Religious groups: substantive", meaning: "Substantial provisions on religious groups with implementation details, or detailed provisions together with an anti-discrimination clause."}
];

/**
 * The `pax_codes` table with the number of agreements per case using each code. Throws when an
 * agreement uses a code the list does not explain, so no code reaches a notebook undecoded.
 */
export function paxCodeRows(agreements: readonly Record<string, Cell>[]): Record<string, Cell>[] {
  const known = new Set(PAX_CODES.map((c) => `${c.variable}=${c.code}`));
  const unknown = new Set<string>();
  for (const a of agreements) {
    for (const variable of Object.keys(PAX_VARIABLE)) {
      const value = a[variable];
      if (value !== null && value !== undefined && !known.has(`${variable}=${value}`)) unknown.add(`${variable}=${value} (agreement ${a.agt_id})`);
    }
  }
  if (unknown.size) throw new Error(`PA-X codes without a meaning in pax_codes: ${[...unknown].join(", ")}`);
  const count = (c: PaxCode, iso3: string) => agreements.filter((a) => a.case_iso3 === iso3 && String(a[c.variable]) === c.code).length;
  return PAX_CODES.map((c) => ({
    variable: c.variable, pax_variable: PAX_VARIABLE[c.variable], code: c.code, label: c.label, meaning: c.meaning,
    n_kenya: count(c, "KEN"), n_syria: count(c, "SYR")
  }));
}
