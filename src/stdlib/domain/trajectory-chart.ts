import type * as PlotModule from "@observablehq/plot";
import {kindScales} from "./event-kinds.ts";
import {normalizeEvents, type EventSpec, type TimelineEvent} from "./events.ts";
import {keyboardTipWith} from "./keyboard-tip.ts";
import type {OmissionWindow} from "./omissions.ts";
import {yearAxis, yearStart} from "./year-axis.ts";

/** Options of {@link trajectoryChart}. `title` and `source` are required: every chart cites. */
export interface TrajectoryChartOptions {
  /** Indicator rows (array, Arrow table or any iterable of objects). */
  data: Iterable<Record<string, any>>;
  /** Column of the year. Default "year". */
  x?: string;
  /** Column of the value. Default "value". */
  y?: string;
  /** Column that splits the data into series (a country, an indicator). Default: one series. */
  z?: string;
  /** Events to mark (timeline rows with date, date_precision, kind, actor, description, source). */
  events?: Iterable<EventSpec>;
  title: string;
  subtitle?: string;
  /** The source line of the data: text, or a node such as `cite.link(id)` (a link to the source). */
  source: string | Node;
  /** The source line of the events, shown after the data's. Default: none. */
  eventSource?: string | Node;
  /** Column holding each row's own source line, for tooltips of charts that mix sources. Default: `source`. */
  sourceColumn?: string;
  /** Text alternative for screen readers. Default: a summary of the series and events. */
  alt?: string;
  /** Label of the value axis. Default: the `y` column. */
  yLabel?: string;
  /** Unit of the values, shown in tooltips ("deaths", "index 0-1"). Default: `yLabel`. */
  unit?: string;
  /**
   * Fixed extent of the value axis, e.g. a bounded index's scale ([1, 7] for Freedom House,
   * [-10, 10] for Polity2). Default: the data's extent, from zero when every value is non-negative.
   */
  yDomain?: [number, number];
  /** Colours of the series (`z`): a Plot color scale's domain and range, e.g. `caseColors`. Default: Plot's scheme. */
  color?: {domain: readonly string[]; range: readonly string[]};
  /** Draws a dashed rule at this value. */
  threshold?: number;
  /** Year spans to shade (see `omissionWindows`), each from 1 January of `start` to the end of `end`. */
  omissions?: OmissionWindow[];
  /** Where in its year an annual value is drawn. Default "mid" (1 July). */
  yearAt?: "start" | "mid" | "end";
  width?: number;
  height?: number;
  /** Document to create elements in (Node tests pass one). Default: the page's. */
  document?: Document;
}

/**
 * The members of Plot that {@link trajectoryChartWith} draws with. A page whose cells call
 * `trajectoryChart` gets them in its trimmed Plot module (src/vite/plugin.ts), so the chart never
 * needs all of Plot.
 */
export const trajectoryPlotMembers = ["barX", "dot", "legend", "lineY", "plot", "pointer", "pointerX", "rectX", "ruleX", "ruleY", "scale", "tip"] as const;

/** The Plot members {@link trajectoryChartWith} needs. */
export type TrajectoryPlot = Pick<typeof PlotModule, (typeof trajectoryPlotMembers)[number]>;

/** Room between the frame's edges and the first and last year, so no marker covers a lane label. */
const edgeInset = 10;
const marginRight = 20;

/**
 * Indicator trajectories over time with typed, sourced event marks: one lane per event kind
 * (colour and symbol by kind), month- and year-precision events drawn as the span they denote,
 * and faint rules carrying each event down onto the trajectories. Both panels share one x scale
 * (same domain, width and margins, no legend inside either), so an event sits exactly over the
 * year it happened. Event and data details show in Plot tips on hover, tap, or the arrow keys
 * once a panel has focus. Returns a figure with title, source line and a text alternative.
 */
export function trajectoryChartWith(Plot: TrajectoryPlot): (options: TrajectoryChartOptions) => HTMLElement {
  const keyboardTip = keyboardTipWith(Plot);
  return (options) => trajectoryChart(Plot, keyboardTip, options);
}

