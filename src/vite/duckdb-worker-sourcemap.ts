import {readFileSync} from "node:fs";
import type {Plugin} from "vite";

const duckdbWorker = /@duckdb[\\/]duckdb-wasm[\\/]dist[\\/][^?]*\.worker\.js$/;

/**
 * Dev server only: serves DuckDB's worker without its `sourceMappingURL`, whose map points at
 * sources outside the package and makes Vite print a warning per source file.
 */
export function duckdbWorkerWithoutSourcemap(): Plugin {
  return {
    name: "mapt:duckdb-worker-sourcemap",
    apply: "serve",
    enforce: "pre",
    load(id) {
      if (/[?&](url|raw|inline|worker)\b/.test(id)) return;
      const file = id.split("?")[0]!;
      if (!duckdbWorker.test(file)) return;
      return {code: readFileSync(file, "utf8").replace(/\/\/# sourceMappingURL=\S+\s*$/, ""), map: null};
    }
  };
}
