import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import {gzipSync} from "node:zlib";
import {chromium} from "playwright-core";
import {chooseSnapshotEntries, encodeSnapshots, snapshotRefusal, type SnapshotEntry} from "../data/index.ts";
import {escapeHtml} from "../shared/index.ts";
import {chromiumArgs, findChromium} from "./chromium.ts";
import {writePrepaintedOutputs, type PrepaintReport} from "./prepaint.ts";
import {recordPage} from "./record-page.ts";
import {serveStatic} from "./static-server.ts";

/** What the build shipped for one page. */
export interface PageSnapshotReport {
  /** The page, relative to the site folder (e.g. `notebooks/syria-2011.html`). */
  page: string;
  /** The snapshot file beside it, or why there is none. */
  file?: string;
  refused?: string;
  entries: number;
  /** The file's size as shipped (gzip), and its recorded results' size before compression. */
  bytes: number;
  rawBytes: number;
  /** Cells that failed while the page was recorded (their queries are not in the snapshot). */
  failures: number;
  /** The charts written into the page (src/cli/prepaint.ts); absent when it did not settle. */
  prepaint?: PrepaintReport;
}

/** How long one page may take to settle while it is recorded. */
const PAGE_TIMEOUT_MS = 180_000;

/**
 * Result snapshots and pre-painted charts of a built site: opens each of `pages` (site-relative
 * HTML files of the shipped notebooks) headless with its default input values, records every
 * query DuckDB answered (the same recorder as `mapt export`, see record-page.ts), and writes the
 * safe ones (data/snapshots.ts) beside the page as one file named by its content, which the page
 * preloads; then writes the charts the page drew into its HTML (prepaint.ts). Run by the build
 * right after it wrote the site, so both always come from the same catalog files and code as
 * the page: nothing is cached between builds.
 */
export async function recordSnapshots(outDir: string, pages: readonly string[], log: (line: string) => void = () => {}): Promise<PageSnapshotReport[]> {
  if (pages.length === 0) return [];
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    log(`pages ship without result snapshots (charts wait for DuckDB): ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({executablePath, args: chromiumArgs});
  const reports: PageSnapshotReport[] = [];
  try {
    for (const page of pages) {
      const recorded = await recordPage(browser, server.url + page, PAGE_TIMEOUT_MS);
      const entries: SnapshotEntry[] = recorded.results.map(({sql, params, ipc}) => ({sql, params, ipc: Buffer.from(ipc, "base64")}));
      const refused = snapshotRefusal(entries) ?? (recorded.settled ? undefined : `it did not settle within ${PAGE_TIMEOUT_MS / 1000} s`);
      const report: PageSnapshotReport = {page, entries: 0, bytes: 0, rawBytes: 0, failures: recorded.failures.length};
      const chosen = refused ? [] : chooseSnapshotEntries(entries);
      if (refused) report.refused = refused;
      else if (chosen.length === 0) report.refused = "no query to record";
      else {
        const raw = encodeSnapshots(chosen);
        const bytes = gzipSync(raw, {level: 9});
        report.file = writeSnapshotFile(outDir, page, bytes);
        report.entries = chosen.length;
        report.bytes = bytes.length;
        report.rawBytes = raw.length;
      }
      if (recorded.settled) report.prepaint = writePrepaintedOutputs(outDir, page, recorded.outputs);
      log(
        report.file
          ? `${page}: ${report.entries} query results, ${(report.bytes / 1024).toFixed(1)} kB (gzip; ${(report.rawBytes / 1024).toFixed(1)} kB of Arrow IPC)${report.failures ? ` (${report.failures} cells failed while recording)` : ""}`
          : `${page}: no result snapshot: ${report.refused}`
      );
      log(`${page}: ${describePrepaint(report.prepaint)}`);
      reports.push(report);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return reports;
}

/** One line on what the build pre-painted on a page. */
function describePrepaint(report: PrepaintReport | undefined): string {
  if (report === undefined) return "no chart pre-painted: the page did not settle";
  const refused = report.refused.map(({cell, reason}) => `cell ${cell}: ${reason}`).join("; ");
  const painted = report.cells.length === 0 ? "no chart pre-painted" : `${report.cells.length === 1 ? "the chart of cell" : "the charts of cells"} ${report.cells.join(", ")} pre-painted, +${(report.addedBytes / 1024).toFixed(1)} kB of HTML (gzip)`;
  return refused ? `${painted} (not copied: ${refused})` : painted;
}

/**
 * Writes the file beside the page and has the page preload it. The name carries a hash of the
 * content, so a browser never pairs a page with the snapshot of another build.
 */
function writeSnapshotFile(outDir: string, page: string, bytes: Uint8Array): string {
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  const name = `${path.posix.basename(page, ".html")}.${hash}.snapshots.gz`;
  const file = path.posix.join(path.posix.dirname(page), name);
  writeFileSync(path.join(outDir, file), bytes);
  const htmlFile = path.join(outDir, page);
  writeFileSync(htmlFile, withSnapshotLink(readFileSync(htmlFile, "utf8"), name));
  return file;
}

/**
 * The page with a preload of its snapshot file at the end of its head (after the policy's meta
 * tag, which must come first to govern it): the fetch starts while the page's scripts load, and
 * `pageSnapshots` (src/app/page-start.ts) finds it by its `data-mapt-snapshots` attribute.
 */
export function withSnapshotLink(html: string, href: string): string {
  const link = `<link rel="preload" as="fetch" crossorigin href="${escapeHtml(href)}" data-mapt-snapshots>`;
  return html.replace(/<\/head>/i, `${link}\n</head>`);
}
