import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import * as Plot from "@observablehq/plot";
import {caseColors, trajectoryChart, trajectoryChartWith, trajectoryPlotMembers, type TrajectoryChartOptions, type TrajectoryPlot} from "../../src/stdlib/domain/index.ts";

const window = new Window();
const document = window.document as unknown as Document;

/** A Plot SVG with its scales (Plot adds `scale(name)` to the figures it returns). */
type PlotSvg = SVGSVGElement & {scale(name: string): {domain: unknown[]; apply(value: unknown): number}};

const data = [{year: 2006, value: 1}, {year: 2007, value: 3}, {year: 2008, value: 2}];
const events = [
  {date: "2007-12-30", date_precision: "day" as const, kind: "violence", actor: "A", description: "Results announced", source: "Report X"},
  {date: "2008-02", date_precision: "month" as const, kind: "mediation", actor: "Panel", description: "Talks", source: "S/PV.1"}
];

function chart(options: Partial<TrajectoryChartOptions> = {}) {
  const figure = trajectoryChart({data, events, title: "Deaths", source: "UCDP v25.1", document, ...options});
  document.body.replaceChildren(figure); // tips and focus need a connected chart
  const svgs = [...figure.querySelectorAll(":scope > svg")] as PlotSvg[];
  return {figure, lanes: svgs.length > 1 ? svgs[0]! : undefined, series: svgs.at(-1)!};
}

