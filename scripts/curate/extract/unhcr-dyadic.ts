import {readFileSync} from "node:fs";
import {parquetReadObjects} from "hyparquet";
import {compressors} from "hyparquet-compressors";
import {COUNTRY_BY_ISO3} from "../countries.ts";
import {inYearRange, type IndicatorValue} from "../indicator-value.ts";
import type {SharedFiles} from "../shared-files.ts";

const FILE = "data/unhcr/unhcr_population_dyadic_1951_2025.parquet";

/** One origin-asylum-year row of UNHCR's population table (the columns the curation uses). */
export interface UnhcrDyad {
  year: number;
  coo_iso: string;
  coa_iso: string;
  refugees: number | null;
  idps: number | null;
  returned_idps: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Reads UNHCR's full origin x asylum x year table from the shared Parquet file (hyparquet, no DuckDB extension needed). */
export async function readUnhcrDyads(files: SharedFiles): Promise<UnhcrDyad[]> {
  const bytes = readFileSync(files.resolve(FILE));
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const rows = await parquetReadObjects({file, columns: ["year", "coo_iso", "coa_iso", "refugees", "idps", "returned_idps"], compressors});
  return rows.map((r) => ({
    year: Number(r.year), coo_iso: String(r.coo_iso), coa_iso: String(r.coa_iso),
    refugees: num(r.refugees), idps: num(r.idps), returned_idps: num(r.returned_idps)
  }));
}

/**
 * Refugees hosted by each country of the set (country of asylum), summed over origins. A
 * country-year with no refugee figure on any of its rows gets no row.
 */
export function extractUnhcrHosted(dyads: readonly UnhcrDyad[]): IndicatorValue[] {
  const sums = new Map<string, IndicatorValue>();
  for (const d of dyads) {
    if (!COUNTRY_BY_ISO3.has(d.coa_iso) || d.refugees === null || !inYearRange(d.year)) continue;
    const key = `${d.coa_iso}|${d.year}`;
    const s = sums.get(key) ?? {iso3: d.coa_iso, year: d.year, indicator_id: "unhcr_refugees_hosted", value: 0, source_id: "unhcr"};
    s.value += d.refugees;
    sums.set(key, s);
  }
  return [...sums.values()];
}

/**
 * UNHCR IDP figures from each country's domestic row (origin = asylum), the only row on which
 * UNHCR records IDPs. Summing over all rows of an origin would turn "no IDP record" into 0, so a
 * country-year without a domestic row gets no row; a zero is kept only where that row says zero.
 */
export function extractUnhcrIdps(dyads: readonly UnhcrDyad[]): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  for (const d of dyads) {
    if (d.coo_iso !== d.coa_iso || !COUNTRY_BY_ISO3.has(d.coo_iso) || !inYearRange(d.year)) continue;
    if (d.idps !== null) out.push({iso3: d.coo_iso, year: d.year, indicator_id: "unhcr_idps", value: d.idps, source_id: "unhcr"});
    if (d.returned_idps !== null) out.push({iso3: d.coo_iso, year: d.year, indicator_id: "unhcr_returned_idps", value: d.returned_idps, source_id: "unhcr"});
  }
  return out;
}
