import {copyFileSync, mkdirSync, rmSync} from "node:fs";
import path from "node:path";
import {build} from "vite";
import {maptConfig, type ExternalNotebook} from "../vite/index.ts";

let builds = 0;

/** A built site and the page of each notebook in it. */
export interface BuiltSite {
  dir: string;
  /** Site-relative page path per notebook file (absolute path) that was asked for. */
  pages: Map<string, string>;
}

/**
 * Builds the site into `outDir` with the project's notebooks plus any `files` from elsewhere
 * on disk. Those are copied into the project so Vite can build them as pages, while their
 * FileAttachment names still resolve against their own folder. `options.cacheDir`: where the
 * results of build-time queries and data loaders are cached (default the project's .mapt/cache).
 */
export async function buildSite(root: string, outDir: string, files: string[] = [], options: {cacheDir?: string} = {}): Promise<BuiltSite> {
  const notebooksDir = path.join(root, "notebooks");
  // One staging folder per build, so concurrent builds (tests, check) never share copies.
  const stage = path.join(root, ".mapt", `stage-${process.pid}-${++builds}`);
  const external: ExternalNotebook[] = [];
  const pages = new Map<string, string>();
  files.forEach((file, i) => {
    const source = path.resolve(file);
    if (path.dirname(source) === notebooksDir) {
      pages.set(source, `notebooks/${path.basename(source)}`);
      return;
    }
    mkdirSync(stage, {recursive: true});
    const page = path.join(stage, `${i}-${path.basename(source)}`);
    copyFileSync(source, page);
    external.push({page, source});
    pages.set(source, path.relative(root, page).split(path.sep).join("/"));
  });
  try {
    await build({...maptConfig({root, outDir, external, cacheDir: options.cacheDir}), configFile: false, logLevel: "warn"});
  } finally {
    rmSync(stage, {recursive: true, force: true});
  }
  return {dir: outDir, pages};
}
