import * as Plot from "@observablehq/plot";
import {kindScales} from "./event-kinds.ts";
import {normalizeEvents, type EventSpec, type TimelineEvent} from "./events.ts";
import type {OmissionWindow} from "./omissions.ts";

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
  /** The source line: dataset and version. */
  source: string;
  /** Text alternative for screen readers. Default: a summary of the series and events. */
  alt?: string;
  /** Label of the value axis. Default: the `y` column. */
  yLabel?: string;
  /** Draws a dashed rule at this value. */
  threshold?: number;
  /** Year spans to shade (see `omissionWindows`). */
  omissions?: OmissionWindow[];
  /** Where in its year an annual value is drawn. Default "mid" (1 July). */
  yearAt?: "start" | "mid" | "end";
  width?: number;
  height?: number;
  /** Document to create elements in (Node tests pass one). Default: the page's. */
  document?: Document;
}

/**
 * Indicator trajectories over time with typed, sourced event marks: one lane per event kind
 * (colour and symbol by kind, a tooltip with date, actor, description and source), month- and
 * year-precision events drawn as the span they denote, and faint rules carrying each event down
 * onto the trajectories. Returns a figure with title, source line and a text alternative.
 */
export function trajectoryChart(options: TrajectoryChartOptions): HTMLElement {
  const {x = "year", y = "value", z, title, source, yearAt = "mid", width = 800, height = 320} = options;
  if (!title) throw new Error("trajectoryChart needs a title");
  if (!source) throw new Error("trajectoryChart needs a source line (dataset and version)");
  const doc = options.document ?? document;
  const month = yearAt === "start" ? 0 : yearAt === "mid" ? 6 : 11;
  const day = yearAt === "end" ? 31 : 1;
  const at = (year: number) => new Date(Date.UTC(year, month, day));
  const rows = withGaps(Array.from(options.data, (d): Row => ({...d, __value: d[y] == null ? NaN : Number(d[y])})), x, z)
    .map((d) => ({...d, __date: at(Number(d[x]))}))
    .filter((d) => !Number.isNaN(+d.__date));
  const points = rows.filter((d) => Number.isFinite(d.__value));
  const events = options.events ? normalizeEvents(options.events) : [];
  const kinds = kindScales([...new Set(events.map((e) => e.kind))]);
  const dates = [...points.map((d) => d.__date), ...events.flatMap((e) => [e.start, e.end])];
  if (!dates.length) throw new Error(`trajectoryChart: no rows with a numeric "${y}" and no events to draw`);
  const domain = [new Date(Math.min(...dates.map(Number))), new Date(Math.max(...dates.map(Number)))];
  const color = {domain: kinds.domain, range: kinds.colors};
  const alt = options.alt ?? describe(points, events, {x, y, z, yLabel: options.yLabel ?? y, labels: kinds});

  const figure = doc.createElement("figure");
  figure.className = "mapt-chart";
  const heading = doc.createElement("div");
  heading.className = "mapt-chart-title";
  heading.textContent = title;
  figure.append(heading);
  if (options.subtitle) {
    const subtitle = doc.createElement("div");
    subtitle.className = "mapt-chart-subtitle";
    subtitle.textContent = options.subtitle;
    figure.append(subtitle);
  }
  // Both panels share one left margin so their time axes line up; it fits the longest lane label.
  const longestLabel = Math.max(0, ...kinds.labels.map((label) => label.length));
  const marginLeft = Math.max(60, Math.round(6.2 * longestLabel + 16));
  if (events.length) {
    figure.append(Plot.plot({
      document: doc, width, marginLeft, height: 40 + 24 * kinds.domain.length,
      ariaLabel: `${title}: events by kind`,
      x: {type: "utc", domain, axis: "top", label: null},
      y: {domain: kinds.domain, tickFormat: (k: string) => kinds.labels[kinds.domain.indexOf(k)], label: null},
      color, symbol: {domain: kinds.domain, range: kinds.symbols},
      marks: [
        Plot.ruleY(kinds.domain, {stroke: "currentColor", strokeOpacity: 0.1}),
        Plot.barX(events.filter((e) => e.precision !== "day"), {x1: "start", x2: "end", y: "kind", fill: "kind", fillOpacity: 0.25, insetTop: 6, insetBottom: 6}),
        Plot.dot(events, {x: (e: TimelineEvent) => e.start, y: "kind", symbol: "kind", stroke: "kind", fill: "kind", r: 4.5, title: tooltip})
      ]
    }) as unknown as Node);
  }
  figure.append(Plot.plot({
    document: doc, width, height, marginLeft,
    ariaLabel: title,
    x: {type: "utc", domain, label: null},
    // Counts and other non-negative measures start at zero, so a rise is not exaggerated.
    y: {label: options.yLabel ?? y, grid: true, zero: points.every((d) => d.__value >= 0)},
    color: z ? {legend: true} : undefined,
    marks: [
      options.omissions?.length
        ? Plot.rectX(options.omissions, {x1: (w: OmissionWindow) => new Date(Date.UTC(w.start, 0, 1)), x2: (w: OmissionWindow) => new Date(Date.UTC(w.end + 1, 0, 1)), fill: "#dc2626", fillOpacity: 0.1})
        : null,
      Plot.ruleX(events, {x: (e: TimelineEvent) => e.start, stroke: (e: TimelineEvent) => kinds.colors[kinds.domain.indexOf(e.kind)], strokeOpacity: 0.25}),
      options.threshold !== undefined ? Plot.ruleY([options.threshold], {stroke: "#dc2626", strokeDasharray: "4,3"}) : null,
      Plot.lineY(rows, {x: "__date", y: "__value", stroke: z ?? "currentColor", strokeWidth: 1.75}),
      Plot.dot(points, {x: "__date", y: "__value", stroke: z ?? "currentColor", r: 2, tip: true, title: (d: any) => `${z ? `${d[z]}, ` : ""}${d[x]}: ${formatValue(d.__value)}`})
    ]
  }) as unknown as Node);
  const caption = doc.createElement("figcaption");
  caption.textContent = `Source: ${source}`;
  const description = doc.createElement("p");
  description.className = "mapt-sr-only";
  description.textContent = alt;
  figure.append(caption, description);
  return figure;
}

/** A data row with its parsed value (NaN when missing) and, once placed, its date. */
type Row = Record<string, any> & {__value: number; __date?: Date};

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

function tooltip(e: TimelineEvent): string {
  return `${e.label} (${e.precision} precision)\n${e.actor}\n${e.description}\nSource: ${e.source}`;
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
