import {describe, expect, it} from "vitest";
import {formatCsv, formatNumber, parseCsv} from "../../scripts/curate/csv.ts";
import {splitCodes} from "../../scripts/curate/extract/ucdp-brd.ts";
import {dateInterval} from "../../scripts/curate/tables/events.ts";
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
});
