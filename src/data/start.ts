import type {AsyncDuckDB} from "@duckdb/duckdb-wasm";
import type {Catalog, CatalogSpec} from "./catalog.ts";
import {DuckDBClient} from "./client.ts";
import {DUCKDB_CONFIG} from "./config.ts";
import type {FileLoadOptions} from "./file-load.ts";
import type {TableFiles} from "./file-tables.ts";
import type {LoadBytes} from "./load-bytes.ts";
import {superviseDuckDB} from "./supervised-duckdb.ts";

/** Start-up progress: the wasm download (with byte counts when known), its compilation, opening. */
export interface StartProgress {
  phase: "download" | "instantiate" | "open";
  /** Bytes downloaded so far (download phase). */
  loaded?: number;
  /** Total bytes, when the server says (download phase). */
  total?: number;
}

/** Where the engine is: the URLs of the EH bundle's worker and wasm (Vite `?url` imports). */
export interface DuckDBBundleUrls {
  /** URL of `@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js`. Required. */
  workerUrl: string;
  /** URL of `@duckdb/duckdb-wasm/dist/duckdb-eh.wasm`. Required. */
  wasmUrl: string;
}

/** A DuckDB engine being started by {@link launchDuckDB}. */
export interface LaunchedDuckDB {
  /** The engine's worker (watched for crashes, ended when the engine is replaced). */
  worker: Worker;
  /** The instantiated, opened engine. */
  ready: Promise<AsyncDuckDB>;
  /** Calls `listener` with the latest progress now (if any) and with every later one. */
  listen(listener: (progress: StartProgress) => void): void;
}

/**
 * Starts DuckDB's worker and wasm at once: the worker is created synchronously, before the
 * duckdb-wasm library itself (loaded here, on demand) or anything else of the page has arrived,
 * so its script and then the 34 MB wasm download as early as they can. A page's first script
 * calls it; {@link startDuckDB} connects to it later. Progress is kept for listeners that come
 * after it happened.
 */
export function launchDuckDB(urls: DuckDBBundleUrls): LaunchedDuckDB {
  const worker = new Worker(urls.workerUrl);
  const listeners: Array<(progress: StartProgress) => void> = [];
  let latest: StartProgress | undefined;
  const report = (progress: StartProgress) => {
    latest = progress;
    for (const listener of listeners) listener(progress);
  };
  const ready = (async () => {
    const {AsyncDuckDB, VoidLogger} = await import("@duckdb/duckdb-wasm");
    const db = new AsyncDuckDB(new VoidLogger(), worker);
    report({phase: "download"});
    let compiling = false;
    await db.instantiate(urls.wasmUrl, null, ({bytesLoaded, bytesTotal}) => {
      if (compiling) return;
      const total = bytesTotal > 0 ? bytesTotal : undefined;
      report({phase: "download", loaded: bytesLoaded, total});
      if (total !== undefined && bytesLoaded >= total) {
        compiling = true;
        report({phase: "instantiate"});
      }
    });
    if (!compiling) report({phase: "instantiate"});
    report({phase: "open"});
    await db.open(DUCKDB_CONFIG);
    return db;
  })();
  return {
    worker,
    ready,
    listen(listener) {
      listeners.push(listener);
      if (latest !== undefined) listener(latest);
    }
  };
}

/** Options of {@link startDuckDB}. */
export interface StartDuckDBSpec extends DuckDBBundleUrls {
  /** The engine the page's first script launched; without it, one is launched now. Default: none. */
  launched?: LaunchedDuckDB;
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
  /** Progress and memory budget of loading the user's files (see `FileLoadOptions`). Default: none, the default budget. */
  load?: FileLoadOptions;
}

/**
 * Connects the page database to the page's DuckDB (EH bundle, in a worker), launching it unless
 * the page's first script did. Call it once per page; `DuckDBClient.of` databases are created
 * in the same instance. The engine is supervised (see `superviseDuckDB`): a crashed or stuck
 * worker is replaced by a new one, and the client registers its tables again on first use; the
 * client's `instance` tells the page (`maybeSupervised(client.instance)?.listen`).
 */
export async function startDuckDB(spec: StartDuckDBSpec): Promise<DuckDBClient> {
  const {workerUrl, wasmUrl, launched, onProgress = () => {}, ...options} = spec;
  const engine = launched ?? launchDuckDB({workerUrl, wasmUrl});
  engine.listen(onProgress);
  await engine.ready;
  return DuckDBClient.connect(superviseDuckDB(engine, () => launchDuckDB({workerUrl, wasmUrl})), options);
}
