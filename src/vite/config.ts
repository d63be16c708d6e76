import type {UserConfig} from "vite";
import {duckdbWorkerWithoutSourcemap} from "./duckdb-worker-sourcemap.ts";
import {mapt, type MaptPluginOptions} from "./plugin.ts";

/** Options of a MAPT site build beyond the plugin's. */
export interface MaptConfigOptions extends MaptPluginOptions {
  /** Project root. Default: the current directory. */
  root?: string;
  /** Output folder. Default "dist". */
  outDir?: string;
}

/**
 * The Vite configuration of a MAPT site, shared by vite.config.ts and the `check` command.
 * `base: "./"` makes the built site work from any folder of any static server.
 */
export function maptConfig(options: MaptConfigOptions = {}): UserConfig {
  const {root, outDir = "dist", ...plugin} = options;
  return {
    root,
    base: "./",
    plugins: [mapt(plugin), duckdbWorkerWithoutSourcemap()],
    build: {target: "es2022", outDir, emptyOutDir: true, chunkSizeWarningLimit: 1200},
    worker: {format: "es"},
    server: {port: 5173}
  };
}
