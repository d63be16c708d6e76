import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import {normalizeEvents, omissionWindows, responseLags, trajectoryChart} from "../../src/stdlib/domain/index.ts";

describe("normalizeEvents", () => {
  it("normalizeEvents turns each precision into the interval it denotes", () => {
    const [year, month, day] = normalizeEvents([
      {date: "2007", date_precision: "year", kind: "violence"},
      {date: "2008-02", date_precision: "month", kind: "mediation"},
      {date: "2008-02-28", date_precision: "day", kind: "mediation"}
    ]);
    expect([year!.start.toISOString(), year!.end.toISOString()]).toEqual(["2007-01-01T00:00:00.000Z", "2008-01-01T00:00:00.000Z"]);
    expect([month!.start.toISOString(), month!.end.toISOString()]).toEqual(["2008-02-01T00:00:00.000Z", "2008-03-01T00:00:00.000Z"]);
    expect([day!.start.toISOString(), day!.end.toISOString()]).toEqual(["2008-02-28T00:00:00.000Z", "2008-02-29T00:00:00.000Z"]);
  });

  it("normalizeEvents infers precision from the date and names a bad date with its row", () => {
    expect(normalizeEvents([{date: "2011-03", kind: "x"}])[0]!.precision).toBe("month");
    expect(() => normalizeEvents([{date: "2011-03-01", kind: "x"}, {date: "March 2011", kind: "x"}])).toThrow(/event 2: "March 2011"/);
    expect(() => normalizeEvents([{date: "2011-02-30", kind: "x"}])).toThrow(/event 1/);
  });
});

describe("responseLags", () => {
  const events = [
    {date: "2007-06-01", kind: "diplomatic_action"},
    {date: "2007-10-15", kind: "early_warning"},
    {date: "2007-11-01", kind: "early_warning"},
    {date: "2008-01-10", kind: "mediation"},
    {date: "2008-02", date_precision: "month" as const, kind: "sanctions"},
    {date: "2008-03-01", kind: "mediation"}
  ];

  it("responseLags measures from the first warning to the first response of each kind", () => {
    const {warning, lags} = responseLags(events, {responseKinds: ["mediation", "sanctions", "legal_accountability"]});
    expect(warning.toISOString().slice(0, 10)).toBe("2007-10-15");
    expect(lags.map((l) => [l.kind, l.days])).toEqual([["mediation", 87], ["sanctions", 109], ["legal_accountability", undefined]]);
  });

  it("responseLags ignores responses before the warning and keeps kinds that never came", () => {
    const {lags} = responseLags(events);
    expect(lags.find((l) => l.kind === "diplomatic_action")).toEqual({kind: "diplomatic_action"});
  });

  it("responseLags accepts a warning date, for instance an indicator crossing", () => {
    const {lags} = responseLags(events, {warning: "2008", responseKinds: ["mediation"]});
    expect(lags[0]!.days).toBe(9);
  });
});

describe("omissionWindows", () => {
  const series = [2000, 2001, 2002, 2003, 2004, 2005, 2006].map((year, i) => ({year, value: [1, 5, 6, 7, 2, 8, 9][i]!}));

  it("omissionWindows finds runs of years past the threshold with no response", () => {
    const windows = omissionWindows(series, [{date: "2002-05-01", kind: "mediation"}], {threshold: 5});
    expect(windows).toEqual([
      {start: 2001, end: 2001, years: 1, peak: 5},
      {start: 2003, end: 2003, years: 1, peak: 7},
      {start: 2005, end: 2006, years: 2, peak: 9}
    ]);
  });

  it("omissionWindows does not count warnings or omissions as responses", () => {
    const windows = omissionWindows(series, [{date: "2005", kind: "early_warning"}, {date: "2006", kind: "omission_or_block"}], {threshold: 5});
    expect(windows.map((w) => [w.start, w.end])).toEqual([[2001, 2003], [2005, 2006]]);
  });

  it("omissionWindows treats a missing year as a break, and supports 'below' thresholds", () => {
    const gappy = [{year: 2000, value: 9}, {year: 2001, value: null}, {year: 2002, value: 9}];
    expect(omissionWindows(gappy, [], {threshold: 5}).map((w) => w.start)).toEqual([2000, 2002]);
    const low = [{year: 2000, value: 0.2}, {year: 2001, value: 0.1}, {year: 2002, value: 0.6}];
    expect(omissionWindows(low, [], {threshold: 0.3, direction: "below"})).toEqual([{start: 2000, end: 2001, years: 2, peak: 0.1}]);
  });
});

describe("trajectoryChart", () => {
  const document = new Window().document as unknown as Document;
  const data = [{year: 2006, value: 1}, {year: 2007, value: 3}, {year: 2008, value: 2}];
  const events = [
    {date: "2007-12-30", date_precision: "day" as const, kind: "violence", actor: "A", description: "Results announced", source: "Report X"},
    {date: "2008-02", date_precision: "month" as const, kind: "mediation", actor: "Panel", description: "Talks", source: "S/PV.1"}
  ];

  it("trajectoryChart draws the series, one mark per event, a source line and a text alternative", () => {
    const figure = trajectoryChart({data, events, title: "Deaths", source: "UCDP v25.1", document});
    expect(figure.querySelector(".mapt-chart-title")!.textContent).toBe("Deaths");
    expect(figure.querySelector("figcaption")!.textContent).toBe("Source: UCDP v25.1");
    expect(figure.querySelector(".mapt-sr-only")!.textContent).toBe(
      "Line chart of value from 2006 to 2008. 2 events marked: violence (1), mediation (1)."
    );
    const titles = [...figure.querySelectorAll("svg title")].map((t) => t.textContent);
    expect(titles.some((t) => t!.includes("2008-02 (month precision)") && t!.includes("Source: S/PV.1"))).toBe(true);
    expect(figure.querySelectorAll("svg").length).toBeGreaterThanOrEqual(2);
  });

  it("trajectoryChart draws a month-precision event as the span of its month", () => {
    const figure = trajectoryChart({data, events, title: "t", source: "s", document});
    const lane = figure.querySelectorAll("svg")[0]!;
    const spans = lane.querySelectorAll('g[aria-label="bar"] rect');
    expect(spans.length).toBe(1);
    expect(Number(spans[0]!.getAttribute("width"))).toBeGreaterThan(0);
  });

  it("trajectoryChart breaks a line where a series has no data instead of bridging the gap", () => {
    const gappy = [{year: 2000, value: 1}, {year: 2001, value: 2}, {year: 2005, value: 3}, {year: 2006, value: null}, {year: 2007, value: 4}];
    const figure = trajectoryChart({data: gappy, title: "t", source: "s", document});
    const path = figure.querySelector('g[aria-label="line"] path')!.getAttribute("d")!;
    expect(path.match(/M/g)!.length).toBe(3);
    expect(figure.querySelectorAll('g[aria-label="dot"] circle').length).toBe(4);
  });

  it("trajectoryChart starts the value axis at zero for non-negative series only", () => {
    const ticks = (data: Array<{year: number; value: number}>) =>
      [...trajectoryChart({data, title: "t", source: "s", document}).querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks([{year: 2000, value: 50}, {year: 2001, value: 70}])).toContain("0");
    expect(ticks([{year: 2000, value: -2}, {year: 2001, value: -1}])).not.toContain("0");
  });

  it("trajectoryChart refuses a chart without a title or a source", () => {
    expect(() => trajectoryChart({data, title: "", source: "s", document})).toThrow(/title/);
    expect(() => trajectoryChart({data, title: "t", source: "", document})).toThrow(/source/);
  });
});