function trajectoryChart(Plot: TrajectoryPlot, keyboardTip: ReturnType<typeof keyboardTipWith>, options: TrajectoryChartOptions): HTMLElement {
  const {x = "year", y = "value", z, title, source, yearAt = "mid", width = 800, height = 320} = options;
  if (!title) throw new Error("trajectoryChart needs a title");
  if (!source) throw new Error("trajectoryChart needs a source line (dataset and version)");
  const doc = options.document ?? document;
  const month = yearAt === "start" ? 0 : yearAt === "mid" ? 6 : 11;
  const day = yearAt === "end" ? 31 : 1;
  const at = (year: number) => new Date(Date.UTC(year, month, day));
  const rows = withGaps(Array.from(options.data, (d): Row => ({...d, __value: d[y] == null ? NaN : Number(d[y])})), x, z)
    .map((d): Placed => ({...d, __date: at(Number(d[x]))}))
    .filter((d) => !Number.isNaN(+d.__date));
  const points = rows.filter((d) => Number.isFinite(d.__value));
  const events = options.events ? normalizeEvents(options.events) : [];
  const omissions = options.omissions ?? [];
  const dates = [
    ...points.map((d) => d.__date),
    ...events.flatMap((e) => [e.start, new Date(+e.end - 1)]),
    ...omissions.flatMap((w) => [yearStart(w.start), yearStart(w.end)])
  ];
  if (!dates.length) throw new Error(`trajectoryChart: no rows with a numeric "${y}" and no events to draw`);
  const kinds = kindScales([...new Set(events.map((e) => e.kind))]);
  // Both panels share one left margin, wide enough for the longest lane label.
  const longestLabel = Math.max(0, ...kinds.labels.map((label) => label.length));
  const marginLeft = Math.max(60, Math.round(6.2 * longestLabel + 16));
  const axis = yearAxis(dates, width - marginLeft - marginRight - 2 * edgeInset);
  const xScale = {type: "utc", domain: axis.domain, ticks: axis.ticks, tickFormat: "%Y", label: null, insetLeft: edgeInset, insetRight: edgeInset} as const;
  const sourceText = typeof source === "string" ? source : source.textContent ?? "";
  const unit = options.unit ?? options.yLabel ?? y;
  const seriesNames = z ? [...new Set(points.map((d) => String(d[z])))] : [];
  const color = z ? seriesColors(Plot, seriesNames, options.color) : undefined;
  const alt = options.alt ?? describe(points, events, {x, y, z, yLabel: options.yLabel ?? y, labels: kinds});

  const figure = doc.createElement("figure");
  figure.className = "mapt-chart";
  const live = doc.createElement("p");
  live.className = "mapt-sr-only";
  live.setAttribute("aria-live", "polite");
  const announce = (text: string) => void (live.textContent = text);
  figure.append(textElement(doc, "div", "mapt-chart-title", title));
  if (options.subtitle) figure.append(textElement(doc, "div", "mapt-chart-subtitle", options.subtitle));
  if (events.length) {
    const eventText = (e: TimelineEvent) => describeEvent(e, kinds);
    figure.append(Plot.plot({
      document: doc, width, marginLeft, marginRight, marginTop: 28, marginBottom: 8, height: 36 + 24 * kinds.domain.length,
      ariaLabel: `${title}: events by kind`,
      // Tips may reach past this short panel, over the series below it.
      style: {overflow: "visible", position: "relative", zIndex: "1"},
      x: {...xScale, axis: "top"},
      y: {domain: kinds.domain, tickFormat: (k: string) => kinds.labels[kinds.domain.indexOf(k)], tickSize: 0, label: null},
      color: {domain: kinds.domain, range: kinds.colors}, symbol: {domain: kinds.domain, range: kinds.symbols},
      marks: [
        Plot.ruleY(kinds.domain, {stroke: "currentColor", strokeOpacity: 0.1}),
        Plot.barX(events.filter((e) => e.precision !== "day"), {x1: "start", x2: "end", y: "kind", fill: "kind", fillOpacity: 0.25, insetTop: 6, insetBottom: 6}),
        Plot.dot(events, {x: "start", y: "kind", symbol: "kind", stroke: "kind", fill: "kind", r: 4.5}),
        Plot.tip(events, Plot.pointer({x: "start", y: "kind", title: eventText, lineWidth: 28})),
        keyboardTip(events, {x: "start", y: "kind", title: eventText, label: `${title}: events by kind`, announce})
      ]
    }) as unknown as Node);
  }
  if (z) figure.append(Plot.legend({document: doc, color: {domain: seriesNames, range: color!}} as PlotModule.LegendScales) as unknown as Node);
  const dataText = (d: Row) => describePoint(d, {x, z, unit, source: options.sourceColumn ? String(d[options.sourceColumn] ?? sourceText) : sourceText});
  const stroke = z ?? "currentColor";
  figure.append(Plot.plot({
    document: doc, width, height, marginLeft, marginRight,
    ariaLabel: title,
    style: {overflow: "visible"},
    x: xScale,
    y: {
      label: options.yLabel ?? y, grid: true, ticks: Math.max(2, Math.round(height / 60)),
      // Counts and other non-negative measures start at zero, so a rise is not exaggerated.
      ...(options.yDomain ? {domain: options.yDomain} : {zero: points.every((d) => d.__value >= 0)})
    },
    color: z ? {domain: seriesNames, range: color!} : undefined,
    marks: [
      omissions.length
        ? Plot.rectX(omissions, {x1: (w: OmissionWindow) => yearStart(w.start), x2: (w: OmissionWindow) => yearStart(w.end + 1), fill: "#dc2626", fillOpacity: 0.12})
        : null,
      Plot.ruleX(events, {x: "start", stroke: (e: TimelineEvent) => kinds.colors[kinds.domain.indexOf(e.kind)], strokeOpacity: 0.25}),
      options.threshold !== undefined ? Plot.ruleY([options.threshold], {stroke: "#dc2626", strokeDasharray: "4,3"}) : null,
      Plot.lineY(rows, {x: "__date", y: "__value", stroke, strokeWidth: 1.75}),
      Plot.dot(points, {x: "__date", y: "__value", stroke, r: 2}),
      Plot.tip(points, Plot.pointerX({x: "__date", y: "__value", title: dataText})),
      keyboardTip(points, {x: "__date", y: "__value", title: dataText, label: `${title}: values by year`, announce})
    ]
  }) as unknown as Node);
  const caption = doc.createElement("figcaption");
  caption.append("Source: ", source);
  if (options.eventSource) caption.append("; events: ", options.eventSource);
  figure.append(caption, textElement(doc, "p", "mapt-sr-only", alt), live);
  return figure;
}

