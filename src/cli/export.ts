import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import path from "node:path";
import {chromium} from "playwright-core";
import {build, mergeConfig, type Plugin} from "vite";
import {compileCell} from "../compiler/index.ts";
import {isUnrun, readNotebook, serializeNotebook, withUnrun} from "../notebook/index.ts";
import {parseNpmSpecifier} from "../shared/index.ts";
import {maptConfig} from "../vite/index.ts";
import {chromiumArgs, findChromium} from "./chromium.ts";
import {recordPage} from "./record-page.ts";
import type {CellFailure} from "./settle.ts";
import {serveStatic} from "./static-server.ts";
import {assembleSingleFile, type SingleFileParts, type SizeReport} from "./single-file.ts";

/** Options of {@link exportNotebook}. */
export interface ExportOptions {
  /** The project root (its src/ and data/ build the page). */
  root: string;
  /** The notebook file to export. */
  file: string;
  /** Where to write the single file. */
  out: string;
  /** Progress lines. Default: none. */
  log?: (line: string) => void;
  /**
   * Include the database engine: DuckDB-WASM (worker and wasm) and the catalog tables the
   * notebook read, so a query asked for values the export did not record runs in the file.
   * Default: false (the file answers from the recorded results only).
   */
  engine?: boolean;
}

/** What an export wrote, what takes its room, and the cells that failed while it was recorded. */
export interface ExportResult {
  out: string;
  size: SizeReport;
  failures: CellFailure[];
  queries: number;
}

/**
 * Writes one self-contained HTML file for a notebook: the reader's code and styles inlined (no
 * editor), attachments inlined, and every query's result recorded by running the notebook once
 * headless with a real DuckDB, so the file opens from disk with no network and no engine.
 */
export async function exportNotebook(options: ExportOptions): Promise<ExportResult> {
  const {root, log = () => {}} = options;
  const source = path.resolve(options.file);
  const stage = path.join(root, ".mapt", `export-${process.pid}-${Date.now()}`);
  const outDir = mkdtempSync(path.join(tmpdir(), "mapt-export-"));
  mkdirSync(stage, {recursive: true});
  const page = path.join(stage, path.basename(source));
  // Exporting is asking for the notebook's output: a cell saved before it ran (marked `unrun`)
  // runs in the headless recording too (which a deadline bounds), or the file would miss it.
  const {text: staged, unmarked} = withoutUnrunMarks(readFileSync(source, "utf8"));
  writeFileSync(page, staged);
  try {
    if (unmarked.length > 0) log(`cell${unmarked.length === 1 ? "" : "s"} ${unmarked.join(", ")} had not run since ${unmarked.length === 1 ? "its" : "their"} last edit: running ${unmarked.length === 1 ? "it" : "them"} for the export…`);
    log(`building ${path.relative(root, source) || source} as one file…`);
    const base = maptConfig({root, outDir, external: [{page, source}], onlyExternal: true});
    const dataDir = path.join(root, "data") + path.sep;
    const config = mergeConfig(base, {
      define: {"import.meta.env.MAPT_EXPORT": "true"},
      plugins: [withoutUnusedLibraries(readFileSync(source, "utf8"))],
      build: {
        cssCodeSplit: false,
        modulePreload: false,
        // The notebook's own files are inlined; DuckDB's engine and the catalog's tables (which
        // only the engine reads) are left out: the file answers queries from recorded results.
        assetsInlineLimit: (file: string) =>
          !/duckdb.*\.(wasm|js)$/.test(path.basename(file)) && !/\.duckdb$/i.test(file) && !path.resolve(file).startsWith(dataDir)
      }
    });
    // One chunk: an inline module script cannot import other files from file://.
    (config.build!.rollupOptions!.output as Record<string, unknown>).codeSplitting = false;
    await build({...config, configFile: false, logLevel: "warn"});
    const htmlPath = findFile(outDir, (name) => name === path.basename(page));
    const pageUrl = path.relative(outDir, htmlPath).split(path.sep).join("/");
    // The export inlines the notebook's files as data: URLs, which the site's policy does not
    // fetch; the page recorded here may (the single file gets a policy of its own).
    const built = readFileSync(htmlPath, "utf8");
    writeFileSync(htmlPath, built.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src 'self')/i, "$1 data: blob:"));

    log("running it once to record its query results…");
    const server = await serveStatic(outDir);
    const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
    let recorded: unknown[];
    let failures: CellFailure[];
    // The files the page read from the site: with the engine, the catalog tables among them go into the file.
    const requested = new Set<string>();
    try {
      let pageRequests: string[];
      ({results: recorded, failures, requested: pageRequests} = await recordPage(browser, `${server.url}${pageUrl}`, 180_000));
      for (const url of pageRequests) requested.add(url);
    } finally {
      await browser.close();
      await server.close();
    }

    const html = built;
    const read = (url: string) => readFileSync(path.resolve(path.dirname(htmlPath), url), "utf8");
    const parts: SingleFileParts = {
      html,
      readAsset: read,
      frozen: {exported: new Date().toISOString(), source: path.basename(source), results: recorded as never},
      failures,
      engine: options.engine ? engineParts(root, outDir, [...requested]) : undefined
    };
    const {text, size} = assembleSingleFile(parts);
    mkdirSync(path.dirname(path.resolve(options.out)), {recursive: true});
    writeFileSync(options.out, text);
    return {out: options.out, size, failures, queries: recorded.length};
  } finally {
    rmSync(stage, {recursive: true, force: true});
    rmSync(outDir, {recursive: true, force: true});
  }
}

