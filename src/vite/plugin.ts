import {randomBytes} from "node:crypto";
import {existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {readFile} from "node:fs/promises";
import type {Plugin, ResolvedConfig, ViteDevServer} from "vite";
import {catalogDetailsModule, catalogFileEntries, catalogModule} from "./catalog-module.ts";
import {writeCatalogDatabases} from "./catalog-database.ts";
import {notebookModule} from "./notebook-module.ts";
import {checkedModuleCode, isLocalModuleFile, localModulesOf, moduleFile, nonModuleCode, packageAddressesOf, projectPackagesOf} from "./local-modules.ts";
import {runBuildQueries} from "./build-queries.ts";
import {runBuildLoaders} from "./build-loaders.ts";
import {buildResultMiddleware} from "./build-result-endpoint.ts";
import {inputsSources, inputsSubsetModule} from "./inputs-members.ts";
import {namespaceMembers, plotExportSources, plotMayNeedGeo, plotMembers, plotSubsetModule, type PlotExportSources} from "./plot-members.ts";
import {allPlotSchemesCode, plotMayNeedAllSchemes} from "./plot-schemes.ts";
import {d3AllModule, d3Sources, d3SubsetModule, type D3Sources} from "./d3-members.ts";
import {arqueroMayNeedArrow, arqueroSubsetModule, arrowlessArqueroId, localModuleTexts} from "./arquero-arrow.ts";
import {editingTwinHtml, renderNotebookPage, type NotebookPage} from "./notebook-page.ts";
import {notebookKitSite} from "./notebook-kit-site.ts";
import {readPageTemplate, type PageTemplate} from "./page-template.ts";
import {renderIndexPage} from "./index-page.ts";
import {notebookChange} from "./notebook-change.ts";
import {attachMiddleware} from "./attach-endpoint.ts";
import {saveMiddleware} from "./save-endpoint.ts";
import {exportMiddleware, type ExportNotebook} from "./export-endpoint.ts";
import {readNotebook} from "../notebook/index.ts";
import {attachEndpointPath, buildResultPath, contentSecurityPolicy, contentSecurityPolicyMeta, editingTwinName, exportEndpointPath, isLocalSpecifier, remoteHostsOf, saveEndpointPath, saveTokenMeta} from "../shared/index.ts";
import {projectRootOf, resolveAttachments} from "./attachments.ts";
import {trajectoryPlotMembers} from "../stdlib/index.ts";

/** A notebook page whose source lives elsewhere (the `check` command's notebooks). */
export interface ExternalNotebook {
  /** Absolute path of the page inside the project (a copy of the source). */
  page: string;
  /** Absolute path of the notebook file; FileAttachment names resolve against its folder. */
  source: string;
  /**
   * The notebook's project, into which the symbolic links among its files may lead (see
   * `attachmentRefusal`). Default: `projectRootOf` the notebook's folder.
   */
  projectRoot?: string;
  /** The page template the page is laid out in (see `notebookKitSite`). Default: none. */
  template?: PageTemplate;
}

/** Options of the MAPT Vite plugin. */
export interface MaptPluginOptions {
  /** Folder of the shipped notebooks, relative to the Vite root. Default "notebooks". */
  notebooksDir?: string;
  /** Folder of the catalog and its tables, relative to the Vite root. Default "data". */
  dataDir?: string;
  /** Extra notebook pages to build (used by `check` for notebooks outside the project). */
  external?: ExternalNotebook[];
  /** Build only the `external` pages: no index, editor or shipped notebooks (`mapt export`). */
  onlyExternal?: boolean;
  /** Loads `mapt export` for the dev server's export endpoint (vite.config.ts gives it). Default: no endpoint. */
  exporter?: () => Promise<ExportNotebook>;
  /**
   * Where the results of build-time queries and data loaders are cached (absolute, or relative
   * to the Vite root). Default ".mapt/cache".
   */
  cacheDir?: string;
  /**
   * Records the result snapshots and pre-painted charts of the built shipped notebooks (`pages`,
   * relative to `outDir`) once the site and the editing twins (which never pre-paint) are
   * written (`recordSnapshots` of src/cli/snapshots.ts; vite.config.ts and `buildSite` give it).
   * Default: none.
   */
  snapshots?: (outDir: string, pages: string[], log: (line: string) => void) => Promise<unknown>;
}

/** MAPT's own folder: its packages serve notebooks whose folder has none. */
const appRoot = path.resolve(import.meta.dirname, "../..");

/** Where `root` resolves package `name`, else where the app resolves it (a project of notebooks only has no node_modules). */
function resolvePackage(root: string, name: string): string {
  try {
    return createRequire(path.join(root, "package.json")).resolve(name);
  } catch {
    return createRequire(path.join(appRoot, "package.json")).resolve(name);
  }
}
const notebookPrefix = "virtual:mapt/notebook?page=";
// Resolved ids end in ".js": Vite's HTML plugin transforms every id that ends in ".html".
const resolvedSuffix = "&module.js";
const catalogId = "virtual:mapt/catalog";
const catalogDetailsId = "virtual:mapt/catalog-details";
const plotPrefix = "virtual:mapt/plot?members=";
/** Ends a Plot module id whose page may need d3-geo (see plotMayNeedGeo). */
const plotGeoSuffix = "&geo";
/** Ends a Plot module id whose page may name a color scheme other than the defaults (see plotMayNeedAllSchemes). */
const plotSchemesSuffix = "&schemes";
/** How long Vite's file watcher (chokidar) drops further changes of a file after one (its change throttle). */
const watcherThrottleMs = 50;
const d3Prefix = "virtual:mapt/d3?members=";
const arqueroPrefix = "virtual:mapt/arquero?members=";
const inputsPrefix = "virtual:mapt/inputs?members=";
/** All of D3, from its single-file bundle: what the app's own `import("d3")` resolves to (see d3-members.ts). */
const d3AllId = "virtual:mapt/d3-all";

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
  let serving = false;
  const notebooksDir = () => path.join(root, options.notebooksDir ?? "notebooks");
  const dataDir = () => path.join(root, options.dataDir ?? "data");
  const cacheDir = () => path.resolve(root, options.cacheDir ?? path.join(".mapt", "cache"));
  const external = new Map((options.external ?? []).map((e) => [path.resolve(e.page), path.resolve(e.source)]));
  const externalRoots = new Map((options.external ?? []).map((e) => [path.resolve(e.page), e.projectRoot ?? projectRootOf(path.dirname(path.resolve(e.source)))]));
  const pages = new Map<string, NotebookPage>();
  const externalTemplates = new Map((options.external ?? []).map((e) => [path.resolve(e.page), e.template]));
  /**
   * A page's template: a notebook from elsewhere brings its own; the project's notebooks take the
   * one the project's package.json names for them (`notebooks build --template`), read at each
   * render so an edited template shows at the next load.
   */
  const templateOf = (page: string): PageTemplate | undefined => {
    if (external.has(page)) return externalTemplates.get(page);
    const {template} = notebookKitSite(root, page);
    if (template === undefined || !existsSync(template) || path.relative(root, template).startsWith("..")) return undefined;
    return readPageTemplate(readFileSync(template, "utf8"));
  };
  // The dev server's write token: given to the pages it serves (a meta tag), required on every write.
  const saveToken = randomBytes(24).toString("base64url");
  // Files the attach endpoint just wrote: the page that sent them has them, no reload is needed.
  const attached = new Set<string>();
  // The text last sent to open pages for each notebook file (see announceChange).
  const announced = new Map<string, string>();
  /**
   * Tells open pages that a notebook file changed. Vite's file watcher (chokidar) drops a file's
   * change that comes within 50 ms of the one before it (its change throttle): a write right after
   * another (an editor's save just after this page's own) would never reach the pages. So the
   * file is read again once that window is over, and a text the pages have not had is sent too.
   */
  const announceChange = (server: ViteDevServer, file: string, text: string) => {
    const relative = path.relative(root, file).split(path.sep).join("/");
    const module = server.moduleGraph.getModuleById(`\0${notebookPrefix}${relative}${resolvedSuffix}`);
    if (module) server.moduleGraph.invalidateModule(module);
    announced.set(file, text);
    // Open pages update the changed cells in place (src/ui/editor); no reload, no lost state.
    server.ws.send(notebookChange(relative, text));
    const recheck = setTimeout(() => {
      void readFile(file, "utf8").then(
        (now) => {
          if (now === announced.get(file) || !now) return;
          pages.delete(file);
          for (const m of server.moduleGraph.getModulesByFile(file) ?? []) server.moduleGraph.invalidateModule(m);
          announceChange(server, file, now);
        },
        () => {}
      );
    }, watcherThrottleMs * 2);
    recheck.unref?.();
  };
  let plotSources: PlotExportSources | undefined;
  const plotSourcesOf = () => {
    const index = resolvePackage(root, "@observablehq/plot");
    return (plotSources ??= plotExportSources(index, readFileSync(index, "utf8")));
  };
  /** The Plot module id for a page: only the members its cells name, when that can be known. */
  const plotModuleOf = (page: NotebookPage, texts: () => string[]) => {
    const bodies = page.cells.filter((cell) => cell.inputs.includes("Plot")).map((cell) => cell.body);
    // The trajectoryChart builtin draws with the page's Plot: its members join the cells' own.
    const charts = page.cells.some((cell) => cell.inputs.includes("trajectoryChart"));
    if (bodies.length === 0 && !charts) return undefined;
    const members = plotMembers(bodies, new Set(plotSourcesOf().exports.keys()));
    // Every cell: a projection may be named in one cell and drawn in another.
    const geo = plotMayNeedGeo(page.cells.map((cell) => cell.body), members);
    const schemes = plotMayNeedAllSchemes(texts(), members);
    return members && plotPrefix + [...new Set([...members, ...(charts ? trajectoryPlotMembers : [])])].sort().join(",") + (geo ? plotGeoSuffix : "") + (schemes ? plotSchemesSuffix : "");
  };

  let d3: Promise<D3Sources> | undefined;
  // The project's d3 when it has one, else the app's own (a project may hold only notebooks).
  const d3SourcesOf = () => (d3 ??= d3Sources(resolvePackage(root, "d3")));
  /** The D3 module id for a page: only the members its cells name, when that can be known. */
  const d3ModuleOf = async (page: NotebookPage) => {
    const bodies = page.cells.filter((cell) => cell.inputs.includes("d3")).map((cell) => cell.body);
    if (bodies.length === 0) return undefined;
    const members = namespaceMembers(bodies, "d3", new Set((await d3SourcesOf()).exports.keys()));
    return members && d3Prefix + members.join(",");
  };

  /**
   * The Arquero module ids for a built page whose cells (and local modules) name none of Arquero's
   * Arrow writers: Arquero without flechette (see arquero-arrow.ts). The dev server's pages edit
   * in place, so they keep all of it.
   */
  const arqueroModuleOf = (page: NotebookPage, texts: () => string[]) => {
    const bodies = page.cells.filter((cell) => cell.inputs.includes("aq")).map((cell) => cell.body);
    if (serving || bodies.length === 0) return undefined;
    if (arqueroMayNeedArrow(texts())) return undefined;
    // Only the members the cells name, when that can be known; all of the copy for Edit mode.
    const all = arrowlessArqueroId(arqueroIndex());
    const members = namespaceMembers(bodies, "aq", new Set(arqueroSourcesOf().exports.keys()));
    return {members: members ? arqueroPrefix + members.join(",") : all, all};
  };

  /**
   * The Observable Inputs module id for a built page: only the members its cells name, when that
   * can be known. The dev server's pages edit in place, so they keep all of it.
   */
  const inputsModuleOf = (page: NotebookPage) => {
    const bodies = page.cells.filter((cell) => cell.inputs.includes("Inputs")).map((cell) => cell.body);
    if (serving || bodies.length === 0) return undefined;
    const members = namespaceMembers(bodies, "Inputs", new Set(inputsSources().exports.keys()));
    return members && inputsPrefix + members.join(",");
  };

  // The app's Arquero (the `aq` builtin's), read as Plot's index is.
  const arqueroIndex = () => createRequire(path.join(appRoot, "package.json")).resolve("arquero");
  let arqueroSources: PlotExportSources | undefined;
  const arqueroSourcesOf = () => (arqueroSources ??= plotExportSources(arqueroIndex(), readFileSync(arqueroIndex(), "utf8")));

  /** KaTeX's stylesheet, root-relative, for pages whose TeX the build rendered. */
  const texStylesheet = () => "/" + path.relative(root, createRequire(path.join(appRoot, "package.json")).resolve("katex/dist/katex.min.css")).split(path.sep).join("/");
  const sourceOf = (page: string) => external.get(page) ?? page;
  /** The policy of the page a dev-server request names: its notebook's remote hosts and its template's scripts. */
  const policyOfRequest = (url: string): string => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
    } catch {
      return contentSecurityPolicy([], {compile: true});
    }
    const file = path.join(root, pathname);
    if (!isNotebookPage(file) || !existsSync(file)) return contentSecurityPolicy([], {compile: true});
    const {hosts} = remoteHostsOf(readNotebook(readFileSync(sourceOf(file), "utf8")).notebook.extra);
    return contentSecurityPolicy(hosts, {compile: true, scriptHashes: templateOf(file)?.scriptHashes});
  };
  // The folders whose files notebooks may import (`./lib/x.js`): the notebooks' own.
  const moduleDirs = () => [notebooksDir(), ...new Set([...external.values()].map((source) => path.dirname(source)))];
  const isNotebookPage = (file: string) =>
    external.has(file) || (path.dirname(file) === notebooksDir() && file.endsWith(".html"));
  const render = (page: string, text = readFileSync(sourceOf(page), "utf8")) => {
    const relative = path.relative(root, page).split(path.sep).join("/");
    const depth = relative.split("/").length - 1;
    const result = renderNotebookPage(text, {
      moduleId: notebookPrefix + relative,
      rootUrl: "../".repeat(depth) || "./",
      stylesheet: "/src/ui/styles.css",
      startModule: "/src/app/page-start.ts",
      texStylesheet: texStylesheet(),
      // The dev server's pages edit in place; a built page is strict, with an editing twin.
      compile: serving,
      fileName: path.basename(page),
      template: templateOf(page)
    });
    pages.set(page, result);
    return result;
  };

  return {
    name: "mapt:notebooks",
    config(config) {
      root = path.resolve(config.root ?? process.cwd());
      const input: Record<string, string> = {};
      if (!options.onlyExternal) {
        input.index = path.join(root, "index.html");
        if (existsSync(path.join(root, "editor.html"))) input.editor = path.join(root, "editor.html");
        for (const file of listNotebooks(notebooksDir())) input[`notebooks/${path.basename(file, ".html")}`] = file;
      }
      for (const page of external.keys()) input[path.relative(root, page).replace(/\.html$/, "")] = page;
      // No CORS headers (Vite's default answers any local port): only the server's own pages
      // read its files and the write token in them. Set here, so no config can drop it.
      return {appType: "mpa", build: {rollupOptions: {input}}, server: {cors: false}, preview: {cors: false}};
    },
    configResolved(config: ResolvedConfig) {
      root = config.root;
      serving = config.command === "serve";
      resolved = config;
    },
    async buildStart() {
      if (resolved?.command !== "build") return;
      const result = await writeCatalogDatabases(root, dataDir(), resolved.cacheDir, catalogFileEntries(dataDir()));
      if ("skipped" in result) this.warn(`catalog tables ship as CSV, parsed by each page on first use: ${result.skipped}`);
      catalogDatabases = "files" in result ? result.files : new Map();
    },
    async resolveId(id, importer) {
      if (id.startsWith(notebookPrefix)) return `\0${id}${resolvedSuffix}`;
      if (id === catalogId || id === catalogDetailsId || id.startsWith(plotPrefix) || id.startsWith(d3Prefix) || id.startsWith(arqueroPrefix) || id.startsWith(inputsPrefix)) return `\0${id}`;
      // A package a notebook's own module imports resolves beside the module, else from the
      // project, else from MAPT's own install (the packages the app bundles; `npm:` as in cells).
      // One not installed stays a bare import, which fails only the cells that load the module,
      // naming the package.
      if (importer === undefined || id.startsWith("\0") || !isLocalModuleFile(importer, moduleDirs())) return;
      // `./x.js` of a module whose neighbour is `x.ts` (TypeScript projects) loads `x.ts`.
      if (isLocalSpecifier(id)) {
        if (id.startsWith("/") || /[?#]/.test(id)) return;
        const file = path.resolve(path.dirname(importer), id);
        const found = moduleFile(file);
        return found !== undefined && found !== file ? found : undefined;
      }
      const name = id.startsWith("npm:") ? id.slice(4).replace(/^((?:@[^/@]+\/)?[^/@]+)@[^/]*/, "$1") : id;
      if (/^[a-z][a-z0-9+.-]*:/i.test(name)) return;
      for (const from of [importer, path.join(root, "index.html"), path.join(appRoot, "index.html")]) {
        const resolved = await this.resolve(name, from, {skipSelf: true});
        if (resolved) return resolved;
      }
      return {id: name, external: true};
    },
    transform: {
      // Before Vite compiles TypeScript, whose syntax errors would stop the whole build.
      order: "pre",
      async handler(code, id) {
        if (!isLocalModuleFile(id, moduleDirs())) return;
        const replaced = checkedModuleCode(code, id, moduleDirs());
        if (replaced !== undefined) return {code: replaced, map: null};
        // A package imported by its jsDelivr address loads the installed copy when there is one
        // (nothing is fetched); one that is not installed keeps its address (blocked by the page).
        let rewritten = code;
        for (const address of packageAddressesOf(code, id)) {
          if (!(await this.resolve(address.name, path.join(appRoot, "index.html"), {skipSelf: true}))) continue;
          rewritten = rewritten.slice(0, address.start) + JSON.stringify(address.name) + rewritten.slice(address.end);
        }
        return rewritten === code ? undefined : {code: rewritten, map: null};
      }
    },
    async load(id) {
      if (id === `\0${catalogId}`) return catalogModule(dataDir(), catalogDatabases);
      if (id === `\0${catalogDetailsId}`) return catalogDetailsModule(dataDir());
      if (id.startsWith(`\0${d3Prefix}`)) return d3SubsetModule(id.slice(d3Prefix.length + 1).split(",").filter(Boolean), await d3SourcesOf());
      if (id === `\0${d3AllId}`) return d3AllModule(await d3SourcesOf());
      if (id.startsWith(`\0${arqueroPrefix}`)) return arqueroSubsetModule(id.slice(arqueroPrefix.length + 1).split(",").filter(Boolean), arqueroSourcesOf());
      if (id.startsWith(`\0${inputsPrefix}`)) return inputsSubsetModule(id.slice(inputsPrefix.length + 1).split(",").filter(Boolean), inputsSources());
      if (id.startsWith(`\0${plotPrefix}`)) {
        const [list, ...flags] = id.slice(plotPrefix.length + 1).split("&");
        const schemesFile = path.join(path.dirname(resolvePackage(root, "@observablehq/plot")), "scales", "schemes.js");
        const schemes = flags.includes(plotSchemesSuffix.slice(1)) ? allPlotSchemesCode(schemesFile) : undefined;
        return plotSubsetModule(list!.split(",").filter(Boolean), plotSourcesOf(), flags.includes(plotGeoSuffix.slice(1)), schemes);
      }
      // A file of a notebook's folder that is not JavaScript, imported by a module without ?raw or ?url.
      if (!id.startsWith(`\0${notebookPrefix}`)) return nonModuleCode(id, moduleDirs());
      const page = path.join(root, id.slice(notebookPrefix.length + 1, -resolvedSuffix.length));
      const rendered = pages.get(page) ?? render(page);
      const source = sourceOf(page);
      const {attachments, refused} = resolveAttachments(rendered.cells, {notebookDir: path.dirname(source), dataDir: dataDir(), projectRoot: externalRoots.get(page) ?? root});
      const notebookName = source.startsWith(root + path.sep) ? path.relative(root, source).split(path.sep).join("/") : source;
      const located = refused.map((r) => ({...r, message: `${notebookName}, cell ${r.cell}: ${r.message}`}));
      // A build never bundles such a file. The dev server, and `check` (notebooks from elsewhere,
      // checked many at a time), show the refusal on the cell instead of stopping the build.
      if (located.length && !serving && !external.has(page)) this.error(located.map((r) => r.message).join("\n"));
      const cells = rendered.cells.map((cell) => {
        const refusal = located.find((r) => r.cell === cell.id);
        return refusal ? {...cell, body: `function() { throw new Error(${JSON.stringify(refusal.message)}); }`} : cell;
      });
      // SQL cells on DuckDB or SQLite files and data loader cells run here, on this machine
      // (cached; see build-queries.ts and build-loaders.ts).
      const cache = cacheDir();
      const queries = [
        ...(await runBuildQueries(rendered.cells, path.dirname(source), path.join(cache, "queries"))),
        ...(await runBuildLoaders(rendered.cells, path.dirname(source), path.join(cache, "loaders")))
      ];
      const files = localModulesOf(rendered.cells, path.dirname(source));
      // The text of every cell and of the local modules they import (code, not `?raw`/`?url`
      // files), read once when a page needs it: the Plot and Arquero trimming rules look for names in it.
      let read: string[] | undefined;
      const texts = () => (read ??= [...rendered.cells.map((cell) => cell.body), ...localModuleTexts(files.filter((m) => !/\?(raw|url)$/.test(m.path)).map((m) => m.file))]);
      return notebookModule({
        readerEntry: path.join(root, "src/app/reader.ts"),
        cells,
        attachments,
        database: rendered.database,
        plotModule: plotModuleOf(rendered, texts),
        d3Module: await d3ModuleOf(rendered),
        arqueroModule: arqueroModuleOf(rendered, texts),
        inputsModule: inputsModuleOf(rendered),
        edit: {path: path.relative(root, page).split(path.sep).join("/"), sourceFile: source},
        modules: {
          notebook: path.relative(root, source).split(path.sep).join("/"),
          files,
          served: serving,
          packages: projectPackagesOf(rendered.cells, path.dirname(source), externalRoots.get(page) ?? root)
        },
        queries,
        // Under the dev server, a query or program edited since the page loaded runs on request.
        servedResults: serving ? `${buildResultPath}?page=${encodeURIComponent(path.relative(root, page).split(path.sep).join("/"))}&key=` : undefined
      });
    },
    transformIndexHtml: {
      order: "pre",
      handler(html, ctx) {
        const file = path.resolve(ctx.filename);
        let page = html;
        if (isNotebookPage(file)) page = render(file, html).html;
        else if (file === path.join(root, "index.html")) page = renderIndexPage(html, listNotebooks(notebooksDir()), root);
        // Every page states its policy (a notebook page has its own, with its remote hosts). The
        // editor page compiles drafts and links as they run; the index page is strict when built.
        const compile = serving || file === path.join(root, "editor.html");
        if (!/http-equiv="Content-Security-Policy"/i.test(page)) page = afterCharset(page, contentSecurityPolicyMeta([], {compile}));
        // Only pages the dev server renders may write through it.
        if (ctx.server) page = afterCharset(page, saveTokenMeta(saveToken));
        return page;
      }
    },
    async closeBundle() {
      if (resolved?.command !== "build" || !options.snapshots || options.onlyExternal) return;
      const outDir = path.resolve(root, resolved.build.outDir);
      // Every shipped page: those whose cells query DuckDB get snapshots, any that draws a chart gets it pre-painted.
      const shipped = [...pages].filter(([file]) => !external.has(file) && path.dirname(file) === notebooksDir());
      const relative = shipped.map(([file]) => path.relative(root, file).split(path.sep).join("/")).filter((page) => existsSync(path.join(outDir, page)));
      const logger = resolved.logger;
      logger.info(`recording result snapshots and charts of ${relative.length} notebooks…`);
      // Without snapshots the pages still work (charts wait for DuckDB): a failure to record is a warning.
      await options.snapshots(outDir, relative.sort(), (line) => logger.info(`  ${line}`)).catch((error: unknown) =>
        logger.warn(`pages ship without result snapshots: recording them failed: ${error instanceof Error ? error.message : String(error)}`)
      );
    },
    configureServer(server) {
      const target = () => ({root, notebooksDir: notebooksDir()});
      // Every response carries the policy; a notebook page's allows the hosts it lists. Every
      // dev-server page compiles (Edit mode in place, notebooks changed on disk).
      server.middlewares.use((req, res, next) => {
        res.setHeader("content-security-policy", policyOfRequest(req.url ?? "/"));
        next();
      });
      server.middlewares.use(saveEndpointPath, saveMiddleware(target, saveToken));
      server.middlewares.use(attachEndpointPath, attachMiddleware(target, saveToken, (file) => attached.add(path.resolve(file))));
      if (options.exporter) server.middlewares.use(exportEndpointPath, exportMiddleware(() => root, saveToken, options.exporter));
      server.middlewares.use(buildResultPath, buildResultMiddleware(() => ({
        cacheDir: cacheDir(),
        cellsOf: (page) => {
          const file = path.resolve(root, page);
          if (!isNotebookPage(file) || !existsSync(sourceOf(file))) return undefined;
          return {cells: render(file).cells, dir: path.dirname(sourceOf(file))};
        }
      })));
    },
    writeBundle(output) {
      // Each built notebook page gets its editing twin beside it (see editingTwinHtml).
      const outDir = output.dir ?? resolved?.build.outDir;
      if (!outDir) return;
      for (const [file, rendered] of pages) {
        const relative = path.relative(root, file);
        const built = path.resolve(root, outDir, relative);
        if (!existsSync(built)) continue;
        const twin = path.join(path.dirname(built), editingTwinName(path.basename(built)));
        writeFileSync(twin, editingTwinHtml(readFileSync(built, "utf8"), rendered, path.basename(built)));
      }
    },
    async handleHotUpdate({file, server, read}) {
      if (attached.delete(path.resolve(file))) return [];
      if (!isNotebookPage(path.resolve(file))) return;
      pages.delete(path.resolve(file));
      announceChange(server, path.resolve(file), await read());
      // The pages' modules accept their notebook's `?raw` text module (see notebook-module.ts);
      // with no module at all Vite would reload every page showing the file.
      return [...(server.moduleGraph.getModulesByFile(file) ?? [])].filter((m) => m.url.includes("?raw"));
    }
  };
}

/**
 * The app's own `import("d3")` (the d3 builtin when the build could not trim it, `npm:d3`,
 * `require("d3")`, Edit mode) is all of D3 from its single-file bundle, a copy apart from the D3
 * packages Plot and trimmed pages import (see d3-members.ts). Before Vite's resolver, which would
 * resolve "d3" itself.
 */
export function maptD3(): Plugin {
  const appSource = path.join(appRoot, "src") + path.sep;
  return {
    name: "mapt:d3",
    enforce: "pre",
    resolveId: (id, importer) => (id === "d3" && importer?.startsWith(appSource) ? `\0${d3AllId}` : undefined)
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

/** `tag` inserted right after the page's `<meta charset>` (or at the start of its head). */
function afterCharset(html: string, tag: string): string {
  const charset = /<meta charset="[^"]*">\n?/i.exec(html);
  if (charset) return html.slice(0, charset.index + charset[0].length) + tag + "\n" + html.slice(charset.index + charset[0].length);
  return html.replace(/<head>/i, `<head>\n${tag}`);
}
