import path from "node:path";
import type {Plugin} from "vite";

const duckdbBrowser = /@duckdb[\\/]duckdb-wasm[\\/]dist[\\/]duckdb-browser[^/\\]*\.mjs$/;

/** The module DuckDB-WASM's main thread gets for `apache-arrow` in a build. */
export const duckdbArrowModule = path.resolve(import.meta.dirname, "../data/arrow-for-duckdb.ts");

/**
 * Build only: DuckDB-WASM's browser module imports all of apache-arrow (`import * as`), which
 * puts every Arrow module on every page that starts DuckDB. Its `apache-arrow` becomes
 * {@link duckdbArrowModule}, the few members it uses; `import("apache-arrow")` elsewhere (the
 * `Arrow` builtin) still loads the whole library, on first use.
 */
export function duckdbArrow(): Plugin {
  return {
    name: "mapt:duckdb-arrow",
    apply: "build",
    enforce: "pre",
    resolveId(source, importer) {
      if (source !== "apache-arrow" || importer === undefined || !duckdbBrowser.test(importer.split("?")[0]!)) return;
      return duckdbArrowModule;
    }
  };
}
