import path from "node:path";
import type {Plugin} from "vite";
import {inputsIndex, inputsSources} from "./inputs-members.ts";

/** One import a build points elsewhere: `source` imported by a module matching `importer`. */
export interface ImportRedirect {
  importer: RegExp;
  source: string;
  /**
   * The file the import resolves to instead, or `{from}`: resolved as if `from` imported it, with
   * `query` appended to the resolved id when given (a copy of the module apart from the one
   * everyone else imports; `importer` patterns see importers' queries).
   */
  target: string | {from: string; query?: string};
  /** Why, for the reader of the table. */
  reason: string;
}

const arrowIpc = path.resolve(import.meta.dirname, "../data/arrow-ipc.ts");
/** Marks the reader's copies of Arrow's IPC metadata modules (and of their tables: src/vite/arrow-reading-copies.ts). */
export const arrowReadingQuery = "?mapt-arrow-reading";

/** The build's redirects, each a way to download less on a reader page. */
export const importRedirects: ImportRedirect[] = [
  {
    importer: /@duckdb[\\/]duckdb-wasm[\\/]dist[\\/]duckdb-browser[^/\\]*\.mjs$/,
    source: "apache-arrow",
    target: path.resolve(import.meta.dirname, "../data/arrow-for-duckdb.ts"),
    reason:
      "DuckDB-WASM's main-thread module imports all of apache-arrow (`import * as`), which puts every Arrow module on every page that starts DuckDB; it gets the few members it uses. `import(\"apache-arrow\")` elsewhere (the `Arrow` builtin) still loads all of it, on first use."
  },
  {
    importer: /arquero[\\/]src[\\/]expression[\\/]parse-expression\.js$/,
    source: "acorn",
    target: path.resolve(import.meta.dirname, "../stdlib/js-parser.ts"),
    reason:
      "Arquero parses table expressions with acorn (35 kB gzip, all of it: acorn does not tree-shake); our small parser gives the same tree for them (and for the code Arquero generates, which the interpreter of src/stdlib/generated-code.ts reads), a few kB."
  },
  {
    importer: /@observablehq[\\/]inputs[\\/]/,
    source: "htl",
    // The app's own htl: as its `html` builtin imports it.
    target: {from: path.resolve(import.meta.dirname, "../stdlib/builtins.ts")},
    reason: "Inputs depends on htl 0.3, the same code as the app's htl 1.0: one copy on the page instead of two."
  },
  {
    importer: /[\\/]src[\\/]stdlib[\\/](inputs|npm-import)\.ts$/,
    source: "@observablehq/inputs",
    target: inputsIndex,
    reason:
      "All of Observable Inputs (Edit mode, a page whose cells use `Inputs` as a value) from its modules, one per input, not its single-file dist: the pages that load only the inputs their cells name (see inputs-members.ts) share those modules instead of downloading a second copy."
  },
  {
    importer: /[\\/]src[\\/]stdlib[\\/]inputs-table\.ts$/,
    source: "@observablehq/inputs",
    target: inputsSources().exports.get("table")!.file,
    reason: "A SQL cell's result table needs Inputs' table alone, not every input (~4 kB gzip)."
  },
  ...["plot", "projection"].map((file) => ({
    importer: new RegExp(`@observablehq[\\\\/]plot[\\\\/]src[\\\\/]${file}\\.js$`),
    source: "d3",
    target: path.resolve(import.meta.dirname, "../stdlib/plot-geo.ts"),
    reason:
      "Plot's core imports d3-geo (11 kB gzip) for projections, which most charts never use; it gets functions that call d3-geo once the page's Plot has loaded it (see the next redirect)."
  })),
  {
    importer: /@observablehq[\\/]plot[\\/]src[\\/]marks[\\/]geo\.js$/,
    source: "d3",
    target: path.resolve(import.meta.dirname, "../stdlib/plot-geo-ready.ts"),
    reason: "Plot's geo marks (in all of Plot, and on pages naming them) bring d3-geo and give it to the functions of the redirect above."
  },
  ...[
    {importer: /@observablehq[\\/]plot[\\/]src[\\/]scales[\\/](ordinal|quantitative|diverging)\.js$/, source: "./schemes.js"},
    {importer: /@observablehq[\\/]plot[\\/]src[\\/]scales\.js$/, source: "./scales/schemes.js"}
  ].map(({importer, source}) => ({
    importer,
    source,
    target: path.resolve(import.meta.dirname, "../stdlib/plot-schemes.ts"),
    reason:
      "Plot's schemes module builds every named scheme of d3-scale-chromatic (6.8 kB gzip) as it loads; Plot's scales get the schemes they fall back to when a chart names none, and all of them once the page's Plot provides Plot's own module (all of Plot does, and a trimmed Plot whose page names another scheme: plotMayNeedAllSchemes)."
  })),
  ...["message", "file"].map((file) => ({
    importer: /[\\/]src[\\/]data[\\/]arrow-ipc\.ts$/,
    source: `apache-arrow/ipc/metadata/${file}`,
    target: {from: arrowIpc, query: arrowReadingQuery},
    reason:
      "The reader's Arrow IPC metadata modules are copies apart (the query), whose flatbuffers writer, JSON reader and type assembler the next redirect drops; Arrow's writers (`tableToIPC`, a Parquet file's batches) keep theirs."
  })),
  {
    importer: /[\\/]src[\\/]data[\\/]arrow-ipc\.ts$/,
    source: "apache-arrow/visitor/vectorloader",
    target: {from: arrowIpc, query: arrowReadingQuery},
    reason:
      "The reader's vector loader is a copy apart too: the module also holds Arrow's JSON vector loader, which brings its 64-bit integer parsing (~2 kB gzip); the copy's goes unused and the build drops it."
  },
  ...["flatbuffers", "./json.mjs", "../../visitor/typeassembler.mjs"].map((source) => ({
    importer: new RegExp(`apache-arrow[\\\\/]ipc[\\\\/]metadata[\\\\/](message|file)\\.mjs\\?${arrowReadingQuery.slice(1)}$`),
    source,
    target: path.resolve(import.meta.dirname, "../data/arrow-metadata-reading.ts"),
    reason: "Reading binary Arrow IPC needs flatbuffers' ByteBuffer only: the builder, the JSON reader and the type assembler (writing parts, ~5 kB gzip) stay off reader pages."
  })),
  {
    importer: /apache-arrow[\\/]fb[\\/][^/\\]+\.mjs$/,
    source: "flatbuffers",
    target: path.resolve(import.meta.dirname, "../data/arrow-fb-flatbuffers.ts"),
    reason:
      "Arrow's generated flatbuffers tables import all of flatbuffers and use one constant of it; the reader reads metadata through them, and flatbuffers' Builder (~1.5 kB gzip) would come along. Arrow's writers import the Builder themselves."
  },
  {
    importer: /apache-arrow[\\/]table\.mjs$/,
    source: "./factories.mjs",
    target: path.resolve(import.meta.dirname, "../data/arrow-table-factories.ts"),
    reason:
      "Arrow's Table module imports its builders (~5 kB gzip) for `tableFromArrays` alone, which only all of Arrow exports; the reader's tables get a `vectorFromArray` that calls the builders once all of Arrow has loaded them (see the next redirect)."
  },
  {
    importer: /apache-arrow[\\/]Arrow\.mjs$/,
    source: "./factories.mjs",
    target: path.resolve(import.meta.dirname, "../data/arrow-factories-ready.ts"),
    reason: "All of Arrow (the `Arrow` builtin, `import(\"apache-arrow\")`) brings the builders and gives them to the redirect above."
  }
];

/** Build only: resolves the imports of {@link importRedirects} to their targets. */
export function redirectImports(redirects: ImportRedirect[] = importRedirects): Plugin {
  return {
    name: "mapt:import-redirects",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer) {
      if (importer === undefined) return;
      const file = importer.split("?")[0]!;
      const target = redirects.find((r) => r.source === source && (r.importer.test(file) || r.importer.test(importer)))?.target;
      if (typeof target !== "object") return target;
      const resolved = await this.resolve(source, target.from, {skipSelf: true});
      return resolved && target.query ? {...resolved, id: resolved.id + target.query} : resolved;
    }
  };
}
