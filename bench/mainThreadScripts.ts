// How the reader's main-thread JavaScript is counted, in one place: `npm run bench`'s bytes
// table, `npm run bench:budget` and tests/e2e/reader-budget.test.ts all count with it.
import {gzipSync} from "node:zlib";
import type {Page, Response} from "playwright-core";

/** What kind of file a page requested, for the bytes table. */
export type Kind = "js" | "worker" | "wasm" | "data" | "other";

/** The kind of the file at `pathname`, requested as `resourceType` (Playwright's). */
export function kindOf(pathname: string, resourceType: string): Kind {
  if (/\.wasm$/.test(pathname)) return "wasm";
  if (/duckdb-browser-[\w-]+\.worker[^/]*\.js$/.test(pathname)) return "worker";
  if (resourceType === "script") return "js";
  if (/\.(duckdb|csv|tsv|parquet|arrow|json)$|\.snapshots\.gz$/.test(pathname)) return "data";
  return "other";
}

/** One script the page's main thread requested, with its size as a static host that gzips sends it. */
export interface MainThreadScript {
  /** Its URL path. */
  path: string;
  raw: number;
  /** gzip at level 9 (node:zlib). */
  gzip: number;
}

/**
 * Records the page's main-thread scripts from now on; call before `page.goto`. `until(page)`,
 * once the page settled, returns those whose request started at or before `settledAt` (ms since
 * navigation start, read in the page: the moment its last cell settled), largest first. The
 * DuckDB worker's script is not main-thread JavaScript and is left out; so are the requests made
 * after the settle (the download formats fetched at idle).
 */
export function recordMainThreadScripts(page: Page): {until: (settledAtExpression: string) => Promise<MainThreadScript[]>} {
  const bodies = new Map<string, Promise<Buffer>>();
  page.on("response", (response: Response) => {
    if (response.request().resourceType() !== "script" || !response.ok()) return;
    if (kindOf(new URL(response.url()).pathname, "script") !== "js") return;
    const body = response.body();
    // A script that arrives after the settle is not counted, and its body may never come (the page
    // closes first): that is not an error. A counted one's failure still reaches `until`.
    body.catch(() => {});
    bodies.set(response.url(), body);
  });
  return {
    async until(settledAtExpression) {
      const early = new Set(
        (await page.evaluate(
          `performance.getEntriesByType("resource").filter((e) => e.startTime <= (${settledAtExpression})).map((e) => e.name)`
        )) as string[]
      );
      const scripts = await Promise.all(
        [...bodies].filter(([url]) => early.has(url)).map(async ([url, body]) => {
          const bytes = await body;
          return {path: decodeURIComponent(new URL(url).pathname), raw: bytes.length, gzip: gzipSync(bytes, {level: 9}).length};
        })
      );
      return scripts.sort((a, b) => b.gzip - a.gzip);
    }
  };
}

/** The total gzip size of `scripts`. */
export function gzipTotal(scripts: MainThreadScript[]): number {
  return scripts.reduce((sum, script) => sum + script.gzip, 0);
}

/** The reader's budget of main-thread JavaScript per shipped notebook (issue 13), gzip bytes. */
export const READER_JS_BUDGET = 200 * 1024;
