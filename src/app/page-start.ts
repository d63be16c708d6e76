// The first script of a notebook page whose cells use DuckDB. It launches DuckDB (worker, then
// wasm) before it asks for the notebook's modules, so the engine's 34 MB download and compile,
// the floor of every such page, start with the page instead of behind its JavaScript. The
// build's result snapshots of the page (if any) are fetched at the same moment: they let its
// charts paint before that floor (data/snapshots.ts).
import wasmUrl from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import workerUrl from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import {launchDuckDB, readSnapshotFile, PageSnapshots, type LaunchedDuckDB} from "../data/index.ts";

let urls: {workerUrl: string; wasmUrl: string} | undefined;

/**
 * The URLs of the DuckDB bundle every page uses. The worker starts from a blob: URL that loads
 * the bundle's script: a worker made from a blob: URL inherits the page's Content-Security-Policy
 * (one made from its own URL gets only its response's headers, and a plain static host sends
 * none), so DuckDB's reads of remote files obey the page's `connect-src`. The wasm URL is
 * absolute: the worker's own address is a blob: URL, against which no relative URL resolves.
 */
export function pageDuckDBUrls(): {workerUrl: string; wasmUrl: string} {
  if (urls === undefined) {
    const script = new URL(workerUrl, location.href).href;
    const blob = new Blob([`importScripts(${JSON.stringify(script)});`], {type: "text/javascript"});
    urls = {workerUrl: URL.createObjectURL(blob), wasmUrl: new URL(wasmUrl, location.href).href};
  }
  return urls;
}

let launched: LaunchedDuckDB | undefined;

/** The page's DuckDB engine, launched on the first call. */
export function pageDuckDB(): LaunchedDuckDB {
  if (launched === undefined) {
    performance.mark("mapt:duckdb-launch");
    launched = launchDuckDB(pageDuckDBUrls());
    // The reader reports a failed start on the page; this only keeps it from being "unhandled".
    launched.ready.catch(() => {});
  }
  return launched;
}

/** The URL parameter that turns a built page's result snapshots off (`?snapshots=off`). */
export const SNAPSHOTS_PARAMETER = "snapshots";

let snapshots: Promise<PageSnapshots | undefined> | undefined;

/**
 * The results the build recorded for this page (`npm run build`, src/cli/snapshots.ts), fetched
 * once on the first call: the file the page's `<link rel="preload" data-mapt-snapshots>` names.
 * `undefined` on a page without one, with `?snapshots=off`, or when the file cannot be read (the
 * page then waits for DuckDB as it would without).
 */
export function pageSnapshots(): Promise<PageSnapshots | undefined> {
  return (snapshots ??= fetchSnapshots());
}

async function fetchSnapshots(): Promise<PageSnapshots | undefined> {
  const link = document.querySelector<HTMLLinkElement>("link[data-mapt-snapshots]");
  if (!link || new URLSearchParams(location.search).get(SNAPSHOTS_PARAMETER) === "off") return undefined;
  try {
    const response = await fetch(link.href);
    if (!response.ok) return undefined;
    return new PageSnapshots(await readSnapshotFile(new Uint8Array(await response.arrayBuffer())));
  } catch {
    return undefined;
  }
}

/** Launches DuckDB and fetches the page's result snapshots, then loads the notebook (`import()` of its module, made by the build). */
export function startPage(loadNotebook: () => Promise<unknown>): void {
  // A single-file export answers from frozen results and has no engine to launch (see frozen-page.ts).
  if (!import.meta.env.MAPT_EXPORT) {
    void pageSnapshots();
    pageDuckDB();
  }
  void loadNotebook();
}
