import {describe, expect, it} from "vitest";
import {rowsOf} from "./data-tables.ts";

const KINDS = ["domestic_event", "violence", "early_warning", "diplomatic_action", "mediation", "sanctions", "humanitarian",
  "legal_accountability", "military_action", "omission_or_block"];
const PATTERN: Record<string, RegExp> = {day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/};
const isIsoDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

describe("events", () => {
  const events = rowsOf("events");

  it("covers both cases", () => {
    expect([...new Set(events.map((e) => e.case_iso3))].sort()).toEqual(["KEN", "SYR"]);
  });

  it("uses only the documented kinds", () => {
    expect(events.filter((e) => !KINDS.includes(e.kind)).map((e) => e.event_id)).toEqual([]);
  });

  it("has ISO dates that match their precision and an interval that contains them", () => {
    const bad = events.filter((e) => {
      const pattern = PATTERN[e.date_precision];
      return !pattern || !pattern.test(e.date) || !isIsoDay(e.date_start) || !isIsoDay(e.date_end) ||
        e.date_start > e.date_end || !e.date_start.startsWith(e.date) || !e.date_end.startsWith(e.date);
    });
    expect(bad.map((e) => `${e.event_id} ${e.date} ${e.date_precision}`)).toEqual([]);
  });

  it("flags exactly the events whose source says unverified", () => {
    expect(events.filter((e) => (e.unverified === "true") !== /unverified/i.test(e.source)).map((e) => e.event_id)).toEqual([]);
    expect(events.some((e) => e.unverified === "true")).toBe(true);
  });

  it("gives every event an actor, description and source", () => {
    expect(events.filter((e) => !e.actor || !e.description || !e.source).map((e) => e.event_id)).toEqual([]);
  });
});

describe("unsc_vetoes", () => {
  const vetoes = rowsOf("unsc_vetoes");

  it("has ISO dates, a year that matches and at least one vetoing member per row", () => {
    const bad = vetoes.filter((v) => !isIsoDay(v.date) || !v.date.startsWith(v.year) || v.vetoing_members === "");
    expect(bad.map((v) => v.veto_id)).toEqual([]);
  });

  it("derives the member booleans from the member names", () => {
    const members = {china: "China", france: "France", russia: "Russia", ussr: "USSR", usa: "USA", uk: "UK"};
    const bad = vetoes.filter((v) => Object.entries(members).some(([col, name]) => (v[col] === "true") !== v.vetoing_members.split("; ").includes(name)));
    expect(bad.map((v) => v.veto_id)).toEqual([]);
  });

  it("lists the 17 Syria vetoes of 2011-2022, each by Russia", () => {
    const syria = vetoes.filter((v) => v.crisis_topic === "Syria");
    expect(syria.length).toBe(17);
    expect(syria.every((v) => v.russia === "true" && v.date >= "2011-10-04")).toBe(true);
  });
});

describe("Framework of Analysis", () => {
  it("has the 14 risk factors with their check status visible", () => {
    const rf = rowsOf("foa_risk_factors");
    expect(rf.map((r) => r.risk_factor)).toEqual(Array.from({length: 14}, (_, i) => String(i + 1)));
    expect(rf.filter((r) => r.definition_verified === "false").length).toBeGreaterThan(0);
  });

  it("keeps the unverified flag and strips the prefix from the text", () => {
    const ind = rowsOf("foa_indicators");
    expect(ind.filter((r) => r.summary.startsWith("[unverified]"))).toEqual([]);
    expect(ind.some((r) => r.unverified === "true") && ind.some((r) => r.unverified === "false")).toBe(true);
    expect(ind.filter((r) => r.unverified === "true" && r.checked_against !== "").map((r) => r.indicator_id)).toEqual([]);
    expect(new Set(ind.map((r) => r.risk_factor)).size).toBe(14);
  });
});

describe("EWP tables", () => {
  it("has a forecast for every assessed country, with probabilities and ranks, including Syria and Kenya", () => {
    const f = rowsOf("ewp_forecasts");
    expect(f.filter((r) => !(Number(r.risk_2025_2026) >= 0 && Number(r.risk_2025_2026) <= 1))).toEqual([]);
    expect(new Set(f.map((r) => r.rank_2025_2026)).size).toBe(f.length);
    expect(f.filter((r) => r.iso3 === "SYR" || r.iso3 === "KEN").length).toBe(2);
  });

  it("lists Syria's three mass-killing episodes", () => {
    expect(rowsOf("ewp_mass_killing_episodes").filter((e) => e.location_iso3 === "SYR").map((e) => e.episode_code).sort())
      .toEqual(["syr1979s1", "syr2011s1", "syr2012ns1"]);
  });
});