/** A data row with its parsed value (NaN when missing) and, once placed, its date. */
type Row = Record<string, any> & {__value: number; __date?: Date};
type Placed = Row & {__date: Date};

function textElement(doc: Document, tag: string, className: string, text: string): HTMLElement {
  const element = doc.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/** The given colours for the series they name, then Plot's default scheme for the rest. */
function seriesColors(Plot: TrajectoryPlot, names: string[], given: TrajectoryChartOptions["color"]): string[] {
  const fallback = Plot.scale({color: {type: "categorical", domain: names}}).range as string[];
  return names.map((name, i) => {
    const k = given ? given.domain.indexOf(name) : -1;
    return k >= 0 ? given!.range[k]! : fallback[i]!;
  });
}

/**
 * The rows with a NaN value added for every year a series skips, so its line breaks there instead
 * of drawing a straight segment across years with no data.
 */
function withGaps(rows: Row[], x: string, z: string | undefined): Row[] {
  const series = new Map<unknown, Set<number>>();
  for (const d of rows) {
    const key = z ? d[z] : undefined;
    if (!series.has(key)) series.set(key, new Set());
    if (Number.isFinite(d.__value)) series.get(key)!.add(Number(d[x]));
  }
  const gaps: Row[] = [];
  for (const [key, years] of series) {
    const sorted = [...years].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      for (let year = sorted[i - 1]! + 1; year < sorted[i]!; year++) gaps.push({[x]: year, ...(z ? {[z]: key} : {}), __value: NaN});
    }
  }
  return [...rows, ...gaps].sort((a, b) => Number(a[x]) - Number(b[x]));
}

const precisionNote = {day: "", month: " (known to the month)", year: " (known to the year)"} as const;

/** An event's tip: date and its precision, kind and actor, what happened, and its source. */
function describeEvent(e: TimelineEvent, kinds: ReturnType<typeof kindScales>): string {
  const kind = kinds.labels[kinds.domain.indexOf(e.kind)];
  return `${e.label}${precisionNote[e.precision]}: ${kind}\n${e.actor}\n${e.description}\nSource: ${e.source}`;
}

/** A data point's tip: series, year, value with unit, and source. */
function describePoint(d: Row, o: {x: string; z?: string; unit: string; source: string}): string {
  return `${o.z ? `${d[o.z]}\n` : ""}${d[o.x]}: ${formatValue(d.__value)} ${o.unit}\nSource: ${o.source}`;
}

function formatValue(value: number): string {
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString("en-US") : String(Math.round(value * 1000) / 1000);
}

/** The default text alternative: what is plotted, over which years, and how many events of each kind. */
function describe(rows: Array<Record<string, any>>, events: TimelineEvent[], o: {x: string; y: string; z?: string; yLabel: string; labels: ReturnType<typeof kindScales>}): string {
  const years = rows.map((d) => Number(d[o.x]));
  const series = o.z ? [...new Set(rows.map((d) => String(d[o.z!])))] : [];
  const span = years.length ? `from ${Math.min(...years)} to ${Math.max(...years)}` : "with no data";
  const counts = o.labels.domain.map((k, i) => `${o.labels.labels[i]} (${events.filter((e) => e.kind === k).length})`);
  return `Line chart of ${o.yLabel} ${span}${series.length ? ` for ${series.join(", ")}` : ""}.` +
    (events.length ? ` ${events.length} events marked: ${counts.join(", ")}.` : "");
}
