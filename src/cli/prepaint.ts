import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {gzipSync} from "node:zlib";
import {prepaintDecision, prepaintGuardScript, RUN_MARK_PREFIX, withPrepaintedOutputs} from "../shared/index.ts";
import type {RecordedOutput} from "./record-page.ts";

/** What the build pre-painted on one page. */
export interface PrepaintReport {
  /** The cells whose chart the page shows before its scripts run. */
  cells: number[];
  /** The page's growth, gzip-compressed as a server would send it (the guard script not counted). */
  addedBytes: number;
  /** Cells that drew an SVG the build did not copy, and why. */
  refused: {cell: number; reason: string}[];
}

/**
 * Writes into the built page `page` (relative to `outDir`) the charts its cells drew while it
 * was recorded (`outputs`), as `prepaintDecision` allows (src/shared/prepaint.ts), with the
 * guard script beside the page, named by its content. Nothing is written when no chart qualifies.
 */
export function writePrepaintedOutputs(outDir: string, page: string, outputs: readonly RecordedOutput[]): PrepaintReport {
  const chosen = new Map<number, string>();
  const refused: PrepaintReport["refused"] = [];
  for (const {cell, html} of outputs) {
    const decision = prepaintDecision(html);
    if ("markup" in decision) chosen.set(cell, decision.markup);
    else if (/<svg[\s>]/i.test(html)) refused.push({cell, reason: decision.refused});
  }
  const htmlFile = path.join(outDir, page);
  const before = readFileSync(htmlFile, "utf8");
  const guard = prepaintGuardScript(RUN_MARK_PREFIX);
  const guardName = `prepaint-guard.${createHash("sha256").update(guard).digest("hex").slice(0, 10)}.js`;
  const {html, cells} = withPrepaintedOutputs(before, chosen, guardName);
  if (cells.length === 0) return {cells, addedBytes: 0, refused};
  writeFileSync(path.join(outDir, path.posix.dirname(page), guardName), guard);
  writeFileSync(htmlFile, html);
  return {cells, addedBytes: gzipSync(html, {level: 9}).length - gzipSync(before, {level: 9}).length, refused};
}
