import type {DuckDBConfig} from "@duckdb/duckdb-wasm";

/**
 * How every DuckDB instance is opened: 64-bit integers, decimals and timestamps come back as JS
 * numbers (and Date64 for timestamps), which Plot, Inputs and the inspector understand, instead
 * of `BigInt`s and scaled integers.
 */
export const DUCKDB_CONFIG: DuckDBConfig = {
  query: {castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true}
};
