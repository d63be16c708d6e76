import {readCatalog, type CatalogTableSpec} from "./catalog.ts";

/** One column of a catalog table, as the catalog documents it. */
export interface CatalogColumn {
  name: string;
  /** DuckDB's type name as the catalog states it (`""` when absent). */
  type: string;
  /** The unit of its values, e.g. `deaths`, `year`; `undefined` when it has none. */
  unit: string | undefined;
  /** What a value means (`""` when absent). */
  description: string;
}

/** One source the catalog's tables cite. */
export interface CatalogSource {
  /** The id tables refer to it by (`source_id`, or `id`). */
  id: string;
  publisher: string;
  dataset: string;
  version: string;
  /** Its address: an `http:` or `https:` URL, else `undefined` (other schemes are dropped). */
  url: string | undefined;
  licence: string;
  citation: string;
  /** True only when the catalog says `verified: true`; a source not marked so is unverified. */
  verified: boolean;
  notes: string;
}

/** What the catalog says about one table, beyond where its file is. */
export interface CatalogTableDetails {
  name: string;
  description: string;
  /** What one row is, e.g. "one row per country and year" (`""` when absent). */
  grain: string;
  columns: CatalogColumn[];
  /** Ids of its sources, in catalog order (see {@link CatalogDetails.sources}). */
  sources: string[];
  /** The licence as the table states it (`license` or `licence`; `""` when absent). */
  licence: string;
  citation: string;
}

/** The documentation of every usable catalog table, and the sources they cite. */
export interface CatalogDetails {
  /** In catalog order; only the tables {@link readCatalog} accepts. */
  tables: CatalogTableDetails[];
  sources: CatalogSource[];
}

/** Details of nothing: a page without a catalog. */
export const EMPTY_CATALOG_DETAILS: CatalogDetails = {tables: [], sources: []};

/**
 * Normalises parsed `catalog.json` into {@link CatalogDetails}: every field checked and
 * defaulted, so the UI reads strings and arrays only. Never throws: fields of the wrong kind
 * read as absent, sources without an id are left out.
 */
export function readCatalogDetails(json: unknown): CatalogDetails {
  const tables = readCatalog(json).tables.map(({name, description, spec}) => tableDetails(name, description, spec));
  const sourcesSpec = isRecord(json) && Array.isArray(json.sources) ? json.sources : [];
  const sources = sourcesSpec.flatMap((spec: unknown) => {
    const source = isRecord(spec) ? readSource(spec) : undefined;
    return source ? [source] : [];
  });
  return {tables, sources};
}

function tableDetails(name: string, description: string, spec: CatalogTableSpec): CatalogTableDetails {
  const columns = Array.isArray(spec.columns) ? spec.columns.flatMap((c: unknown) => (isRecord(c) && text(c.name) ? [readColumn(c)] : [])) : [];
  return {
    name,
    description,
    grain: text(spec.grain),
    columns,
    sources: Array.isArray(spec.sources) ? spec.sources.filter((id): id is string => typeof id === "string" && id !== "") : [],
    licence: text(spec.license) || text(spec.licence),
    citation: text(spec.citation)
  };
}

function readColumn(spec: Record<string, unknown>): CatalogColumn {
  return {name: text(spec.name), type: text(spec.type), unit: text(spec.unit) || undefined, description: text(spec.description)};
}

function readSource(spec: Record<string, unknown>): CatalogSource | undefined {
  const id = text(spec.source_id) || text(spec.id);
  if (!id) return undefined;
  return {
    id,
    publisher: text(spec.publisher),
    dataset: text(spec.dataset),
    version: text(spec.version),
    url: webUrl(spec.url),
    licence: text(spec.licence) || text(spec.license),
    citation: text(spec.citation),
    verified: spec.verified === true,
    notes: text(spec.notes)
  };
}

/** A link the page may show: http(s) only, so a catalog cannot smuggle a `javascript:` URL. */
function webUrl(value: unknown): string | undefined {
  const url = text(value);
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