/**
 * DuckDB-WASM's worker and wasm (the bundle every page uses), and the catalog files the recorded
 * page fetched (its `.duckdb` tables, or CSV where the build shipped CSV), by their built names.
 */
function engineParts(root: string, outDir: string, requested: string[]): NonNullable<SingleFileParts["engine"]> {
  const require = createRequire(path.join(root, "package.json"));
  const dist = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  const files = new Map<string, Uint8Array>();
  for (const url of requested) {
    const name = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
    if (!/\.(duckdb|csv|tsv|parquet|arrow|json)$/i.test(name) || files.has(name)) continue;
    const file = path.join(outDir, "assets", name);
    if (existsSync(file)) files.set(name, readFileSync(file));
  }
  return {
    worker: readFileSync(path.join(dist, "duckdb-browser-eh.worker.js")),
    wasm: readFileSync(path.join(dist, "duckdb-eh.wasm")),
    files: [...files].map(([name, bytes]) => ({name, bytes}))
  };
}

function findFile(dir: string, match: (name: string) => boolean): string {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      try {
        return findFile(file, match);
      } catch {
        continue;
      }
    }
    if (match(name)) return file;
  }
  throw new Error(`no ${dir} file matched`);
}

/** Builtins backed by a large library, and the modules to leave out of a file whose cells do not use them. */
const optionalLibraries: Record<string, string[]> = {
  tex: ["katex", "katex/dist/katex.min.css"],
  mermaid: ["mermaid"],
  dot: ["@viz-js/viz"]
};

/** The packages behind Notebook Kit's recommended libraries, by the builtin that loads them. */
const recommendedPackages: Record<string, string[]> = {
  _: ["lodash-es"],
  vl: ["vega", "vega-lite", "vega-lite-api", "vega-interpreter"],
  L: ["leaflet"],
  echarts: ["echarts"],
  React: ["react"],
  ReactDOM: ["react-dom"]
};

/**
 * The stdlib modules that load packages only for a notebook's cells (an `npm:` import, a
 * recommended library, a sample dataset): what they import is left out of a single file whose
 * cells name none of it. The app's own libraries never are.
 */
