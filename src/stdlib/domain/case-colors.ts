/**
 * The colour of each case study, the same in every notebook and chart (a Plot color scale:
 * `color: {legend: true, ...caseColors}`). Cases are named as in the catalog's `countries` table.
 */
export const caseColors: {readonly domain: readonly string[]; readonly range: readonly string[]} = Object.freeze({
  domain: Object.freeze(["Kenya", "Syria"]),
  range: Object.freeze(["#0891b2", "#b91c1c"])
});
