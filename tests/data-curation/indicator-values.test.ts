import {describe, expect, it} from "vitest";
import {rowsOf} from "./data-tables.ts";

const countries = rowsOf("countries");
const indicators = rowsOf("indicators");
const values = rowsOf("indicator_values");
const sourceIds = new Set(rowsOf("sources").map((r) => r.source_id));
const indicatorById = new Map(indicators.map((r) => [r.indicator_id, r]));
const iso3s = new Set(countries.map((r) => r.iso3));

/** Plausible bounds per indicator id (first matching pattern wins); scale bounds from `indicators` are checked too. */
const PLAUSIBLE: [RegExp, number, number][] = [
  [/^ucdp_brd_dyads$/, 1, 50],
  [/^ucdp_(brd|ged)_/, 0, 1e6],
  [/^(unhcr|idmc)_/, 0, 2e7],
  [/^vdem_/, 0, 1],
  [/^polity2$/, -10, 10],
  [/^fh_(political_rights|civil_liberties)$/, 1, 7],
  [/^hr_protection$/, -6, 6],
  [/^wdi_infant_mortality$/, 0, 300],
  [/^wdi_population$/, 1e4, 2e9],
  [/^wdi_gdp_pc$/, 1, 2e5],
  [/^(wdi_gdp_pc_growth|ewp_gdppcgrowth)$/, -80, 150],
  [/^wdi_trade_pct_gdp$/, 0, 500],
  [/_log2$/, 0, 40],
  [/^ewp_imr_sqrt$/, 0, 20],
  [/^ewp_mk_ongoing_count$/, 0, 10],
  [/./, -1e12, 1e12]
];

describe("countries", () => {
  it("holds Syria and Kenya as cases and at least ten comparison countries with reasons", () => {
    expect(countries.filter((c) => c.role === "case").map((c) => c.iso3).sort()).toEqual(["KEN", "SYR"]);
    const others = countries.filter((c) => c.role !== "case");
    expect(others.length).toBeGreaterThanOrEqual(10);
    for (const c of others) {
      expect(["regional peer", "contrast"], c.iso3).toContain(c.role);
      expect(iso3s.has(c.peer_of), `${c.iso3} peer_of`).toBe(true);
      expect(c.reason.length, c.iso3).toBeGreaterThan(20);
    }
  });

  it("has a complete crosswalk: every source key of every country is filled", () => {
    for (const c of countries) {
      for (const k of ["iso3", "name", "gwno", "cow", "vdem_country_id", "ewp_name", "owid_name", "wdi_name", "unhcr_name", "vdem_name"]) {
        expect(c[k], `${c.iso3}.${k}`).not.toBe("");
      }
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
    }
  });

  it("has values from every country-wide source for every country (the codes match across sources)", () => {
    const wide = ["ucdp-ged-owid", "unhcr", "vdem-demspaces", "polity5-owid", "freedom-house-owid", "fariss-owid", "wdi", "ewp-sra"];
    const seen = new Set(values.map((v) => `${v.iso3}|${v.source_id}`));
    for (const c of countries) {
      for (const s of wide) {
        if (s === "ucdp-ged-owid" && c.iso3 === "SYR") continue;
        expect(seen.has(`${c.iso3}|${s}`), `${c.iso3} has no ${s} values`).toBe(true);
      }
    }
  });
});

describe("indicators", () => {
  it("gives every indicator a label, unit, direction, description and a known source", () => {
    for (const i of indicators) {
      expect(i.label.length, i.indicator_id).toBeGreaterThan(3);
      expect(i.unit.length, `${i.indicator_id} unit`).toBeGreaterThan(0);
      expect(["higher_more_risk", "higher_less_risk", "neutral"]).toContain(i.direction);
      expect(sourceIds.has(i.source_id), i.indicator_id).toBe(true);
      expect(i.description.length, i.indicator_id).toBeGreaterThan(10);
    }
  });

  it("maps indicators only to the 14 risk factors with a model, lit or interp basis", () => {
    const links = rowsOf("indicator_risk_factor");
    for (const l of links) {
      expect(indicatorById.has(l.indicator_id), l.indicator_id).toBe(true);
      expect(Number(l.risk_factor)).toBeGreaterThanOrEqual(1);
      expect(Number(l.risk_factor)).toBeLessThanOrEqual(14);
      expect(["model", "lit", "interp"]).toContain(l.basis);
    }
  });

  it("has values for every indicator", () => {
    const used = new Set(values.map((v) => v.indicator_id));
    expect(indicators.filter((i) => !used.has(i.indicator_id)).map((i) => i.indicator_id)).toEqual([]);
  });
});

describe("indicator_values", () => {
  it("has no duplicate (country, year, indicator)", () => {
    const keys = values.map((v) => `${v.iso3}|${v.year}|${v.indicator_id}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("uses only known countries, indicators and sources, with the indicator's own source", () => {
    const bad = values.filter((v) => !iso3s.has(v.iso3) || !sourceIds.has(v.source_id) || indicatorById.get(v.indicator_id)?.source_id !== v.source_id);
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("holds only numbers within each indicator's scale and plausible range", () => {
    const bad: string[] = [];
    for (const v of values) {
      const n = Number(v.value);
      const i = indicatorById.get(v.indicator_id);
      const [, lo, hi] = PLAUSIBLE.find(([re]) => re.test(v.indicator_id)) ?? [];
      const scaleLo = i?.scale_min === "" ? -Infinity : Number(i?.scale_min);
      const scaleHi = i?.scale_max === "" ? Infinity : Number(i?.scale_max);
      if (v.value === "" || !Number.isFinite(n) || n < Math.max(lo ?? -Infinity, scaleLo) || n > Math.min(hi ?? Infinity, scaleHi)) {
        bad.push(`${v.iso3} ${v.year} ${v.indicator_id} = ${v.value}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("uses whole years between 1960 and 2025", () => {
    const bad = values.filter((v) => !/^\d{4}$/.test(v.year) || Number(v.year) < 1960 || Number(v.year) > 2025);
    expect(bad.slice(0, 5)).toEqual([]);
  });
});
