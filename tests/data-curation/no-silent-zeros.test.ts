import {describe, expect, it} from "vitest";
import {rowsOf} from "./data-tables.ts";

const values = rowsOf("indicator_values");
const valuesOf = (iso3: string, indicator: RegExp) => values.filter((v) => v.iso3 === iso3 && indicator.test(v.indicator_id));

describe("no silent zeros", () => {
  it("leaves Syria without UCDP GED rows (GED 19.1 does not cover Syria)", () => {
    expect(valuesOf("SYR", /^ucdp_ged_/)).toEqual([]);
  });

  it("has no UCDP battle-death rows for Kenya in 2007-2008 (no state-based dyad is located there)", () => {
    expect(valuesOf("KEN", /^ucdp_brd_/).filter((v) => v.year === "2007" || v.year === "2008")).toEqual([]);
    expect(rowsOf("ucdp_brd_dyads").filter((d) => d.iso3 === "KEN" && (d.year === "2007" || d.year === "2008"))).toEqual([]);
  });

  it("shows the Kenya 2008 violence where UCDP GED records it (all organised violence, more deaths than in 2007)", () => {
    const ged = new Map(valuesOf("KEN", /^ucdp_ged_deaths$/).map((v) => [v.year, Number(v.value)]));
    expect(ged.get("2008")).toBeGreaterThan(ged.get("2007") ?? Infinity);
  });

  it("records Kenya 2007-2008 as explicit EWP zeros (EWP codes the country-years, with no mass killing) and no Kenyan episode", () => {
    const mk = valuesOf("KEN", /^ewp_mk_(ongoing|onset)$/).filter((v) => v.year === "2007" || v.year === "2008");
    expect(mk.map((v) => v.value)).toEqual(["0", "0", "0", "0"]);
    expect(rowsOf("ewp_mass_killing_episodes").filter((e) => e.location_iso3 === "KEN")).toEqual([]);
  });

  it("never writes zero battle deaths or zero active dyads (UCDP lists only dyads with deaths)", () => {
    expect(values.filter((v) => /^ucdp_brd_(best|high|dyads)$/.test(v.indicator_id) && Number(v.value) <= 0)).toEqual([]);
  });

  it("reads UNHCR IDPs only from UNHCR's domestic record: Kenya has no row for end-2007 (no record), 2008 onward it has", () => {
    expect(valuesOf("KEN", /^unhcr_(idps|returned_idps)$/).filter((v) => v.year === "2007")).toEqual([]);
    expect(valuesOf("KEN", /^unhcr_idps$/).some((v) => v.year === "2008" && Number(v.value) > 0)).toBe(true);
  });

  it("gives Kenya no PITF rows (PITF lists only countries with an episode)", () => {
    expect(valuesOf("KEN", /^pitf_/)).toEqual([]);
  });

  it("gives hosted-refugee values for every country (UNHCR covers every country of asylum)", () => {
    const hosts = new Set(values.filter((v) => v.indicator_id === "unhcr_refugees_hosted").map((v) => v.iso3));
    expect(hosts.size).toBe(new Set(rowsOf("countries").map((c) => c.iso3)).size);
  });

  it("writes no empty value fields (a missing value is a missing row)", () => {
    expect(values.filter((v) => v.value === "").slice(0, 5)).toEqual([]);
  });
});
