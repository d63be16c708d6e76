/** What a builtin needs from the page before a cell can use it. */
export type BuiltinNeed =
  /** The page's DuckDB (the build starts it with the page when a cell names such a builtin). */
  | "database"
  /** A DOM document to build elements in. */
  | "document";

/** What completion, the build and the tests know about one builtin. */
export interface BuiltinInfo {
  /** What the page must provide. Default: nothing. */
  needs?: readonly BuiltinNeed[];
  /** Draws charts: a cell that names it is checked for an SVG by the end-to-end tests. */
  chart?: boolean;
  /**
   * Defined per cell by the runtime glue (`display`, `view`) or by the runtime itself
   * (`invalidation`, `visibility`), not by `createBuiltins`.
   */
  perCell?: boolean;
  /** One line for completion and the keyboard help. */
  doc: string;
}

/**
 * Every name a cell can read without defining it: the one list that completion, the build's
 * "does this page need DuckDB" test, the end-to-end chart checks and `createBuiltins` (whose
 * type requires a definition for each name not `perCell`) read.
 */
export const BUILTINS = {
  Plot: {chart: true, doc: "Observable Plot: Plot.lineY(data, {x, y}).plot()"},
  Inputs: {doc: "Observable Inputs: sliders, selects, tables (use with view())"},
  d3: {doc: "D3, all of it"},
  htl: {doc: "Hypertext Literal: htl.html`...`, htl.svg`...`"},
  html: {needs: ["document"], doc: "html`<b>${x}</b>`: DOM from a template; values stay text"},
  svg: {needs: ["document"], doc: "svg`<circle r=${r}>`: SVG from a template"},
  md: {needs: ["document"], doc: "md`# Title`: Markdown to DOM"},
  tex: {needs: ["document"], doc: "tex`E=mc^2` (inline) and tex.block`...` (display) math with KaTeX"},
  aq: {doc: "Arquero data tables: aq.from(rows).groupby(...)"},
  Arrow: {doc: "Apache Arrow JS (SQL results are Arrow tables)"},
  db: {needs: ["database"], doc: "The page's DuckDB with every catalog table: await db.query(sql)"},
  sql: {needs: ["database"], doc: "sql`SELECT ... ${x}`: a query on db with bound parameters"},
  DuckDBClient: {needs: ["database"], doc: "DuckDBClient.of({name: FileAttachment(...)}): a database of your own tables"},
  FileAttachment: {doc: "FileAttachment(\"file.csv\"): a file beside the notebook (.csv(), .json(), .parquet()...)"},
  width: {doc: "The width of the notebook's column, updated on resize"},
  now: {doc: "The current time, once per frame"},
  Generators: {doc: "Generators.input, .observe, .queue, .width, .now, .dark"},
  Mutable: {doc: "Mutable(value): a value other cells can assign with .value"},
  topojson: {doc: "TopoJSON: topojson.feature(topology, topology.objects.countries) gives GeoJSON for Plot.geo"},
  DOM: {needs: ["document"], doc: "DOM.uid, .canvas, .context2d, .svg, .text, .element, .input, .range, .select, .download"},
  Promises: {doc: "Promises.delay(ms, value), .tick(ms, value), .when(date, value)"},
  dark: {needs: ["document"], doc: "true while the page is dark (its theme, or the reader's preference); updates when that changes"},
  require: {doc: "require(\"d3\"): a package bundled with the app, as an import would give it; nothing is fetched"},
  dot: {needs: ["document"], chart: true, doc: "dot`digraph { warning -> response }`: a Graphviz diagram as SVG"},
  mermaid: {needs: ["document"], chart: true, doc: "mermaid`flowchart LR; warning --> response`: a Mermaid diagram as SVG"},
  _: {doc: "Lodash: _.groupBy(rows, \"key\"), _.range(10), _.debounce(fn, ms)"},
  vl: {needs: ["document"], chart: true, doc: "Vega-Lite API: vl.markBar().data(rows).encode(vl.x().fieldN(\"a\"), vl.y().fieldQ(\"b\")).render()"},
  L: {needs: ["document"], doc: "Leaflet maps: L.map(element).setView([lat, lon], zoom) (map tiles come from the network)"},
  echarts: {needs: ["document"], doc: "Apache ECharts: echarts.init(element).setOption({...})"},
  React: {doc: "React: React.createElement(type, props, ...children)"},
  ReactDOM: {needs: ["document"], doc: "ReactDOM: ReactDOM.createRoot(element).render(...)"},
  duckdb: {doc: "The DuckDB-WASM module (the page's own database is db)"},
  aapl: {doc: "Sample data: Apple's daily stock prices (Date, Open, High, Low, Close, Volume)"},
  alphabet: {doc: "Sample data: the frequency of each letter in English text"},
  cars: {doc: "Sample data: 1970s-80s cars (name, economy, cylinders, power, weight, year...)"},
  citywages: {doc: "Sample data: wages by US city"},
  diamonds: {doc: "Sample data: about 54,000 diamonds (carat, cut, colour, clarity, price...)"},
  flare: {doc: "Sample data: the Flare class hierarchy (name, size)"},
  industries: {doc: "Sample data: US unemployment by industry over time"},
  miserables: {doc: "Sample data: Les Misérables character co-occurrence graph ({nodes, links})"},
  olympians: {doc: "Sample data: athletes of the 2016 Olympics (sex, height, weight, sport, medals...)"},
  penguins: {doc: "Sample data: Palmer Archipelago penguins (species, island, culmen, flipper, body mass, sex)"},
  pizza: {doc: "Sample data: pizza orders"},
  weather: {doc: "Sample data: daily weather in Seattle"},
  cite: {needs: ["database", "document"], doc: "cite(\"source_id\"): the source line of a catalog dataset, with its verification flag; cite.link(id) links it"},
  bibliography: {needs: ["database", "document"], doc: "bibliography({title, sources, cases}): how to cite the notebook, its data sources and timeline citations, with links"},
  trajectoryChart: {chart: true, doc: "trajectoryChart({series, events, ...}): indicator lines with typed, sourced event lanes"},
  responseLags: {doc: "responseLags(events): days from each warning to the first response of each kind"},
  omissionWindows: {doc: "omissionWindows(values, events, {threshold}): years past a threshold with no recorded response"},
  caseColors: {doc: "caseColors: the colour of each case study, a Plot color scale ({domain, range})"},
  normalizeEvents: {doc: "normalizeEvents(rows): timeline rows as typed events"},
  __import: {doc: "Resolves a cell's import of a bundled package (compiler-generated)"},
  __guard: {doc: "Stops a loop that runs too long without a pause (compiler-generated)"},
  __html: {needs: ["document"], doc: "An HTML cell's template: values as text, the author's markup never running script (compiler-generated)"},
  __md: {needs: ["document"], doc: "A Markdown cell's text, rendered by the build, with its values put in place as text or nodes (compiler-generated)"},
  __loader: {doc: "Reads what a data loader cell (Node.js, Python, R) printed when the build ran it (compiler-generated)"},
  __query: {doc: "Reads the result of a SQL cell's query that the build ran on a DuckDB or SQLite file (compiler-generated)"},
  __sql: {doc: "Runs a SQL cell's query with bound parameters, cancelled when the cell re-runs (compiler-generated)"},
  display: {perCell: true, doc: "display(value): show a value in this cell (any number of times)"},
  view: {perCell: true, doc: "view(input): show an input and use its value"},
  invalidation: {perCell: true, doc: "A promise that resolves when this cell is about to re-run"},
  visibility: {perCell: true, doc: "visibility(): resolves when this cell is on screen"}
} as const satisfies Record<string, BuiltinInfo>;

/** A name in {@link BUILTINS}. */
export type BuiltinName = keyof typeof BUILTINS;

type PerCell = {[K in BuiltinName]: (typeof BUILTINS)[K] extends {perCell: true} ? K : never}[BuiltinName];

/** The builtins `createBuiltins` defines (all but the per-cell ones). */
export type PageBuiltinName = Exclude<BuiltinName, PerCell>;

/** Every builtin name a user writes, in {@link BUILTINS} order (without the compiler's own `__` names). */
export const builtinNames: readonly BuiltinName[] = (Object.keys(BUILTINS) as BuiltinName[]).filter((name) => !name.startsWith("__"));

/** Builtins whose use means the page needs `need`. */
export function builtinsThatNeed(need: BuiltinNeed): ReadonlySet<string> {
  return new Set(Object.entries(BUILTINS as Record<string, BuiltinInfo>).filter(([, info]) => info.needs?.includes(need)).map(([name]) => name));
}

/** Builtins that draw charts (see {@link BuiltinInfo.chart}). */
export const chartBuiltins: ReadonlySet<string> = new Set(
  Object.entries(BUILTINS as Record<string, BuiltinInfo>).filter(([, info]) => info.chart).map(([name]) => name)
);
