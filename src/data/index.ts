export {fromAsyncDuckDB} from "./async-instance.ts";
export {fromBlockingDuckDB} from "./blocking-instance.ts";
export {EMPTY_CATALOG, readCatalog, type Catalog, type CatalogSpec, type CatalogTable, type CatalogTableSpec} from "./catalog.ts";
export {
  DuckDBClient,
  type ColumnDescription,
  type DuckDBClientOfOptions,
  type DuckDBClientOptions,
  type TableDescription
} from "./client.ts";
export {DUCKDB_CONFIG} from "./config.ts";
export type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
export {CatalogLoadError, QueryError} from "./errors.ts";
export {maybeTableFormat, type TableFormat} from "./formats.ts";
export {findIdentifiers} from "./identifiers.ts";
export {fetchBytes, type LoadBytes} from "./load-bytes.ts";
export type {ArqueroSource, ArrowTableSource, DuckDBSource, FileSource} from "./sources.ts";
export {startDuckDB, type StartDuckDBSpec, type StartProgress} from "./start.ts";