const notebookOnlyLoaders = /[\\/]src[\\/]stdlib[\\/](npm-import|recommended-libraries|sample-datasets|leaflet|numeric|ndarray-fft)\.ts$/;
const appLibraries = /^(d3|d3-.+|@observablehq\/(plot|inputs|inspector|runtime)|htl|arquero|apache-arrow|@duckdb\/.+|markdown-it|katex|mermaid|@viz-js\/viz|topojson-.+)$/;

/**
 * Whether a single file leaves out the module `id` imported by `importer`: a package (or a sample
 * dataset) that a stdlib loader brings only for cells that ask for it, when no cell of the
 * notebook imports it (`imported`: package names) or names the builtin that loads it (`used`).
 */
export function leftOutOfSingleFile(id: string, importer: string | undefined, used: ReadonlySet<string>, imported: ReadonlySet<string>): boolean {
  // Vite's own modules (`\0vite/preload-helper.js`) and resolved paths are never a package here.
  if (importer === undefined || !notebookOnlyLoaders.test(importer) || id.startsWith("\0") || path.isAbsolute(id)) return false;
  const dataset = /^@observablehq\/sample-datasets\/(\w+)\./.exec(id);
  if (dataset) return !used.has(dataset[1]!);
  // A stdlib wrapper of one package (`./leaflet.ts`) stands for that package.
  const name = id.startsWith("./") ? path.basename(id).replace(/\.ts$/, "") : parseNpmSpecifier(id)?.name;
  if (name === undefined || appLibraries.test(name)) return false;
  const wanted = new Set(imported);
  if (imported.has("lodash")) wanted.add("lodash-es");
  for (const [builtin, packages] of Object.entries(recommendedPackages)) if (used.has(builtin)) for (const p of packages) wanted.add(p);
  return !wanted.has(name);
}

/**
 * Leaves the large libraries of builtins the notebook never names out of its single file (KaTeX
 * with its fonts, Mermaid, Graphviz), and the packages and sample datasets no cell asks for: each
 * becomes a module that says what to do if it is reached.
 */
function withoutUnusedLibraries(text: string): Plugin {
  const compiled = readNotebook(text).notebook.cells.map((cell) => compileCell(cell));
  const used = new Set(compiled.flatMap((cell) => cell.inputs));
  const imported = new Set(compiled.flatMap((cell) => cell.imports.flatMap((specifier) => parseNpmSpecifier(specifier)?.name ?? [])));
  const left = new Map<string, string>();
  for (const [builtin, modules] of Object.entries(optionalLibraries)) if (!used.has(builtin)) for (const id of modules) left.set(id, builtin);
  const prefix = "\0mapt-left-out:";
  return {
    name: "mapt:export-left-out",
    enforce: "pre",
    // A left-out stylesheet is an empty module (an id ending in .css would be read as CSS).
    resolveId(id, importer) {
      if (left.has(id)) return prefix + id.replace(/\.css$/, ".css-left-out");
      if (leftOutOfSingleFile(id, importer, used, imported)) {
        left.set(id, id);
        return prefix + id.replace(/\.css$/, ".css-left-out");
      }
      return undefined;
    },
    load(id) {
      if (!id.startsWith(prefix)) return;
      if (id.endsWith(".css-left-out")) return "export default '';\n";
      const builtin = left.get(id.slice(prefix.length));
      const message = `This exported file leaves out ${builtin}: no cell used it when it was exported. Open the notebook in MAPT Notebooks to use it.`;
      return `const missing = () => { throw new Error(${JSON.stringify(message)}); };\nexport const instance = missing;\nexport default new Proxy({}, {get: () => missing});\n`;
    }
  };
}

/** The notebook's text with no cell marked `unrun` (the same text when none is), and the ids that were. */
export function withoutUnrunMarks(text: string): {text: string; unmarked: number[]} {
  const {notebook} = readNotebook(text);
  const unmarked = notebook.cells.filter(isUnrun).map((cell) => cell.id as number);
  if (unmarked.length === 0) return {text, unmarked};
  return {text: serializeNotebook({...notebook, cells: notebook.cells.map((cell) => withUnrun(cell, false))}), unmarked};
}
