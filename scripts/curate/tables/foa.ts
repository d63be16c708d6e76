import type {Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";

const PREFIX = "[unverified] ";
const DOMAIN_FILE = "domain/framework-of-analysis.csv";
const UN_RISK_FACTORS = "data/un-framework-of-analysis/foa_risk_factors.csv";
const UN_INDICATORS = "data/un-framework-of-analysis/foa_indicators_partial.csv";

/** What the shared files say about how a text was checked. */
const CHECK_NOTES: Record<string, string> = {
  "secondary-page": "matches a published transcription of the Framework (thewestpapuagenocidemonitor.org), small typos normalised",
  "not-verified": "written from the UN text as the compiler knew it; not checked against the PDF",
  "not-transcribed": "not transcribed"
};

/** The `foa_indicators` table: every indicator row of the domain CSV with its verification flag. */
export function foaIndicatorRows(files: SharedFiles): Record<string, Cell>[] {
  const quoted = new Map(files.csv(UN_INDICATORS).rows.map((r) => [r.indicator, r]));
  return files.csv(DOMAIN_FILE).rows.map((r) => {
    const unverified = r.indicator_summary.startsWith(PREFIX);
    const q = quoted.get(r.indicator_id);
    return {
      risk_factor: Number(r.factor_id), indicator_id: r.indicator_id, scope: r.scope,
      summary: unverified ? r.indicator_summary.slice(PREFIX.length) : r.indicator_summary,
      unverified, placeholder: r.indicator_id.endsWith(".x"),
      un_text: q?.text ?? null,
      checked_against: q ? "UN wording in shared data/un-framework-of-analysis/foa_indicators_partial.csv (from a published transcription)"
        : unverified ? null : "a published transcription of the Framework (domain/framework-of-analysis.md, WPGM)"
    };
  });
}

/** The `foa_risk_factors` table: the 14 risk factors with definitions and their check status. */
export function foaRiskFactorRows(files: SharedFiles, indicators: readonly Record<string, Cell>[]): Record<string, Cell>[] {
  const names = new Map(files.csv(DOMAIN_FILE).rows.map((r) => [Number(r.factor_id), r]));
  return files.csv(UN_RISK_FACTORS).rows.map((r) => {
    const id = Number(r.risk_factor);
    const own = indicators.filter((i) => i.risk_factor === id && !i.placeholder);
    const domain = names.get(id);
    if (domain && domain.factor_name !== r.title) throw new Error(`risk factor ${id} title differs: ${domain.factor_name} / ${r.title}`);
    return {
      risk_factor: id, title: r.title, kind: r.kind, crime: r.crime, scope: domain?.scope ?? null,
      definition: r.definition === "" ? null : r.definition,
      definition_check: r.text_check, definition_verified: r.text_check === "secondary-page",
      definition_check_note: CHECK_NOTES[r.text_check] ?? r.text_check,
      n_indicators: own.length, n_indicators_verified: own.filter((i) => !i.unverified).length,
      indicator_list_incomplete: indicators.some((i) => i.risk_factor === id && i.placeholder)
    };
  });
}
