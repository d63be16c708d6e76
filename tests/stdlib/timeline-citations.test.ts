import {describe, expect, it} from "vitest";
import {splitCitations, timelineCitations, unDocuments} from "../../src/stdlib/timeline-citations.ts";

describe("timelineCitations", () => {
  it("splitCitations splits a source field at semicolons outside parentheses", () => {
    expect(splitCitations("ICC-01/09-3 (Request, 26 Nov 2009; filing number unverified); ICC press release, 6 Nov 2009")).toEqual([
      "ICC-01/09-3 (Request, 26 Nov 2009; filing number unverified)",
      "ICC press release, 6 Nov 2009"
    ]);
  });

  it("timelineCitations lists each work once with every event citing it, and flags unverified details", () => {
    const citations = timelineCitations([
      {event_id: "E-2", source: "S/PRST/2008/4; Press, 2008 - unverified"},
      {event_id: "E-1", source: "S/PRST/2008/4"}
    ]);
    expect(citations.map((c) => [c.text, c.eventIds, c.unverified])).toEqual([
      ["Press, 2008 - unverified", ["E-2"], true],
      ["S/PRST/2008/4", ["E-2", "E-1"], false]
    ]);
  });

  it("unDocuments links Security Council and General Assembly symbols, and nothing else", () => {
    expect(unDocuments("S/RES/2118 (2013); S/PV.7038; A/HRC/S-17/2/Add.1; A/67/997-S/2013/553").map((d) => d.url)).toEqual([
      "https://undocs.org/S/RES/2118(2013)",
      "https://undocs.org/S/PV.7038",
      "https://undocs.org/A/HRC/S-17/2/Add.1",
      "https://undocs.org/A/67/997",
      "https://undocs.org/S/2013/553"
    ]);
    expect(unDocuments("OPCW report S/1731/2019; A/HRC/31/CRP.1; SC/10403")).toEqual([]);
  });
});
