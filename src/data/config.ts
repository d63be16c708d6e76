import type {DuckDBConfig} from "@duckdb/duckdb-wasm";

/**
 * How every DuckDB instance is opened: 64-bit integers, decimals and timestamps come back as JS
 * numbers (and Date64 for timestamps), which Plot, Inputs and the inspector understand, instead
 * of `BigInt`s and scaled integers. A file registered by URL is read a range at a time (its
 * server's answer to a ranged HEAD is trusted; without these settings DuckDB-WASM's worker
 * fetched the whole file), or whole where the server does not answer ranges.
 */
export const DUCKDB_CONFIG: DuckDBConfig = {
  query: {castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true},
  filesystem: {reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false}
};
