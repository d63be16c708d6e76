import {COUNTRIES} from "../countries.ts";
import {maybeNumber, type Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";

const first = <T>(values: Iterable<T>): T | undefined => {
  for (const v of values) return v;
  return undefined;
};

/**
 * The `countries` table, with each source's own name for the country as found through the
 * crosswalk. Throws when a source's codes disagree with the crosswalk (e.g. WDI's COW code for an
 * ISO3, V-Dem's text id for a Gleditsch–Ward code, EWP's COW code for its country name).
 */
export function countryRows(files: SharedFiles): Record<string, Cell>[] {
  const wdi = files.csv("data/wdi/wdi_country_year.csv").rows;
  const vdem = files.csv("data/vdem/vdem_v14_six_indices_1968_2023.csv").rows;
  const ewp = files.csv("data/ewp-sra/ewp_predictors_country_year.csv").rows;
  const unhcr = files.csv("data/unhcr/unhcr_population_by_origin_year.csv").rows;
  const owidFiles = ["data/polity5/polity5_owid_country_year.csv", "data/freedom-house/freedom_house_owid_country_year.csv",
    "data/human-rights-scores/fariss_human_rights_protection_owid.csv"];
  const errors: string[] = [];
  const rows = COUNTRIES.map((c) => {
    const wdiRows = wdi.filter((r) => r.iso3c === c.iso3);
    // Since 1991: before unification EWP maps part of Yemen's WDI rows to South Yemen (COW 680).
    const wdiCows = new Set(wdiRows.filter((r) => Number(r.year) >= 1991).map((r) => maybeNumber(r.cow_code)).filter((n) => n !== undefined));
    if (wdiRows.length === 0 || [...wdiCows].some((n) => n !== c.cow)) errors.push(`WDI ${c.iso3}: COW codes ${[...wdiCows]} (expected ${c.cow})`);
    const vdemRows = vdem.filter((r) => Number(r.gwcode) === c.gwno);
    const vdemIds = new Set(vdemRows.map((r) => r.country_text_id));
    if (vdemIds.size !== 1 || !vdemIds.has(c.iso3)) errors.push(`V-Dem gwcode ${c.gwno}: text ids ${[...vdemIds]} (expected ${c.iso3})`);
    const ewpCows = new Set(ewp.filter((r) => r.ewp_name === c.ewpName).map((r) => Number(r.ccode)));
    if (ewpCows.size !== 1 || !ewpCows.has(c.cow)) errors.push(`EWP ${c.ewpName}: ccodes ${[...ewpCows]} (expected ${c.cow})`);
    const unhcrNames = new Set(unhcr.filter((r) => r.coo_iso === c.iso3).map((r) => r.coo_name));
    if (unhcrNames.size !== 1) errors.push(`UNHCR ${c.iso3}: names ${[...unhcrNames]}`);
    for (const file of owidFiles) {
      const table = files.csv(file);
      const column = table.header.includes("entity") ? "entity" : "country_name";
      if (!table.rows.some((r) => r[column] === c.owidName)) errors.push(`${file}: no entity ${c.owidName}`);
    }
    return {
      iso3: c.iso3, name: c.name, role: c.role, peer_of: c.peerOf, region: c.region, gwno: c.gwno, cow: c.cow,
      vdem_country_id: maybeNumber(vdemRows[0]?.country_id) ?? null, ewp_name: c.ewpName, owid_name: c.owidName,
      wdi_name: wdiRows[0]?.country ?? null, unhcr_name: first(unhcrNames) ?? null, vdem_name: vdemRows[0]?.country_name ?? null,
      reason: c.reason
    };
  });
  if (errors.length > 0) throw new Error(`country crosswalk disagrees with the sources:\n  ${errors.join("\n  ")}`);
  return rows;
}
