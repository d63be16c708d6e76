import {describe, expect, it} from "vitest";
import {formatCsv, formatNumber, parseCsv} from "../../scripts/curate/csv.ts";
import {splitCodes} from "../../scripts/curate/extract/ucdp-brd.ts";
import {dateInterval} from "../../scripts/curate/tables/events.ts";
import {fundingCase, fundingVerified} from "../../scripts/curate/tables/funding.ts";
import {paxCodeRows} from "../../scripts/curate/tables/pax-codes.ts";
import {paxTrack, paxVerified} from "../../scripts/curate/tables/peace-agreements.ts";
import {matchTimelineEvents, maybeTimelineRef, parseAgtIds} from "../../scripts/curate/tables/stakeholders.ts";
import {parseUsDate} from "../../scripts/curate/tables/vetoes.ts";

describe("curation helpers", () => {
  it("parseCsv reads quoted commas, doubled quotes, newlines in quotes and CRLF endings", () => {
    const t = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3\r\n');
    expect(t.header).toEqual(["a", "b"]);
    expect(t.rows).toEqual([{a: "x, y", b: 'say "hi"'}, {a: "two\nlines", b: "3"}]);
  });

  it("formatCsv round-trips through parseCsv and writes empty fields for null", () => {
    const text = formatCsv(["s", "n", "b", "z"], [{s: 'a "q", b', n: 1.5, b: true, z: null}]);
    expect(text).toBe('s,n,b,z\n"a ""q"", b",1.5,true,\n');
    expect(parseCsv(text).rows).toEqual([{s: 'a "q", b', n: "1.5", b: "true", z: ""}]);
  });

  it("formatNumber drops binary noise but keeps the digits a source wrote", () => {
    expect(formatNumber(0.42800000000000005)).toBe("0.428");
    expect(formatNumber(27.4287897129285)).toBe("27.4287897129285");
    expect(formatNumber(-0)).toBe("0");
    expect(() => formatNumber(Number.NaN)).toThrow(/invalid number/);
  });

  it("splitCodes splits UCDP code lists", () => {
    expect(splitCodes("652, 663")).toEqual([652, 663]);
    expect(splitCodes("501")).toEqual([501]);
  });

  it("dateInterval gives the first and last day a truncated date stands for", () => {
    expect(dateInterval("2008-02", "month")).toEqual(["2008-02-01", "2008-02-29"]);
    expect(dateInterval("2007", "year")).toEqual(["2007-01-01", "2007-12-31"]);
    expect(dateInterval("2007-12-30", "day")).toEqual(["2007-12-30", "2007-12-30"]);
    expect(() => dateInterval("2007-12", "day")).toThrow(/invalid date/);
  });

  it("parseUsDate turns M/D/YYYY into ISO", () => {
    expect(parseUsDate("7/19/2012")).toBe("2012-07-19");
    expect(() => parseUsDate("2012-07-19")).toThrow(/M\/D\/YYYY/);
  });

  it("parseAgtIds reads the agreement ids a source names, never the dates in its remarks", () => {
    expect(parseAgtIds("PA-X v6 AgtId 1233, 696, 726 (Part); 1075 signed by Karua only")).toEqual([1233, 696, 726, 1075]);
    expect(parseAgtIds("PA-X v6 AgtId 1441 (Part); date 2015-12-07 in the Jan-2020 release")).toEqual([1441]);
    expect(parseAgtIds("PA-X v6 AgtId 2283 (Part; date 2018-12-17 in the Jan-2020 release), 2343 (Part, v6 only)")).toEqual([2283, 2343]);
    expect(parseAgtIds("domain/kenya-timeline.csv row 2008-01-08")).toEqual([]);
  });

  it("maybeTimelineRef reads single rows, lists and ranges of timeline dates", () => {
    expect(maybeTimelineRef("domain/kenya-timeline.csv row 2007-09 (cites Waki report)")).toEqual({dates: ["2007-09"]});
    expect(maybeTimelineRef("domain/kenya-timeline.csv rows 2009-07-09, 2010-03-31")).toEqual({dates: ["2009-07-09", "2010-03-31"]});
    expect(maybeTimelineRef("domain/syria-timeline.csv rows 2011-11-02 to 2012-01-28")).toEqual({dates: ["2011-11-02", "2012-01-28"], range: ["2011-11-02", "2012-01-28"]});
    expect(maybeTimelineRef("PA-X v6 AgtId 1916 (Part)")).toBeUndefined();
  });

  it("matchTimelineEvents picks the event of the named actor where several share a date, and fails on a date with none", () => {
    const events = [
      {event_id: "KEN-022", case_iso3: "KEN", date: "2008-01-30", actor: "UN Security Council"},
      {event_id: "KEN-023", case_iso3: "KEN", date: "2008-01-30", actor: "United States (Asst. Sec. Jendayi Frazer)"},
      {event_id: "KEN-016", case_iso3: "KEN", date: "2008-01-10", actor: "African Union; parties"},
      {event_id: "SYR-001", case_iso3: "SYR", date: "2008-01-30", actor: "UN Security Council"}
    ];
    expect(matchTimelineEvents({dates: ["2008-01-30"]}, "KEN", "United States (Assistant Secretary Jendayi Frazer)", events)).toEqual(["KEN-023"]);
    expect(matchTimelineEvents({dates: ["2008-01-10"]}, "KEN", "Panel of Eminent African Personalities", events)).toEqual(["KEN-016"]);
    expect(matchTimelineEvents({dates: ["2008-01-01"], range: ["2008-01-01", "2008-01-31"]}, "KEN", "UN Security Council", events)).toEqual(["KEN-022"]);
    expect(() => matchTimelineEvents({dates: ["2008-02-02"]}, "KEN", "UN Security Council", events)).toThrow(/no KEN timeline event for 2008-02-02/);
  });

  it("fundingVerified trusts FTS rows to 2021 only, and refuses a 2021 row that changed between downloads", () => {
    expect(fundingVerified(2021, "same_in_3_snapshots", "row")).toBe(true);
    expect(fundingVerified(2022, "same_in_3_snapshots", "row")).toBe(false);
    expect(fundingVerified(2024, "differs_between_snapshots", "row")).toBe(false);
    expect(() => fundingVerified(2015, "differs_between_snapshots", "row 9")).toThrow(/row 9: 2015 is in the verified years/);
  });

  it("fundingCase files a neighbour's share of the Syria refugee plan under Syria and refuses any other country", () => {
    expect(fundingCase("KEN", "national")).toBe("KEN");
    expect(fundingCase("JOR", "syria_regional_refugee_plan_host_share")).toBe("SYR");
    expect(() => fundingCase("UGA", "regional_plan_kenya_share")).toThrow(/UGA/);
  });

  it("paxTrack and paxVerified read PA-X levels and release checks, and reject values they do not know", () => {
    expect([paxTrack("Intra"), paxTrack("InterIntra"), paxTrack("IntraLocal")]).toEqual(["national", "national", "local"]);
    expect(() => paxTrack("Inter")).toThrow(/unknown PA-X agreement level "Inter"/);
    expect([paxVerified("same_in_2020_release"), paxVerified("changed_since_2020:Dat"), paxVerified("v6_only")]).toEqual([true, true, false]);
    expect(() => paxVerified("maybe")).toThrow(/unknown PA-X check/);
  });

  it("paxCodeRows counts agreements per code and refuses a code it cannot explain", () => {
    const agreement = {case_iso3: "KEN", agt_id: 1, agreement_level: "IntraLocal", stage: "SubPar", stage_sub: "MultIss", civso: 1, tral: 1, gre: 0};
    const rows = paxCodeRows([agreement]);
    expect(rows.find((r) => r.variable === "tral" && r.code === "1")).toMatchObject({n_kenya: 1, n_syria: 0});
    expect(() => paxCodeRows([{...agreement, stage: "Xyz"}])).toThrow(/stage=Xyz \(agreement 1\)/);
  });
});
