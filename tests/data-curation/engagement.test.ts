import {describe, expect, it} from "vitest";
import {rowsOf} from "./data-tables.ts";

const agreements = rowsOf("peace_agreements");
const stakeholders = rowsOf("stakeholders");
const countBy = <T>(rows: T[], key: (r: T) => string) => {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[key(r)] = (counts[key(r)] ?? 0) + 1;
  return counts;
};

describe("peace_agreements", () => {
  it("lists Kenya's national and local agreements and Syria's by PA-X level, as counted in the provenance", () => {
    expect(countBy(agreements, (a) => `${a.case_iso3} ${a.agreement_level}`)).toEqual({
      "KEN Intra": 10, "KEN IntraLocal": 20, "SYR InterIntra": 19, "SYR Intra": 3, "SYR IntraLocal": 85
    });
    expect(agreements.filter((a) => (a.track === "local") !== (a.agreement_level === "IntraLocal"))).toEqual([]);
  });

  it("flags exactly the agreements added after January 2020 as unverified and keeps them", () => {
    expect(agreements.filter((a) => a.verified === "false").map((a) => Number(a.agt_id)).sort((a, b) => a - b))
      .toEqual([2339, 2340, 2342, 2343, 2344, 2345, 2364, 2434, 2436, 2437]);
  });

  it("keeps the v6 date of an agreement whose date PA-X revised, with the 2020 date beside it", () => {
    expect(agreements.find((a) => a.agt_id === "1441")).toMatchObject({date: "2015-12-04", date_in_2020_release: "2015-12-07", verified: "true"});
  });

  it("links every agreement to its page on the PA-X site", () => {
    expect(agreements.filter((a) => a.pax_url !== `https://www.peaceagreements.org/view/${a.agt_id}`)).toEqual([]);
  });
});

describe("pax_codes", () => {
  const codes = rowsOf("pax_codes");

  it("explains every code peace_agreements uses, and its counts add up to the agreements of each case", () => {
    const known = new Set(codes.map((c) => `${c.variable}=${c.code}`));
    for (const variable of ["agreement_level", "stage", "stage_sub", "civso", "tral", "gre"]) {
      const missing = agreements.filter((a) => a[variable] !== "" && !known.has(`${variable}=${a[variable]}`));
      expect(missing.map((a) => `${a.agt_id} ${variable}=${a[variable]}`)).toEqual([]);
    }
    const stages = codes.filter((c) => c.variable === "stage");
    expect(stages.reduce((s, c) => s + Number(c.n_kenya), 0)).toBe(agreements.filter((a) => a.case_iso3 === "KEN").length);
    expect(stages.reduce((s, c) => s + Number(c.n_syria), 0)).toBe(agreements.filter((a) => a.case_iso3 === "SYR").length);
  });
});

describe("stakeholders", () => {
  it("has Kenya's 69 and Syria's 46 rows, every check as counted in the provenance", () => {
    expect(countBy(stakeholders, (s) => s.case_iso3)).toEqual({KEN: 69, SYR: 46});
    expect(countBy(stakeholders, (s) => s.source_check)).toEqual({
      pax: 82, pax_v6_only: 5, single_web_source: 5, timeline: 21, two_web_copies: 1, two_web_sources_partial: 1
    });
  });

  it("keeps unverified rows visible and flagged: only PA-X rows confirmed by 2020 and the twice-copied report are verified", () => {
    expect(stakeholders.filter((s) => (s.verified === "true") !== ["pax", "two_web_copies"].includes(s.source_check)).map((s) => s.stakeholder_id)).toEqual([]);
    expect(stakeholders.filter((s) => s.verified === "false" && !/^(unverified|partly verified|not re-verified)/.test(s.check_note))).toEqual([]);
  });

  it("links PA-X rows to agreements and timeline rows to events that exist", () => {
    const agtIds = new Set(agreements.map((a) => a.agt_id));
    const eventIds = new Set(rowsOf("events").map((e) => e.event_id));
    const split = (text: string) => (text ? text.split("; ") : []);
    const bad = stakeholders.filter((s) => {
      const pax = s.source_check.startsWith("pax");
      return pax !== (s.agt_ids !== "") || (s.source_check === "timeline") !== (s.event_ids !== "") ||
        split(s.agt_ids).some((id) => !agtIds.has(id)) || split(s.event_ids).some((id) => !eventIds.has(id));
    });
    expect(bad.map((s) => s.stakeholder_id)).toEqual([]);
  });

  it("links the Arab League row to the Arab League's events in the range its source names, not to others in between", () => {
    const row = stakeholders.find((s) => s.actor === "League of Arab States");
    const events = new Map(rowsOf("events").map((e) => [e.event_id, e]));
    const linked = row!.event_ids.split("; ").map((id) => events.get(id)!);
    expect(linked.length).toBeGreaterThan(1);
    expect(linked.filter((e) => !/Arab League/.test(e.actor) || e.date < "2011-11-02" || e.date > "2012-01-28")).toEqual([]);
  });

  it("dates every row with an interval that contains its date", () => {
    expect(stakeholders.filter((s) => !s.date_start.startsWith(s.date) || !s.date_end.startsWith(s.date) || s.date_start > s.date_end)).toEqual([]);
  });
});

describe("ethnic_groups", () => {
  it("lists Kenya's eight groups with names checked, and Syria's five in three periods unchecked", () => {
    const groups = rowsOf("ethnic_groups");
    const kenya = groups.filter((g) => g.iso3 === "KEN");
    const syria = groups.filter((g) => g.iso3 === "SYR");
    expect(kenya.length).toBe(8);
    expect(kenya.every((g) => g.name_id_verified === "true")).toBe(true);
    expect(new Set(syria.map((g) => g.group_name)).size).toBe(5);
    expect(new Set(syria.map((g) => g.from_year)).size).toBe(3);
    expect(syria.every((g) => g.name_id_verified === "false")).toBe(true);
  });
});
