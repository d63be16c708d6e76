import {describe, expect, it} from "vitest";
import {normalizeEvents, omissionWindows, responseLags} from "../../src/stdlib/domain/index.ts";

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
  const range = (lag: {minDays?: number; maxDays?: number} | undefined) => [lag?.minDays, lag?.maxDays];

  it("responseLags measures from the first warning to the first response of each kind", () => {
    const {warning, lags} = responseLags(events, {responseKinds: ["mediation", "legal_accountability"]});
    expect(warning.label).toBe("2007-10-15");
    expect(lags.map((l) => [l.kind, ...range(l)])).toEqual([["mediation", 87, 87], ["legal_accountability", undefined, undefined]]);
  });

  it("responseLags gives a range when the response is known only to the month", () => {
    const {lags} = responseLags(events, {responseKinds: ["sanctions"]});
    // 1 February 2008 is 109 days after the warning, 29 February 137.
    expect(range(lags[0])).toEqual([109, 137]);
  });

  it("responseLags gives a range when the warning is known only to the month", () => {
    const {warning, lags} = responseLags([{date: "2007-09", kind: "early_warning"}, {date: "2008-01-08", kind: "mediation"}]);
    expect(warning.precision).toBe("month");
    // From 30 September 2007 at the latest, from 1 September at the earliest.
    expect(range(lags[0])).toEqual([100, 129]);
  });

  it("responseLags counts a response on the warning's own day as a lag of zero", () => {
    const sameDay = [{date: "2011-08-18", kind: "sanctions"}, {date: "2011-08-18", kind: "early_warning"}];
    expect(range(responseLags(sameDay).lags[0])).toEqual([0, 0]);
    expect(range(responseLags(sameDay, {warning: new Date(Date.UTC(2011, 7, 18, 15)), responseKinds: ["sanctions"]}).lags[0])).toEqual([0, 0]);
  });

  it("responseLags ignores responses before the warning and keeps kinds that never came", () => {
    const {lags} = responseLags(events);
    expect(lags.find((l) => l.kind === "diplomatic_action")).toEqual({kind: "diplomatic_action"});
  });

  it("responseLags accepts a warning date, for instance an indicator crossing", () => {
    const {lags} = responseLags(events, {warning: "2008", responseKinds: ["mediation"]});
    expect(range(lags[0])).toEqual([0, 9]);
    expect(() => responseLags(events, {warning: "early 2008"})).toThrow(/invalid warning date: "early 2008"/);
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

  it("omissionWindows counts a year-precision response for its year only", () => {
    const windows = omissionWindows(series, [{date: "2003", date_precision: "year", kind: "humanitarian"}], {threshold: 5});
    expect(windows.map((w) => [w.start, w.end])).toEqual([[2001, 2002], [2005, 2006]]);
    const december = omissionWindows(series, [{date: "2002-12", kind: "humanitarian"}], {threshold: 5});
    expect(december.map((w) => [w.start, w.end])).toEqual([[2001, 2001], [2003, 2003], [2005, 2006]]);
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
