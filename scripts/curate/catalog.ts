import {COUNTRIES} from "./countries.ts";
import {SOURCES, type SourceSpec} from "./sources.ts";
import type {TableSpec} from "./table-spec.ts";

/** The command that regenerates `data/`. */
export const COMMAND = "npm run data";

/** A source as it appears in the catalog and in the `sources` table. */
export const sourceRow = (s: SourceSpec) => ({
  source_id: s.id, publisher: s.publisher, dataset: s.dataset, version: s.version, licence: s.licence,
  citation: s.citation, url: s.url, retrieved_from: s.retrieved_from, verified: s.verified, notes: s.notes
});

const unique = (values: string[]) => [...new Set(values)];

/** Builds `data/catalog.json` from the table specs. */
export function buildCatalog(tables: readonly TableSpec[]): object {
  const byId = new Map(SOURCES.map((s) => [s.id, s]));
  return {
    version: 1,
    description: "Curated case-study tables of MAPT Notebooks: Syria, Kenya and a comparison set of countries, with international actions, the UN Framework of Analysis, peace agreements, stakeholders and humanitarian funding. Regenerated from the shared source folder by `npm run data`.",
    notes: [
      "No silent zeros: where a source has no value, or does not cover a country or year, there is no row. A zero appears only where the source records zero.",
      "UCDP battle-related deaths are attributed to every country listed in a dyad's gwno_loc (deaths of a dyad located in several countries count in full for each); see ucdp_brd_dyads.",
      "UCDP GED 19.1 did not cover Syria: Syria has no ucdp_ged_* rows.",
      "UCDP battle-related deaths cover state-based conflict only: Kenya has no rows in 2007-2008, because the post-election violence was one-sided and non-state violence. UCDP GED (all organised violence) does record it (ucdp_ged_deaths).",
      "The EWP mass-killing series (ewp_mk_*) are explicit zeros for Kenya in every year: EWP codes no mass-killing episode there, including 2007-2008.",
      "UNHCR IDPs (unhcr_idps) come from UNHCR's domestic (origin = asylum) record only; the origin-year totals in the shared folder show 0 where no such record exists (e.g. Kenya at end-2007), and those zeros are not used. IDMC (idmc_conflict_idps) starts in 2009 for Kenya and Syria.",
      "Polity2 codes interregnum years as 0 (e.g. Libya from 2011, Somalia 1991-2010): not a middle-of-the-scale regime.",
      "The PITF extract flags Syria only in 1981-1982 and ends in 2015; use EWP episodes for Syria after 2011.",
      "Framework of Analysis and timeline rows that could not be verified are flagged (unverified = true).",
      "humanitarian_funding is reaction spending only (humanitarian appeals and funding recorded by OCHA FTS); the data hold no prevention-side spending series. Its rows from 2022 on are flagged verified = false (OCHA revises recent years); humanitarian_funding_world is the project's own sum, an unverified denominator.",
      "PA-X's local agreements (peace_agreements.track = 'local') are a sample, not a census: a missing local agreement is not evidence that none was made.",
      "stakeholders, peace_agreements and ethnic_groups keep every row whatever its check; the verified flag (name_id_verified for ethnic_groups) marks the rows that were not checked."
    ],
    comparison_set: COUNTRIES.map((c) => ({iso3: c.iso3, name: c.name, role: c.role, peer_of: c.peerOf, reason: c.reason})),
    tables: tables.map((t) => {
      const sources = t.sources.map((id) => {
        const s = byId.get(id);
        if (!s) throw new Error(`table ${t.name} cites unknown source ${id}`);
        return s;
      });
      return {
        name: t.name, file: `${t.name}.csv`, format: "csv", description: t.description, grain: t.grain, key: t.key,
        columns: t.columns, sources: t.sources,
        license: sources.length ? unique(sources.map((s) => s.licence)).join("; ") : "Project compilation (see each source's licence)",
        citation: sources.length ? unique(sources.map((s) => s.citation)).join(" | ") : "MAPT Notebooks curated sources list",
        command: COMMAND
      };
    }),
    sources: SOURCES.map(sourceRow)
  };
}
