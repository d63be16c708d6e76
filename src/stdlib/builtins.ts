import {DuckDBClient, type DuckDBClientOfOptions, type DuckDBSource} from "../data/index.ts";
import {darkMode} from "./dark.ts";
import {toBuiltinContext, type BuiltinContext, type BuiltinContextSpec} from "./context.ts";
import {createFileAttachment} from "./file-attachments.ts";
import type {PageBuiltinName} from "./builtin-names.ts";
import {sampleDatasetNames, type SampleDatasetName} from "./sample-dataset-names.ts";
import {Generators} from "./generators.ts";
import {Mutable} from "./mutable.ts";
import {now} from "./now.ts";
import {Promises} from "./promises.ts";
import {createLoopGuard, pageLoopLimit} from "./loop-guard.ts";
import {sqlTag} from "./sql-tag.ts";
import {loadTex} from "./tex.ts";
import {width} from "./width.ts";
import type {TrajectoryPlot} from "./domain/trajectory-chart.ts";

/** Runtime builtins: name → zero-argument definition, called only when a cell uses the name. */
export type Builtins = Record<PageBuiltinName, () => unknown>;

/**
 * The builtins of every cell, for `new Runtime(builtins)`: one definition per name of `BUILTINS`
 * (src/stdlib/builtin-names.ts) that is not per cell. Libraries load with dynamic `import()` the
 * first time a cell names them, so a page downloads Plot only if a cell uses `Plot`.
 */
export function createBuiltins(spec: BuiltinContextSpec): Builtins {
  const context = toBuiltinContext(spec);
  return {
    Plot: () => context.plot(),
    Inputs: () => context.inputs(),
    d3: () => context.d3(),
    htl: () => import("htl"),
    html: async () => (await import("htl")).html,
    svg: async () => (await import("htl")).svg,
    md: () => import("./md.ts").then((m) => m.createMd(requireDocument(context, "md"))),
    tex: () => loadTex(requireDocument(context, "tex")),
    aq: () => context.aq(),
    Arrow: () => import("apache-arrow"),
    db: () => context.queryDatabase(),
    sql: () => (strings: TemplateStringsArray, ...values: unknown[]) => context.queryDatabase().then((db) => db.sql(strings, ...values)),
    DuckDBClient: () => pageDuckDBClient(context),
    FileAttachment: () => createFileAttachment(context),
    width: () => width(context.root),
    now: () => now(),
    Generators: () => ({...Generators, dark: () => darkMode(requireDocument(context, "Generators.dark"))}),
    Mutable: () => Mutable,
    topojson: () => import("topojson-client"),
    DOM: () => import("./dom.ts").then((m) => m.createDom(requireDocument(context, "DOM"))),
    Promises: () => Promises,
    dark: () => darkMode(requireDocument(context, "dark")),
    require: () => import("./npm-import.ts").then((m) => m.requirePackage),
    dot: () => import("./dot.ts").then((m) => m.loadDot(requireDocument(context, "dot"))),
    mermaid: () => import("./mermaid.ts").then((m) => m.loadMermaid(requireDocument(context, "mermaid"))),
    __import: () => import("./npm-import.ts").then((m) => (specifier: string, options?: {names?: string[]}) => m.importModule(specifier, context.modules, options?.names)),
    __md: () => import("./md-fill.ts").then((m) => m.createPrerenderedMd(requireDocument(context, "Markdown"))),
    __html: () => import("./html-cell.ts").then((m) => m.htmlCell),
    __sql: () => sqlTag,
    __query: () => import("./build-query.ts").then((m) => m.buildQuery(context.queries, context.fetch)),
    __loader: () => import("./build-loader.ts").then((m) => m.buildLoader(context)),
    __guard: () => createLoopGuard(() => pageLoopLimit(globalThis.location ?? {search: ""}, context.root)),
    _: () => import("./recommended-libraries.ts").then((m) => m.loadLodash()),
    vl: () => import("./recommended-libraries.ts").then((m) => m.loadVegaLite()),
    L: () => import("./recommended-libraries.ts").then((m) => m.loadLeaflet()),
    echarts: () => import("./recommended-libraries.ts").then((m) => m.loadECharts()),
    React: () => import("./recommended-libraries.ts").then((m) => m.loadReact()),
    ReactDOM: () => import("./recommended-libraries.ts").then((m) => m.loadReactDOM()),
    duckdb: () => import("./recommended-libraries.ts").then((m) => m.loadDuckDBModule()),
    ...sampleDatasets(),
    cite: () => context.queryDatabase().then((db) => import("./cite.ts").then((m) => m.loadCite(db, requireDocument(context, "cite")))),
    bibliography: () => context.queryDatabase().then((db) => import("./bibliography.ts").then((m) => m.loadBibliography(db, requireDocument(context, "bibliography")))),
    // Domain helpers (src/stdlib/domain): event timelines over indicator trajectories.
    // Each from its own module, never domain/index.ts (which holds all of Plot): the chart draws
    // with the page's Plot, which the build trimmed to the members the page needs.
    trajectoryChart: () => Promise.all([import("./domain/trajectory-chart.ts"), context.plot()]).then(([m, Plot]) => m.trajectoryChartWith(Plot as TrajectoryPlot)),
    responseLags: () => import("./domain/lags.ts").then((m) => m.responseLags),
    omissionWindows: () => import("./domain/omissions.ts").then((m) => m.omissionWindows),
    caseColors: () => import("./domain/case-colors.ts").then((m) => m.caseColors),
    normalizeEvents: () => import("./domain/events.ts").then((m) => m.normalizeEvents)
  };
}

/** The sample datasets' builtins: their loaders (a chunk per file) load with the first one a cell names. */
function sampleDatasets(): Record<SampleDatasetName, () => Promise<unknown>> {
  const load = (name: SampleDatasetName) => () => import("./sample-datasets.ts").then((m) => m.SAMPLE_DATASETS[name]());
  return Object.fromEntries(sampleDatasetNames.map((name) => [name, load(name)])) as Record<SampleDatasetName, () => Promise<unknown>>;
}

/** `DuckDBClient` whose `of` creates its databases in the page's DuckDB instance. */
function pageDuckDBClient(context: BuiltinContext): typeof DuckDBClient {
  return class extends DuckDBClient {
    static override async of(sources: Record<string, DuckDBSource> = {}, options: DuckDBClientOfOptions = {}): Promise<DuckDBClient> {
      // The page's engine, and its way of loading files: progress on the page, its memory budget.
      const page = await context.database();
      return DuckDBClient.of(sources, {load: page.load, ...options, instance: options.instance ?? page.instance});
    }
  };
}

function requireDocument(context: BuiltinContext, name: string): Document {
  if (context.document === undefined) throw new Error(`${name} needs a document: there is none here (pass one in the builtin context)`);
  return context.document;
}
