import type {UserConfig} from "vite";
import {arrowReadingCopies} from "./arrow-reading-copies.ts";
import {redirectImports} from "./import-redirects.ts";
import {duckdbWorkerWithoutSourcemap} from "./duckdb-worker-sourcemap.ts";
import path from "node:path";
import {mapt, maptD3, type MaptPluginOptions} from "./plugin.ts";
import {strictLibraries} from "./library-edits.ts";
import {isOwnD3Copy, ownD3Copies} from "./own-d3-copies.ts";
import {arrowlessArquero} from "./arquero-arrow.ts";
import {plotDefaultSchemesQuery, plotSchemes} from "./plot-schemes.ts";
import {inputsNamespace} from "./inputs-members.ts";

/** Options of a MAPT site build beyond the plugin's. */
export interface MaptConfigOptions extends MaptPluginOptions {
  /** Project root. Default: the current directory. */
  root?: string;
  /** Output folder. Default "dist". */
  outDir?: string;
}

const makeFunctionModule = path.resolve(import.meta.dirname, "../stdlib/generated-code.ts");

/**
 * The Vite configuration of a MAPT site, shared by vite.config.ts and the `check` command.
 * `base: "./"` makes the built site work from any folder of any static server.
 */
export function maptConfig(options: MaptConfigOptions = {}): UserConfig {
  const {root, outDir = "dist", ...plugin} = options;
  return {
    root,
    base: "./",
    // Reader pages are strict (no eval): libraries that compile strings are changed at build time.
    plugins: [maptD3(), mapt(plugin), redirectImports(), plotSchemes(), arrowReadingCopies(), ownD3Copies(), arrowlessArquero(), inputsNamespace(), duckdbWorkerWithoutSourcemap(), strictLibraries(makeFunctionModule)],
    build: {
      target: "es2022",
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 1200,
      // Data files are fetched when a query first needs them, never inlined into the page's script.
      assetsInlineLimit: (file: string) => (/\.(csv|tsv|json|parquet|arrow|duckdb)$/i.test(file) ? false : undefined),
      // A notebook's own module that imports a name another one lacks (or one whose syntax error
      // replaced it, see local-modules.ts) fails the cells that load it, not the whole build.
      rollupOptions: {shimMissingExports: true, output: {chunkFileNames, codeSplitting: {groups: [{name: d3PackageChunk, debugName: "d3 packages", test: /node_modules[\\/]d3-/}]}}}
    },
    // The parquet worker bundles Apache Arrow too.
    worker: {format: "es", plugins: () => [strictLibraries(makeFunctionModule)]},
    server: {port: 5173}
  };
}

/**
 * One chunk per d3 package. The `d3` builtin imports all of d3; without this split every page
 * that draws a Plot chart would download all of it too, where Plot needs only some packages.
 */
function d3PackageChunk(id: string): string | null {
  if (isOwnD3Copy(id) || id.endsWith(plotDefaultSchemesQuery)) return null;
  return /node_modules[\\/](d3-[a-z-]+)[\\/]/.exec(id)?.[1] ?? null;
}

/** Longest chunk name kept in a file name; well under the 255 bytes file systems allow. */
const chunkNameLimit = 64;

/**
 * `assets/[name]-[hash].js`, the name cut short: a page's trimmed D3 or Plot chunk is named after
 * every member the page uses (`d3_members_area_axisTop_...`), which for a notebook that uses many
 * exceeds the file system's limit and stops the whole build.
 */
function chunkFileNames(chunk: {name: string}): string {
  return chunk.name.length > chunkNameLimit ? `assets/${chunk.name.slice(0, chunkNameLimit).replace(/[^\w.-]/g, "_")}-[hash].js` : "assets/[name]-[hash].js";
}
