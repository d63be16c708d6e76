// The first script of a notebook page whose cells use DuckDB. It launches DuckDB (worker, then
// wasm) before it asks for the notebook's modules, so the engine's 34 MB download and compile,
// the floor of every such page, start with the page instead of behind its JavaScript.
import wasmUrl from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import workerUrl from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import {launchDuckDB, type LaunchedDuckDB} from "../data/index.ts";

/** The URLs of the DuckDB bundle every page uses. */
export const duckdbUrls = {workerUrl, wasmUrl};

let launched: LaunchedDuckDB | undefined;

/** The page's DuckDB engine, launched on the first call. */
export function pageDuckDB(): LaunchedDuckDB {
  if (launched === undefined) {
    launched = launchDuckDB(duckdbUrls);
    // The reader reports a failed start on the page; this only keeps it from being "unhandled".
    launched.ready.catch(() => {});
  }
  return launched;
}

/** Launches DuckDB, then loads the notebook (`import()` of its module, made by the build). */
export function startPage(loadNotebook: () => Promise<unknown>): void {
  pageDuckDB();
  void loadNotebook();
}
