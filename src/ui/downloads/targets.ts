import {maybeTableData, type TableData} from "../../stdlib/index.ts";

/** Something in a cell's output that downloads: a chart (SVG, PNG) or a table (CSV, Parquet). */
export type DownloadTarget =
  | {kind: "chart"; element: Element; label: string}
  | {kind: "table"; element: Element; table: TableData; label: string};

// Smaller SVGs are icons and legend swatches, not charts.
const MIN_CHART_WIDTH = 60;
const MIN_CHART_HEIGHT = 40;

/**
 * The charts and tables of a cell's output, in page order. A chart is the outermost figure
 * (`<figure>` or a `.mapt-chart`) around an SVG, with its title, legends and caption, or a bare
 * SVG; a table is a SQL result or an `Inputs.table` (whose data the page recorded). `name` (the
 * cell's output name) labels a table that has no label of its own.
 */
export function findDownloadTargets(output: Element, name?: string): DownloadTarget[] {
  const targets: DownloadTarget[] = [];
  const seen = new Set<Element>();
  const tables = [...output.querySelectorAll("figure, form")].flatMap((element) => {
    const table = maybeTableData(element);
    return table ? [{element, table}] : [];
  });
  const inTable = (element: Element) => tables.some((t) => t.element.contains(element));
  for (const element of output.querySelectorAll("svg, figure, form")) {
    const table = tables.find((t) => t.element === element);
    if (table && !tables.some((t) => t !== table && t.element.contains(element))) {
      targets.push({kind: "table", element, table: table.table, label: tableLabel(element, targets, name)});
      continue;
    }
    if (element.localName !== "svg" || element.parentElement?.closest("svg") || inTable(element)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width < MIN_CHART_WIDTH || rect.height < MIN_CHART_HEIGHT) continue;
    const chart = outermostFigure(element, output);
    if (seen.has(chart)) continue;
    seen.add(chart);
    targets.push({kind: "chart", element: chart, label: chartLabel(chart, targets)});
  }
  return targets;
}

function outermostFigure(svg: Element, output: Element): Element {
  let chart: Element = svg;
  for (let e = svg.parentElement; e !== null && e !== output; e = e.parentElement) {
    if (e.localName === "figure" || e.classList.contains("mapt-chart")) chart = e;
  }
  return chart;
}

/** The chart's title (Plot's `<h2>`, a `.mapt-chart-title`, the SVG's label), else "Chart N". */
function chartLabel(chart: Element, before: DownloadTarget[]): string {
  const title = chart.querySelector(":scope > h2, .mapt-chart-title")?.textContent?.trim() || chart.getAttribute("aria-label")?.trim();
  return title || `Chart ${before.filter((t) => t.kind === "chart").length + 1}`;
}

function tableLabel(table: Element, before: DownloadTarget[], name: string | undefined): string {
  const count = before.filter((t) => t.kind === "table").length;
  return table.getAttribute("aria-label")?.trim() || (name && count === 0 ? name : `Table ${count + 1}`);
}

/** A file name for a download: the notebook's and the target's names, lower case, dashes. */
export function downloadName(notebook: string, label: string, extension: string): string {
  const slug = (text: string) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60).replace(/-$/, "");
  return [slug(notebook), slug(label)].filter(Boolean).join("-") + "." + extension;
}