/** The x of a mark drawn as a translated path (Plot's symbols) or a circle. */
function markX(element: Element): number {
  const translate = /translate\(([-\d.]+)/.exec(element.getAttribute("transform") ?? "");
  return Number(translate ? translate[1] : element.getAttribute("cx"));
}

function press(svg: SVGSVGElement, key: string) {
  svg.dispatchEvent(new window.KeyboardEvent("keydown", {key, bubbles: true}) as unknown as Event);
}

/** The text of the tip a chart shows, one line per tip line (Plot starts each line with a zero-width space). */
const tipText = (svg: SVGSVGElement) => (svg.querySelector('g[aria-label="tip"] text')?.textContent ?? "").replaceAll("\u200b", "\n").trim();

describe("trajectoryChart", () => {
  it("trajectoryChart draws the series, one mark per event, a source line and a text alternative", () => {
    const {figure, lanes} = chart({eventSource: "Timeline"});
    expect(figure.querySelector(".mapt-chart-title")!.textContent).toBe("Deaths");
    expect(figure.querySelector("figcaption")!.textContent).toBe("Source: UCDP v25.1; events: Timeline");
    expect(figure.querySelector(".mapt-sr-only")!.textContent).toBe(
      "Line chart of value from 2006 to 2008. 2 events marked: violence (1), mediation (1)."
    );
    expect(lanes!.querySelectorAll('g[aria-label="dot"] path').length).toBe(2);
  });

  it("trajectoryChart draws the same chart with only the Plot members a page's trimmed Plot gives it", () => {
    // A page's Plot module holds only the members its cells name plus trajectoryPlotMembers.
    const trimmed = Object.fromEntries(trajectoryPlotMembers.map((name) => [name, Plot[name]])) as unknown as TrajectoryPlot;
    const countries = [...data.map((d) => ({...d, country: "Kenya"})), ...data.map((d) => ({...d, country: "Syria", value: d.value * 2}))];
    const options = {data: countries, z: "country", events, omissions: [{start: 2006, end: 2007, years: 2, peak: 3}], threshold: 2, title: "Deaths", source: "UCDP v25.1", document};
    const full = trajectoryChart(options).outerHTML;
    expect(trajectoryChartWith(trimmed)(options).outerHTML).toBe(full);
  });

  it("trajectoryChart links a source line given as a node", () => {
    const link = document.createElement("a");
    link.href = "https://ucdp.uu.se/downloads/";
    link.textContent = "UCDP";
    const {figure} = chart({source: link});
    expect(figure.querySelector("figcaption a")!.getAttribute("href")).toBe("https://ucdp.uu.se/downloads/");
  });

  it("trajectoryChart draws lanes and series on one x scale, the legend outside both", () => {
    const countries = [...data.map((d) => ({...d, country: "Kenya"})), ...data.map((d) => ({...d, country: "Syria", value: d.value * 2}))];
    const {lanes, series} = chart({data: countries, z: "country", events: [{date: "2007-07-01", kind: "violence"}]});
    expect(series.tagName.toLowerCase()).toBe("svg");
    expect(lanes!.getAttribute("viewBox")!.split(" ")[2]).toBe(series.getAttribute("viewBox")!.split(" ")[2]);
    for (const date of [new Date(Date.UTC(2005, 0, 1)), new Date(Date.UTC(2008, 6, 1))]) {
      expect(lanes!.scale("x").apply(date)).toBe(series.scale("x").apply(date));
    }
    // The event of 1 July 2007 sits exactly over the series' 2007 value, drawn at mid-year.
    const laneMark = lanes!.querySelector('g[aria-label="dot"] path')!;
    const seriesXs = [...series.querySelectorAll('g[aria-label="dot"] circle')].map(markX);
    expect(seriesXs).toContain(markX(laneMark));
  });

  it("trajectoryChart keeps every marker inside the frame, clear of the lane labels", () => {
    const {lanes} = chart({events: [{date: "2006-01-01", kind: "early_warning"}, {date: "2008-12-31", kind: "omission_or_block"}]});
    const frameLeft = Math.min(...[...lanes!.querySelectorAll('g[aria-label="rule"] line')].map((l) => Number(l.getAttribute("x1"))));
    const marks = [...lanes!.querySelectorAll('g[aria-label="dot"] path')].map(markX);
    expect(Math.min(...marks) - 4.5).toBeGreaterThan(frameLeft);
  });

  it("trajectoryChart shows event details in a Plot tip from the keyboard, never in native titles", () => {
    const {figure, lanes} = chart();
    expect(lanes!.getAttribute("tabindex")).toBe("0");
    lanes!.focus();
    press(lanes!, "End");
    expect(tipText(lanes!)).toContain("2008-02 (known to the month): mediation");
    expect(tipText(lanes!)).toContain("Source: S/PV.1");
    expect(figure.querySelector('[aria-live="polite"]')!.textContent).toContain("Talks");
    press(lanes!, "ArrowLeft");
    expect(tipText(lanes!)).toContain("Results announced");
    press(lanes!, "Escape");
    expect(tipText(lanes!)).toBe("");
    expect(figure.querySelectorAll("title").length).toBe(0);
  });

  it("trajectoryChart data tips give the value, its unit, the year and the source", () => {
    const {series} = chart({unit: "deaths"});
    series.focus();
    press(series, "Home");
    expect(tipText(series)).toBe("2006: 1 deaths\nSource: UCDP v25.1");
  });

  it("trajectoryChart shades an omission window over the whole of its last year, inside the frame", () => {
    const {series} = chart({events: [], omissions: [{start: 2008, end: 2008, years: 1, peak: 2}]});
    const band = series.querySelector('g[aria-label="rect"] rect')!;
    const x = series.scale("x");
    const left = Number(band.getAttribute("x"));
    const right = left + Number(band.getAttribute("width"));
    expect(left).toBeCloseTo(x.apply(new Date(Date.UTC(2008, 0, 1))), 6);
    expect(right).toBeCloseTo(x.apply(new Date(Date.UTC(2009, 0, 1))), 6);
    expect(right).toBeLessThanOrEqual(800 - 20);
  });

  it("trajectoryChart labels each year once, also for a one-year range", () => {
    const labels = (figure: HTMLElement) => [...figure.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    const one = labels(chart({data: [{year: 2008, value: 5}], events: []}).figure);
    expect(one).toEqual(["2008", "2009"]);
    const many = labels(chart({data: Array.from({length: 60}, (_, i) => ({year: 1960 + i, value: i})), events: [], width: 400}).figure);
    expect(new Set(many).size).toBe(many.length);
    expect(many.length).toBeLessThanOrEqual(7);
  });

  it("trajectoryChart holds a bounded index on its own scale and starts counts at zero", () => {
    expect(chart({yDomain: [1, 7]}).series.scale("y").domain).toEqual([1, 7]);
    expect(chart({data: [{year: 2000, value: 50}, {year: 2001, value: 70}]}).series.scale("y").domain[0]).toBe(0);
    expect(chart({data: [{year: 2000, value: -2}, {year: 2001, value: -1}]}).series.scale("y").domain[0]).toBe(-2);
  });

  it("trajectoryChart gives each case its own colour", () => {
    const rows = [{year: 2000, value: 1, country: "Syria"}, {year: 2001, value: 2, country: "Syria"}, {year: 2000, value: 3, country: "Kenya"}, {year: 2001, value: 1, country: "Kenya"}];
    const {series} = chart({data: rows, z: "country", color: caseColors, events: []});
    const strokes = [...series.querySelectorAll('g[aria-label="line"] path')].map((p) => p.getAttribute("stroke"));
    expect(strokes.sort()).toEqual([...caseColors.range].sort());
    const syria = series.scale("color" as string) as unknown as {apply(v: string): string};
    expect(syria.apply("Syria")).toBe(caseColors.range[caseColors.domain.indexOf("Syria")]);
  });

  it("trajectoryChart breaks a line where a series has no data instead of bridging the gap", () => {
    const gappy = [{year: 2000, value: 1}, {year: 2001, value: 2}, {year: 2005, value: 3}, {year: 2006, value: null}, {year: 2007, value: 4}];
    const {series} = chart({data: gappy, events: []});
    expect(series.querySelector('g[aria-label="line"] path')!.getAttribute("d")!.match(/M/g)!.length).toBe(3);
    expect(series.querySelectorAll('g[aria-label="dot"] circle').length).toBe(4);
  });

  it("trajectoryChart refuses a chart without a title or a source", () => {
    expect(() => trajectoryChart({data, title: "", source: "s", document})).toThrow(/title/);
    expect(() => trajectoryChart({data, title: "t", source: "", document})).toThrow(/source/);
  });
});
