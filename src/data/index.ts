export {ArrowIPCError, readArrowIPC} from "./arrow-ipc.ts";
export {fromBlockingDuckDB} from "./blocking-instance.ts";
export {readCatalog, type Catalog, type CatalogSpec, type CatalogTable, type CatalogTableSpec} from "./catalog.ts";
export {
  EMPTY_CATALOG_DETAILS,
  readCatalogDetails,
  type CatalogColumn,
  type CatalogDetails,
  type CatalogSource,
  type CatalogTableDetails
} from "./catalog-details.ts";
export {
  DuckDBClient,
  type ColumnDescription,
  type DuckDBClientOfOptions,
  type DuckDBClientOptions,
  type QueryOptions,
  type TableDescription
} from "./client.ts";
export {DUCKDB_CONFIG} from "./config.ts";
export {QueryShortcuts} from "./query-shortcuts.ts";
export type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
export {CatalogLoadError, DataFileError, EngineLostError, QueryError} from "./errors.ts";
export {
  createEngineWatch,
  describeFault,
  MAX_RESTARTS,
  QUEUED_STOP_GRACE_MS,
  STOP_GRACE_MS,
  transitionEngineWatch,
  type EngineFault,
  type EngineReport,
  type EngineWatchEffect,
  type EngineWatchEvent,
  type EngineWatchState
} from "./engine-watch.ts";
export {maybeSupervised, type SupervisedDuckDB} from "./supervised-duckdb.ts";
export {jsonProblem} from "./json-problem.ts";
export {maybeTableFormat, quoteIdentifier, quoteString, readFileSql, type TableFormat} from "./formats.ts";
export {fetchBytes, type LoadBytes} from "./load-bytes.ts";
export {openRemoteFile, readRange, type RemoteFile} from "./remote-file.ts";
export {
  estimateParquetMemory,
  parquetToIPCStream,
  streamParquetBatches,
  summarizeParquet,
  type ParquetBatchHandlers,
  type ParquetInput,
  type ParquetProgress,
  type ParquetSummary
} from "./parquet.ts";
export {parquetToIPCStreamOffThread, streamParquetBatchesOffThread} from "./parquet-off-thread.ts";
export {loadParquetAsIPC} from "./parquet-lazy.ts";
export {
  checkMemoryBudget,
  defaultMemoryBudget,
  DUCKDB_WASM_MEMORY_BUDGET,
  estimateFileMemory,
  formatBytes,
  parseMemoryBudget,
  type FileLoadOptions,
  type FileLoadProgress
} from "./file-load.ts";
export type {ArqueroSource, ArrowTableSource, DuckDBSource, FileSource} from "./sources.ts";
export {sqlName} from "./sql-name.ts";
export {launchDuckDB, startDuckDB, type DuckDBBundleUrls, type LaunchedDuckDB, type StartDuckDBSpec, type StartProgress} from "./start.ts";
export {NO_TABLE_FILES, type TableFiles} from "./file-tables.ts";
export {checkTableFileSize, MAX_TABLE_FILE_BYTES} from "./table-file-size.ts";
export {engineBlocks, FrozenClient, type FrozenRecord, type FrozenResult} from "./frozen.ts";
export {freezeResult} from "./freeze-result.ts";
export {queryKey} from "./query-key.ts";
export {setQueryRecorder} from "./query-recorder.ts";
export {PREPARED_STATEMENTS_LIMIT, PreparedStatements, type StatementDriver} from "./prepared-statements.ts";
export {
  askSnapshot,
  chooseSnapshotEntries,
  decodeSnapshots,
  encodeSnapshots,
  isSnapshotSafe,
  PageSnapshots,
  readSnapshotFile,
  snapshotKey,
  snapshotRefusal,
  snapshotState,
  SnapshotFirstClient,
  stopSnapshots,
  type SnapshotEntry,
  type SnapshotState
} from "./snapshots.ts";
