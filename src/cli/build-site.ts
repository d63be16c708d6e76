import {copyFileSync, existsSync, mkdirSync, readFileSync, rmSync} from "node:fs";
import path from "node:path";
import {build} from "vite";
import {maptConfig, notebookKitSite, projectRootOf, readPageTemplate, type ExternalNotebook, type PageTemplate} from "../vite/index.ts";
import {recordSnapshots} from "./snapshots.ts";
import type {StaticMount} from "./static-server.ts";

let builds = 0;

/** A built site and the page of each notebook in it. */
export interface BuiltSite {
  dir: string;
  /** Site-relative page path per notebook file (absolute path) that was asked for. */
  pages: Map<string, string>;
  /**
   * For each notebook from elsewhere, its project (see `projectRootOf`) served where the page
   * stands in it: the images, stylesheets and other files it names load as they would beside
   * the original (hidden files excepted).
   */
  mounts: StaticMount[];
  /** What keeps a notebook's page from being the one its project builds (a missing page template), by notebook file. */
  problems: Map<string, string[]>;
}

/**
 * Builds the site into `outDir` with the project's notebooks plus any `files` from elsewhere
 * on disk. Those are copied into the project so Vite can build them as pages, while their
 * FileAttachment names still resolve against their own folder. `options.cacheDir`: where the
 * results of build-time queries and data loaders are cached (default the project's .mapt/cache).
 * `options.projectRoot`: the project of the notebooks from elsewhere, into which symbolic links
 * among their files may lead (default: each one's own, see `projectRootOf`).
 * `options.snapshots`: record the shipped notebooks' result snapshots as `npm run build` does
 * (default no: `check` and `pdf` wait for DuckDB anyway).
 * `options.template`: the page template of every notebook from elsewhere (`check --template`);
 * default: the one its project's package.json names for it (`notebookKitSite`), if any.
 */
export async function buildSite(root: string, outDir: string, files: string[] = [], options: {cacheDir?: string; projectRoot?: string; snapshots?: boolean; template?: string} = {}): Promise<BuiltSite> {
  const notebooksDir = path.join(root, "notebooks");
  // One staging folder per build, so concurrent builds (tests, check) never share copies.
  const stage = path.join(root, ".mapt", `stage-${process.pid}-${++builds}`);
  const external: ExternalNotebook[] = [];
  const pages = new Map<string, string>();
  const mounts: StaticMount[] = [];
  const problems = new Map<string, string[]>();
  const templates = new Map<string, PageTemplate>();
  files.forEach((file, i) => {
    const source = path.resolve(file);
    if (path.dirname(source) === notebooksDir) {
      pages.set(source, `notebooks/${path.basename(source)}`);
      return;
    }
    // One folder per notebook, where the page stands as the notebook stands in its project, and
    // the project is served there: the page's relative URLs (`./pic.png`, `../images/map.png`)
    // lead to the files they name in the project.
    const projectRoot = options.projectRoot ?? projectRootOf(path.dirname(source));
    const base = path.join(stage, String(i));
    const folder = path.join(base, path.relative(projectRoot, path.dirname(source)));
    mkdirSync(folder, {recursive: true});
    const page = path.join(folder, path.basename(source));
    copyFileSync(source, page);
    const site = notebookKitSite(projectRoot, source);
    const templateFile = options.template === undefined ? site.template : path.resolve(options.template);
    let template: PageTemplate | undefined;
    const outside = options.template === undefined && templateFile !== undefined && path.relative(projectRoot, templateFile).startsWith("..");
    if (outside) problems.set(source, [`the page template ${templateFile} (named by ${site.namedBy}) is outside the notebook's project ${projectRoot}: the page is laid out without it`]);
    else if (templateFile !== undefined && existsSync(templateFile)) {
      template = templates.get(templateFile) ?? readPageTemplate(readFileSync(templateFile, "utf8"));
      templates.set(templateFile, template);
    } else if (templateFile !== undefined) {
      const named = options.template === undefined ? `named by ${site.namedBy}` : "given with --template";
      problems.set(source, [`the page template ${path.relative(process.cwd(), templateFile) || templateFile} (${named}) does not exist: the page is laid out without it`]);
    }
    external.push({page, source, projectRoot, template});
    pages.set(source, path.relative(root, page).split(path.sep).join("/"));
    mounts.push({urlPath: `/${path.relative(root, base).split(path.sep).join("/")}/`, dir: projectRoot, linkRoot: projectRoot, siteRoot: site.siteRoot});
  });
  try {
    const snapshots = options.snapshots ? recordSnapshots : undefined;
    await build({...maptConfig({root, outDir, external, cacheDir: options.cacheDir, snapshots}), configFile: false, logLevel: "warn"});
  } finally {
    rmSync(stage, {recursive: true, force: true});
  }
  return {dir: outDir, pages, mounts, problems};
}
