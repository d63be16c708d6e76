import path from "node:path";
import {describe, expect, it} from "vitest";
import {openSharedFiles} from "../../scripts/curate/shared-files.ts";
import {rowsOf, SHARED_DATA_EXISTS, SHARED_DIR} from "./data-tables.ts";

const funding = rowsOf("humanitarian_funding");
const row = (country: string, year: string, kind: string, code = "") =>
  funding.find((r) => r.country_iso3 === country && r.year === year && r.row_kind === kind && (code === "" || r.plan_code === code));

// Compares with the shared source extract, which lives outside the repository (../shared/data):
// skipped only where it is absent; .ci/run sets MAPT_REQUIRE_SHARED=1 when it exists, so CI runs it.
const required = process.env.MAPT_REQUIRE_SHARED === "1";

describe("humanitarian_funding", () => {
  it.skipIf(!SHARED_DATA_EXISTS && !required)("keeps every row of the shared FTS extract, unverified ones included", () => {
    const source = openSharedFiles(path.resolve(SHARED_DIR)).csv("data/humanitarian-funding/fts_requirements_funding_syria_kenya.csv").rows;
    expect(funding.length).toBe(source.length);
    expect(funding.filter((r) => r.verified === "false").length).toBeGreaterThan(0);
  });

  it("marks rows verified up to 2021 and unverified from 2022, as the provenance states", () => {
    expect(funding.filter((r) => (r.verified === "true") !== (Number(r.year) <= 2021)).map((r) => `${r.country_iso3} ${r.year} ${r.plan_code}`)).toEqual([]);
    expect(funding.filter((r) => Number(r.year) <= 2021 && r.snapshot_check !== "same_in_3_snapshots")).toEqual([]);
  });

  it("holds Kenya's 2008 flash appeal and the funding outside it, with the figures the provenance quotes", () => {
    const flash = row("KEN", "2008", "plan", "FKEN08");
    expect(flash).toMatchObject({requirements_usd: "207568401", funding_usd: "136895869", percent_funded: "66", plan_type: "Flash appeal", start_date: "2008-01-01", end_date: "2008-07-01"});
    expect(row("KEN", "2008", "outside_plans")?.funding_usd).toBe("122809404");
  });

  it("holds Syria's first humanitarian response plan, SHARP 2012, with the figures the provenance quotes", () => {
    expect(row("SYR", "2012", "plan", "CSYR12")).toMatchObject({requirements_usd: "348340163", funding_usd: "215915475"});
  });

  it("puts the neighbours' shares of the Syria regional refugee plans in the Syria case", () => {
    const hosts = funding.filter((r) => !["KEN", "SYR"].includes(r.country_iso3));
    expect([...new Set(hosts.map((r) => r.country_iso3))].sort()).toEqual(["EGY", "IRQ", "JOR", "LBN", "TUR"]);
    expect(hosts.filter((r) => r.case_iso3 !== "SYR" || r.scope !== "syria_regional_refugee_plan_host_share")).toEqual([]);
  });

  it("gives plan ids, names and periods to appeals only, and no requirements to funding outside appeals", () => {
    const bad = funding.filter((r) => r.row_kind === "plan" ? !r.plan_id || !r.plan_name || !r.start_date : r.plan_id || r.requirements_usd || r.percent_funded);
    expect(bad.map((r) => `${r.country_iso3} ${r.year} ${r.row_kind}`)).toEqual([]);
    expect(funding.filter((r) => r.funding_usd === "").length).toBe(0);
  });
});

describe("humanitarian_funding_world", () => {
  const world = rowsOf("humanitarian_funding_world");

  it("has one row per year from 2000 to 2026, every sum larger than Syria's and Kenya's own rows", () => {
    expect(world.map((r) => Number(r.year))).toEqual(Array.from({length: 27}, (_, i) => 2000 + i));
    for (const w of world) {
      const own = funding.filter((r) => r.year === w.year).reduce((s, r) => s + Number(r.funding_usd), 0);
      expect(Number(w.funding_usd_sum), w.year).toBeGreaterThan(own);
    }
  });
});
