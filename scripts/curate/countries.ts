/** The role a country plays in the case studies. */
export type CountryRole = "case" | "regional peer" | "contrast";

/** One country of the case and comparison set, with the key each source uses for it. */
export interface CountrySpec {
  /** ISO 3166-1 alpha-3: the key of every curated table (WDI, UNHCR and IDMC use it too). */
  iso3: string;
  /** Display name. */
  name: string;
  role: CountryRole;
  /** The case a regional peer or contrast is compared with (ISO3), or `null` for a case. */
  peerOf: string | null;
  /** Gleditsch–Ward code (UCDP `gwno_*`, V-Dem DemSpaces `gwcode`). */
  gwno: number;
  /** Correlates of War code (EWP `ccode`, WDI `cow_code` as mapped by EWP). */
  cow: number;
  /** Region label used to group the comparison set. */
  region: string;
  /** Name in the Early Warning Project files (`ewp_name`). */
  ewpName: string;
  /** Entity name in the Our World in Data files (Polity 5, Freedom House, Fariss, UCDP GED, PITF). */
  owidName: string;
  /** Why the country is in the set. */
  reason: string;
}

/**
 * The case and comparison countries. Identifiers were checked against every source by the curation
 * script (it fails when a source disagrees); the reasons are this project's selection rationale.
 */
export const COUNTRIES: readonly CountrySpec[] = [
  {iso3: "SYR", name: "Syria", role: "case", peerOf: null, gwno: 652, cow: 652, region: "Middle East and North Africa", ewpName: "Syria", owidName: "Syria",
    reason: "Case study: uprising from March 2011, escalation to civil war and mass atrocities, a blocked Security Council."},
  {iso3: "KEN", name: "Kenya", role: "case", peerOf: null, gwno: 501, cow: 501, region: "East Africa", ewpName: "Kenya", owidName: "Kenya",
    reason: "Case study: post-election violence of December 2007 to February 2008 and the regionally led mediation that ended it."},
  {iso3: "LBY", name: "Libya", role: "regional peer", peerOf: "SYR", gwno: 620, cow: 620, region: "Middle East and North Africa", ewpName: "Libya", owidName: "Libya",
    reason: "Arab Spring uprising in the same year as Syria, met instead by a Security Council-authorised intervention, which the case literature links to the later Syria vetoes (the 'Libya shadow')."},
  {iso3: "YEM", name: "Yemen", role: "regional peer", peerOf: "SYR", gwno: 678, cow: 679, region: "Middle East and North Africa", ewpName: "Yemen", owidName: "Yemen",
    reason: "Arab Spring uprising that went through a negotiated transition and then civil war: a second path from protest to war."},
  {iso3: "IRQ", name: "Iraq", role: "regional peer", peerOf: "SYR", gwno: 645, cow: 645, region: "Middle East and North Africa", ewpName: "Iraq", owidName: "Iraq",
    reason: "Neighbour of Syria with a shared conflict system (the Islamic State fought on both sides of the border) and a long record of mass killing."},
  {iso3: "LBN", name: "Lebanon", role: "regional peer", peerOf: "SYR", gwno: 660, cow: 660, region: "Middle East and North Africa", ewpName: "Lebanon", owidName: "Lebanon",
    reason: "Neighbour of Syria and one of the largest hosts of Syrian refugees; a sectarian power-sharing state exposed to spill-over."},
  {iso3: "JOR", name: "Jordan", role: "regional peer", peerOf: "SYR", gwno: 663, cow: 663, region: "Middle East and North Africa", ewpName: "Jordan", owidName: "Jordan",
    reason: "Neighbour of Syria and a major host of Syrian refugees; protests without escalation to armed conflict."},
  {iso3: "EGY", name: "Egypt", role: "regional peer", peerOf: "SYR", gwno: 651, cow: 651, region: "Middle East and North Africa", ewpName: "Egypt", owidName: "Egypt",
    reason: "Arab Spring uprising that removed the president without civil war, followed by a military takeover and the killing of protesters."},
  {iso3: "TUN", name: "Tunisia", role: "contrast", peerOf: "SYR", gwno: 616, cow: 616, region: "Middle East and North Africa", ewpName: "Tunisia", owidName: "Tunisia",
    reason: "Contrast: where the Arab Spring began, with a transition and no mass killing; shows what the indicators look like when an uprising does not escalate."},
  {iso3: "UGA", name: "Uganda", role: "regional peer", peerOf: "KEN", gwno: 500, cow: 500, region: "East Africa", ewpName: "Uganda", owidName: "Uganda",
    reason: "East African neighbour of Kenya with a long armed conflict (LRA) and disputed elections."},
  {iso3: "TZA", name: "Tanzania", role: "regional peer", peerOf: "KEN", gwno: 510, cow: 510, region: "East Africa", ewpName: "Tanzania", owidName: "Tanzania",
    reason: "East African neighbour of Kenya with competitive multi-party elections and comparatively little political violence."},
  {iso3: "ETH", name: "Ethiopia", role: "regional peer", peerOf: "KEN", gwno: 530, cow: 530, region: "East Africa", ewpName: "Ethiopia", owidName: "Ethiopia",
    reason: "East African neighbour of Kenya with election-related violence and, later, a major internal war."},
  {iso3: "SOM", name: "Somalia", role: "regional peer", peerOf: "KEN", gwno: 520, cow: 520, region: "East Africa", ewpName: "Somalia", owidName: "Somalia",
    reason: "Neighbour of Kenya whose war (Al-Shabaab) reaches into Kenya and drives refugee flows to it; the 'bad neighbourhood' term of the PITF model."},
  {iso3: "CIV", name: "Côte d'Ivoire", role: "contrast", peerOf: "KEN", gwno: 437, cow: 437, region: "West Africa", ewpName: "Ivory Coast", owidName: "Cote d'Ivoire",
    reason: "Contrast: a post-election crisis like Kenya's, but resolved by force with Security Council backing and followed by ICC cases."},
  {iso3: "ZWE", name: "Zimbabwe", role: "contrast", peerOf: "KEN", gwno: 552, cow: 552, region: "Southern Africa", ewpName: "Zimbabwe", owidName: "Zimbabwe",
    reason: "Contrast: election violence in the year of Kenya's settlement, a Security Council sanctions draft vetoed (see unsc_vetoes), and a power-sharing deal."},
  {iso3: "GHA", name: "Ghana", role: "contrast", peerOf: "KEN", gwno: 452, cow: 452, region: "West Africa", ewpName: "Ghana", owidName: "Ghana",
    reason: "Contrast: a very close presidential election soon after Kenya's, with a peaceful transfer of power."}
];

/** The case and comparison countries keyed by ISO3. */
export const COUNTRY_BY_ISO3: ReadonlyMap<string, CountrySpec> = new Map(COUNTRIES.map((c) => [c.iso3, c]));
