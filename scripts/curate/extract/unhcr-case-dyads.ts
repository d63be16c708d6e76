import {maybeNumber, type Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";

const FILE = "data/unhcr/unhcr_population_syria_kenya_dyads.csv";

/** The `unhcr_case_dyads` table: refugees and asylum seekers from and to Syria and Kenya by partner country. */
export function unhcrCaseDyadRows(files: SharedFiles): Record<string, Cell>[] {
  return files.csv(FILE).rows
    .map((r) => ({
      year: Number(r.year), origin_iso3: r.coo_iso, origin_name: r.coo_name, asylum_iso3: r.coa_iso, asylum_name: r.coa_name,
      refugees: maybeNumber(r.refugees) ?? null, asylum_seekers: maybeNumber(r.asylum_seekers) ?? null,
      returned_refugees: maybeNumber(r.returned_refugees) ?? null
    }))
    .filter((r) => r.refugees !== null || r.asylum_seekers !== null || r.returned_refugees !== null)
    .sort((a, b) => a.year - b.year || a.origin_iso3.localeCompare(b.origin_iso3) || a.asylum_iso3.localeCompare(b.asylum_iso3));
}
