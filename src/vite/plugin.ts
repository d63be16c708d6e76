import {existsSync, readdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import type {Plugin, ResolvedConfig} from "vite";
import {catalogDetailsModule, catalogFileEntries, catalogModule} from "./catalog-module.ts";
import {writeCatalogDatabases} from "./catalog-database.ts";
import {notebookModule, type ResolvedAttachment} from "./notebook-module.ts";
import {plotExportSources, plotMembers, plotSubsetModule, type PlotExportSources} from "./plot-members.ts";
import {renderNotebookPage, type NotebookPage} from "./notebook-page.ts";
import {renderIndexPage} from "./index-page.ts";
import {notebookChange} from "./notebook-change.ts";
import {attachMiddleware} from "./attach-endpoint.ts";
import {saveMiddleware} from "./save-endpoint.ts";
import {attachEndpointPath, mimeTypeOf, saveEndpointPath} from "../shared/index.ts";

/** A notebook page whose source lives elsewhere (the `check` command's notebooks). */
export interface ExternalNotebook {
  /** Absolute path of the page inside the project (a copy of the source). */
  page: string;
  /** Absolute path of the notebook file; FileAttachment names resolve against its folder. */
  source: string;
}

/** Options of the MAPT Vite plugin. */
export interface MaptPluginOptions {
  /** Folder of the shipped notebooks, relative to the Vite root. Default "notebooks". */
  notebooksDir?: string;
  /** Folder of the catalog and its tables, relative to the Vite root. Default "data". */
  dataDir?: string;
  /** Extra notebook pages to build (used by `check` for notebooks outside the project). */
  external?: ExternalNotebook[];
}

const notebookPrefix = "virtual:mapt/notebook?page=";
// Resolved ids end in ".js": Vite's HTML plugin transforms every id that ends in ".html".
const resolvedSuffix = "&module.js";
const catalogId = "virtual:mapt/catalog";
const catalogDetailsId = "virtual:mapt/catalog-details";
const plotPrefix = "virtual:mapt/plot?members=";

/**
 * MAPT's Vite plugin: every notebook file becomes a page (static Markdown rendered into the
 * HTML, the other cells compiled ahead of time into one module), the index page lists them, and
 * the catalog's files are bundled as assets.
 */
export function mapt(options: MaptPluginOptions = {}): Plugin {
  let root = process.cwd();
  let resolved: ResolvedConfig | undefined;
  // The build's prebuilt DuckDB file per catalog table (see writeCatalogDatabases); none in dev.
  let catalogDatabases = new Map<string, string>();
  const notebooksDir = () => path.join(root, options.notebooksDir ?? "notebooks");
  const dataDir = () => path.join(root, options.dataDir ?? "data");
  const external = new Map((options.external ?? []).map((e) => [path.resolve(e.page), path.resolve(e.source)]));
  const pages = new Map<string, NotebookPage>();
  // Files the attach endpoint just wrote: the page that sent them has them, no reload is needed.
  const attached = new Set<string>();
  let plotSources: PlotExportSources | undefined;
  const plotSourcesOf = () => {
    const index = createRequire(path.join(root, "package.json")).resolve("@observablehq/plot");
    return (plotSources ??= plotExportSources(index, readFileSync(index, "utf8")));
  };
  /** The Plot module id for a page: only the members its cells name, when that can be known. */
  const plotModuleOf = (page: NotebookPage) => {
    const bodies = page.cells.filter((cell) => cell.inputs.includes("Plot")).map((cell) => cell.body);
    if (bodies.length === 0) return undefined;
    const members = plotMembers(bodies, new Set(plotSourcesOf().exports.keys()));
    return members && plotPrefix + members.join(",");
  };

  const sourceOf = (page: string) => external.get(page) ?? page;
  const isNotebookPage = (file: string) =>
    external.has(file) || (path.dirname(file) === notebooksDir() && file.endsWith(".html"));
  const render = (page: string, text = readFileSync(sourceOf(page), "utf8")) => {
    const relative = path.relative(root, page).split(path.sep).join("/");
    const depth = relative.split("/").length - 1;
    const result = renderNotebookPage(text, {
      moduleId: notebookPrefix + relative,
      rootUrl: "../".repeat(depth) || "./",
      stylesheet: "/src/ui/styles.css",
      startModule: "/src/app/page-start.ts"
    });
    pages.set(page, result);
    return result;
  };

  return {
    name: "mapt:notebooks",
    config(config) {
      root = path.resolve(config.root ?? process.cwd());
      const input: Record<string, string> = {index: path.join(root, "index.html")};
      if (existsSync(path.join(root, "editor.html"))) input.editor = path.join(root, "editor.html");
      for (const file of listNotebooks(notebooksDir())) input[`notebooks/${path.basename(file, ".html")}`] = file;
      for (const page of external.keys()) input[path.relative(root, page).replace(/\.html$/, "")] = page;
      return {appType: "mpa", build: {rollupOptions: {input}}};
    },
    configResolved(config: ResolvedConfig) {
      root = config.root;
      resolved = config;
    },
    async buildStart() {
      if (resolved?.command !== "build") return;
      const result = await writeCatalogDatabases(root, dataDir(), resolved.cacheDir, catalogFileEntries(dataDir()));
      if ("skipped" in result) this.warn(`catalog tables ship as CSV, parsed by each page on first use: ${result.skipped}`);
      catalogDatabases = "files" in result ? result.files : new Map();
    },
    resolveId(id) {
      if (id.startsWith(notebookPrefix)) return `\0${id}${resolvedSuffix}`;
      if (id === catalogId || id === catalogDetailsId || id.startsWith(plotPrefix)) return `\0${id}`;
    },
    load(id) {
      if (id === `\0${catalogId}`) return catalogModule(dataDir(), catalogDatabases);
      if (id === `\0${catalogDetailsId}`) return catalogDetailsModule(dataDir());
      if (id.startsWith(`\0${plotPrefix}`)) return plotSubsetModule(id.slice(plotPrefix.length + 1).split(",").filter(Boolean), plotSourcesOf());
      if (!id.startsWith(`\0${notebookPrefix}`)) return;
      const page = path.join(root, id.slice(notebookPrefix.length + 1, -resolvedSuffix.length));
      const rendered = pages.get(page) ?? render(page);
      return notebookModule({
        readerEntry: path.join(root, "src/app/reader.ts"),
        cells: rendered.cells,
        attachments: resolveAttachments(rendered, path.dirname(sourceOf(page))),
        database: rendered.database,
        plotModule: plotModuleOf(rendered),
        edit: {path: path.relative(root, page).split(path.sep).join("/"), sourceFile: sourceOf(page)}
      });
    },
    transformIndexHtml: {
      order: "pre",
      handler(html, ctx) {
        const file = path.resolve(ctx.filename);
        if (isNotebookPage(file)) return render(file, html).html;
        if (file === path.join(root, "index.html")) return renderIndexPage(html, listNotebooks(notebooksDir()), root);
      }
    },
    configureServer(server) {
      const target = () => ({root, notebooksDir: notebooksDir()});
      server.middlewares.use(saveEndpointPath, saveMiddleware(target));
      server.middlewares.use(attachEndpointPath, attachMiddleware(target, (file) => attached.add(path.resolve(file))));
    },
    async handleHotUpdate({file, server, read}) {
      if (attached.delete(path.resolve(file))) return [];
      if (!isNotebookPage(path.resolve(file))) return;
      pages.delete(path.resolve(file));
      const relative = path.relative(root, file).split(path.sep).join("/");
      const module = server.moduleGraph.getModuleById(`\0${notebookPrefix}${relative}${resolvedSuffix}`);
      if (module) server.moduleGraph.invalidateModule(module);
      // Open pages update the changed cells in place (src/ui/editor); no reload, no lost state.
      server.ws.send(notebookChange(relative, await read()));
      // The pages' modules accept their notebook's `?raw` text module (see notebook-module.ts);
      // with no module at all Vite would reload every page showing the file.
      return [...(server.moduleGraph.getModulesByFile(file) ?? [])].filter((m) => m.url.includes("?raw"));
    }
  };
}

/** The notebook files of a folder, sorted by name. */
export function listNotebooks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(".html"))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Each literal FileAttachment name that exists next to the notebook, as a bundled asset. */
function resolveAttachments(page: NotebookPage, dir: string): ResolvedAttachment[] {
  const names = new Set(page.cells.flatMap((cell) => cell.files));
  return [...names]
    .map((name) => ({name, file: path.resolve(dir, name), mimeType: mimeTypeOf(name)}))
    .filter((attachment) => existsSync(attachment.file));
}
