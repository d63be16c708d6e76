import {maybeNumber, type Cell} from "../csv.ts";
import type {SharedFiles} from "../shared-files.ts";

const FILE = "data/ethnic-groups/geoepr2019_kenya_syria_groups.csv";
const ISO3_BY_GWID: Record<number, string> = {501: "KEN", 652: "SYR"};
const CHECKS: Record<string, boolean> = {name_and_id_match_second_source: true, single_copy: false};

/** The `ethnic_groups` table: GeoEPR 2019 groups of Kenya and Syria, by country, group and period. */
export function ethnicGroupRows(files: SharedFiles): Record<string, Cell>[] {
  return files.csv(FILE).rows.map((r, i) => {
    const where = `${FILE} row ${i + 2}`;
    const number = (column: string) => {
      const n = maybeNumber(r[column]);
      if (n === undefined || !Number.isInteger(n)) throw new Error(`${where}: ${column} is not a whole number: ${JSON.stringify(r[column])}`);
      return n;
    };
    const gwid = number("gwid");
    const iso3 = ISO3_BY_GWID[gwid];
    if (!iso3) throw new Error(`${where}: gwid ${gwid} is neither Kenya (501) nor Syria (652)`);
    // The umbrella column is empty for both countries (a null marker in the .dbf); it is left out, so a value would be lost.
    if (r.umbrella.trim() !== "") throw new Error(`${where}: umbrella group ${JSON.stringify(r.umbrella)} would be dropped`);
    if (!(r.check in CHECKS)) throw new Error(`${where}: unknown check ${JSON.stringify(r.check)}`);
    const groupId = number("groupid");
    if (number("gwgroupid") !== gwid * 100000 + groupId) throw new Error(`${where}: gwgroupid ${r.gwgroupid} is not gwid x 100000 + groupid`);
    return {
      iso3, gwid, from_year: number("from"), to_year: number("to"), group_name: r.group, group_id: groupId, gwgroupid: number("gwgroupid"),
      settlement_type: r.type, area_sqkm: number("sqkm"), source_check: r.check, name_id_verified: CHECKS[r.check]
    };
  }).sort((a, b) => a.iso3.localeCompare(b.iso3) || a.from_year - b.from_year || a.group_name.localeCompare(b.group_name));
}
