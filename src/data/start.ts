import type {Catalog, CatalogSpec} from "./catalog.ts";
import {DuckDBClient} from "./client.ts";
import {DUCKDB_CONFIG} from "./config.ts";
import {fromAsyncDuckDB} from "./async-instance.ts";
import type {TableFiles} from "./file-tables.ts";
import type {LoadBytes} from "./load-bytes.ts";

/** Start-up progress: the wasm download (with byte counts when known), its compilation, opening. */
export interface StartProgress {
  phase: "download" | "instantiate" | "open";
  /** Bytes downloaded so far (download phase). */
  loaded?: number;
  /** Total bytes, when the server says (download phase). */
  total?: number;
}

/** Options of {@link startDuckDB}. */
export interface StartDuckDBSpec {
  /** URL of `@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js` (a Vite `?url` import). Required. */
  workerUrl: string;
  /** URL of `@duckdb/duckdb-wasm/dist/duckdb-eh.wasm` (a Vite `?url` import). Required. */
  wasmUrl: string;
  /** Called as start-up advances, e.g. to draw a progress bar. Default: nothing. */
  onProgress?: (progress: StartProgress) => void;
  /** The data catalog, queryable by table name (see `readCatalog`). Default: none. */
  catalog?: Catalog | CatalogSpec;
  /** Maps a catalog `file` to its URL in the build. Default: the entry's `url`, else its `file`. */
  resolveUrl?: (file: string) => string;
  /** Loads catalog files and URL sources. Default: `fetch`. */
  loadBytes?: LoadBytes;
  /** The user's files queryable as tables (see `DuckDBClientOptions.files`). Default: none. */
  files?: TableFiles;
}

/**
 * Starts the page's DuckDB (EH bundle, in a worker) and connects the page database. Call it once
 * per page; `DuckDBClient.of` databases are created in the same instance. The duckdb-wasm
 * library itself is loaded here, on demand.
 */
export async function startDuckDB(spec: StartDuckDBSpec): Promise<DuckDBClient> {
  const {workerUrl, wasmUrl, onProgress = () => {}, ...options} = spec;
  const {AsyncDuckDB, VoidLogger} = await import("@duckdb/duckdb-wasm");
  const db = new AsyncDuckDB(new VoidLogger(), new Worker(workerUrl));
  onProgress({phase: "download"});
  let compiling = false;
  await db.instantiate(wasmUrl, null, ({bytesLoaded, bytesTotal}) => {
    if (compiling) return;
    const total = bytesTotal > 0 ? bytesTotal : undefined;
    onProgress({phase: "download", loaded: bytesLoaded, total});
    if (total !== undefined && bytesLoaded >= total) {
      compiling = true;
      onProgress({phase: "instantiate"});
    }
  });
  if (!compiling) onProgress({phase: "instantiate"});
  onProgress({phase: "open"});
  await db.open(DUCKDB_CONFIG);
  return DuckDBClient.connect(fromAsyncDuckDB(db), options);
}
