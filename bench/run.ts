// npm run bench [-- --runs N] [--changes N] [--only name]
//
// Opens every shipped notebook and the synthetic benchmark notebook of the production build,
// each paired with the bare DuckDB + Plot page (bench/bare): notebook then bare page, in a fresh
// browser context each (empty HTTP cache), round after round, so that a slow moment of a busy
// machine hits both sides of a pair. Reports per notebook:
// - first text, DuckDB ready, first chart and "settled" (the moment the last cell settled);
// - first chart / bare page's first chart, per pair, as min / median / max;
// - first chart / first text of the same open, as min / median / max (goal: within 2x; a shipped
//   notebook paints from its build-time result snapshots before DuckDB is ready);
// - input to chart on each of the notebook's own inputs (range, select, checkbox, radio):
//   `--changes` changes (20) after 2 warm-up changes, from the change to the frame after the
//   last output it caused, every cell settled again;
// - bytes of the page by kind (main-thread JS, DuckDB worker, wasm, data, other) gzip and brotli
//   (node:zlib, best settings), as a static host that compresses would send them, requested until
//   the last cell settled.
// Writes everything to bench/results/bench-<date>.json.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {cpus, tmpdir, totalmem, loadavg} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {brotliCompressSync, constants, gzipSync} from "node:zlib";
import {chromium, type Browser, type Page} from "playwright-core";
import {build} from "vite";
import {buildSite, chromiumArgs, findChromium, serveStatic, waitForSettledCells} from "../src/cli/index.ts";
import {listNotebooks} from "../src/vite/index.ts";
import {kindOf, recordMainThreadScripts, type Kind} from "./mainThreadScripts.ts";
import {changeInputScript, listInputsScript, probeScript, scrollToInputScript, type InputTarget} from "./probe.ts";
import {stats, type Stats} from "./stats.ts";

const root = path.resolve(import.meta.dirname, "..");
const {values: args} = parseArgs({
  options: {
    runs: {type: "string", default: process.env.BENCH_RUNS ?? "5"},
    changes: {type: "string", default: "20"},
    only: {type: "string", multiple: true},
    // The scale series instead (bench/scale.ts, with its own --sizes and --formats).
    scale: {type: "boolean"},
    sizes: {type: "string"},
    formats: {type: "string"}
  }
});
const runs = Number(args.runs);
const changes = Number(args.changes);
const WARM_UP = 2;
/** At most this many inputs per notebook are timed (the first ones on the page). */
const MAX_INPUTS = 4;

type Marks = {firstText?: number; firstChart?: number; duckdbReady?: number; settled?: number};
type Bytes = Record<Kind, {raw: number; gzip: number; brotli: number}>;

// Compressed sizes by content hash, kept between runs: brotli at its best setting takes minutes
// on the 34 MB wasm of a busy machine, and the wasm never changes.
const sizesCacheFile = path.join(root, "node_modules/.cache/mapt-bench-sizes.json");
const compressed: Record<string, {raw: number; gzip: number; brotli: number}> = existsSync(sizesCacheFile) ? JSON.parse(readFileSync(sizesCacheFile, "utf8")) : {};
function sizesOf(file: string) {
  const bytes = readFileSync(file);
  const key = createHash("sha256").update(bytes).digest("hex");
  let sizes = compressed[key];
  if (!sizes) {
    sizes = {
      raw: bytes.length,
      gzip: gzipSync(bytes, {level: 9}).length,
      brotli: brotliCompressSync(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length}}).length
    };
    compressed[key] = sizes;
    mkdirSync(path.dirname(sizesCacheFile), {recursive: true});
    writeFileSync(sizesCacheFile, JSON.stringify(compressed));
  }
  return sizes;
}

function bytesOf(dir: string, responses: Array<{url: string; type: string}>): Bytes {
  const bytes = Object.fromEntries((["js", "worker", "wasm", "data", "other"] as Kind[]).map((k) => [k, {raw: 0, gzip: 0, brotli: 0}])) as Bytes;
  const seen = new Set<string>();
  for (const {url, type} of responses) {
    const pathname = decodeURIComponent(new URL(url).pathname);
    if (seen.has(pathname) || pathname.endsWith("/")) continue;
    seen.add(pathname);
    const sizes = sizesOf(path.join(dir, pathname));
    const kind = bytes[kindOf(pathname, type)];
    kind.raw += sizes.raw;
    kind.gzip += sizes.gzip;
    kind.brotli += sizes.brotli;
  }
  return bytes;
}

/** Opens `url` in a fresh context (a cold open) and waits until the notebook settled. */
async function openCold(browser: Browser, url: string, notebook: boolean) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript({content: probeScript});
  const responses: Array<{url: string; type: string}> = [];
  page.on("response", (r) => r.url().startsWith(new URL(url).origin) && responses.push({url: r.url(), type: r.request().resourceType()}));
  const scripts = recordMainThreadScripts(page);
  await page.goto(url);
  if (notebook) {
    const outcome = await waitForSettledCells(page, 180_000);
    if (outcome.failures.length) throw new Error(`${url}: cells failed: ${JSON.stringify(outcome.failures)}`);
  }
  // A function, not a string: a built page's policy refuses evaluating strings.
  await page.waitForFunction(() => ((window as unknown as {__bench: Marks}).__bench.firstChart ?? 0) > 0, null, {timeout: 180_000});
  // A page that painted from its result snapshots settles before DuckDB is ready: wait for it too.
  await page.waitForFunction(
    () => performance.getEntriesByName("mapt:duckdb-launch").length === 0 || performance.getEntriesByName("mapt:duckdb-ready").length > 0,
    null,
    {timeout: 180_000}
  );
  const marks = (await page.evaluate(
    `({...window.__bench, duckdbReady: performance.getEntriesByName("mapt:duckdb-ready")[0]?.startTime})`
  )) as Marks;
  // Main-thread JS counts what the page requested until its last cell settled, as
  // tests/e2e/reader-budget.test.ts does (bench/mainThreadScripts.ts), not what it fetches at
  // idle afterwards (the download formats).
  if (notebook) {
    const early = new Set((await scripts.until("window.__bench.settled")).map((script) => script.path));
    // Only the main thread's scripts are filtered: the worker's requests are not in the page's timeline.
    const started = (r: {url: string; type: string}) => kindOf(new URL(r.url).pathname, r.type) !== "js" || early.has(decodeURIComponent(new URL(r.url).pathname));
    return {page, context, marks, responses: responses.filter(started)};
  }
  return {page, context, marks, responses};
}

/** Input-to-chart latencies of each of the page's inputs (warm page). */
async function inputLatencies(page: Page) {
  const inputs = ((await page.evaluate(listInputsScript)) as InputTarget[]).slice(0, MAX_INPUTS);
  const results: Array<{input: string; times: number[]; unchanged: number; stats?: Stats}> = [];
  for (const input of inputs) {
    const times: number[] = [];
    let unchanged = 0;
    let misses = 0;
    await page.evaluate(scrollToInputScript(input));
    for (let step = 0; step < WARM_UP + changes; step++) {
      const time = (await page.evaluate(changeInputScript(input, step))) as number | null;
      // An input whose changes show nothing (a filter over no rows, a hidden option) is not timed.
      misses = time === null ? misses + 1 : 0;
      if (misses >= 2) break;
      if (step < WARM_UP) continue;
      if (time === null) unchanged++;
      else times.push(time);
    }
    results.push({input: `${input.cell} ${input.kind}${input.label ? ` "${input.label}"` : ""}`, times, unchanged, stats: stats(times)});
  }
  return results;
}

async function main() {
  const executablePath = findChromium();
  const benchNotebook = path.join(root, "bench/notebooks/bench.html");
  const notebooks = [...listNotebooks(path.join(root, "notebooks")), benchNotebook].filter(
    (file) => !args.only?.length || args.only.some((name) => path.basename(file, ".html") === name)
  );
  console.log(`building the site (${notebooks.length} notebooks) and the bare page…`);
  // With result snapshots, as `npm run build` ships the site (the bench notebook, from elsewhere, has none).
  const site = await buildSite(root, mkdtempSync(path.join(tmpdir(), "mapt-bench-")), notebooks, {snapshots: true});
  const bareDir = mkdtempSync(path.join(tmpdir(), "mapt-bare-"));
  await build({root: path.join(root, "bench/bare"), base: "./", configFile: false, logLevel: "warn", build: {outDir: bareDir, target: "es2022", emptyOutDir: true}});
  const [siteServer, bareServer] = await Promise.all([serveStatic(site.dir), serveStatic(bareDir)]);
  const browser = await chromium.launch({executablePath, args: chromiumArgs});
  const load = {start: loadavg()};

  type Result = {
    notebook: string;
    opens: Marks[];
    bare: Marks[];
    inputs: Awaited<ReturnType<typeof inputLatencies>>;
    bytes?: Bytes;
    bareBytes?: Bytes;
  };
  const results: Result[] = notebooks.map((file) => ({notebook: path.basename(file, ".html"), opens: [], bare: [], inputs: []}));
  mkdirSync(path.join(root, "bench/results"), {recursive: true});
  const date = new Date().toISOString();
  const out = path.join(root, "bench/results", `bench-${date.replace(/[:.]/g, "-")}.json`);
  /** Prints the tables and writes the JSON of the first `done` rounds (after each round: a long run can be cut short). */
  const report = (done: number) => {
    const summary = results.map((r) => {
      const metric = (key: keyof Marks) => stats(r.opens.map((m) => m[key] ?? NaN));
      return {
        notebook: r.notebook,
        firstText: metric("firstText"),
        duckdbReady: metric("duckdbReady"),
        firstChart: metric("firstChart"),
        settled: metric("settled"),
        bareFirstChart: stats(r.bare.map((m) => m.firstChart ?? NaN)),
        bareDuckdbReady: stats(r.bare.map((m) => m.duckdbReady ?? NaN)),
        firstChartRatio: stats(r.opens.map((m, i) => (m.firstChart ?? NaN) / (r.bare[i]?.firstChart ?? NaN))),
        chartToText: stats(r.opens.map((m) => (m.firstChart ?? NaN) / (m.firstText ?? NaN))),
        inputToChart: r.inputs.map(({input, stats, unchanged, times}) => ({input, ...stats, changes: times.length, unchanged})),
        bytes: r.bytes,
        bareBytes: r.bareBytes
      };
    });

    const ms = (s?: Stats) => (s ? `${s.median.toFixed(0)}` : "-");
    const range = (s?: Stats, digits = 2) => (s ? `${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}` : "-");
    const kb = (n: number) => (n / 1024).toFixed(0);
    console.log(`\n${done} cold open${done === 1 ? "" : "s"} per notebook, each paired with a cold open of the bare page; times in ms from navigation start (median)`);
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average at start ${load.start.map((l) => l.toFixed(1)).join(" ")}, at end ${loadavg().map((l) => l.toFixed(1)).join(" ")}\n`);
    const header = ["notebook", "text", "duckdb", "chart", "bare chart", "chart/bare min/med/max", "chart/text min/med/max (goal ≤ 2)", "settled"];
    const rows = summary.map((s) => [s.notebook, ms(s.firstText), ms(s.duckdbReady), ms(s.firstChart), ms(s.bareFirstChart), range(s.firstChartRatio), range(s.chartToText), ms(s.settled)]);
    printTable(header, rows);
    console.log(`\ninput to chart (ms, ${changes} changes after ${WARM_UP} warm-up, min / median / max)\n`);
    printTable(
      ["notebook", "input", "min / median / max", "no change"],
      summary.flatMap((s) => (s.inputToChart.length ? s.inputToChart : [{input: "(no inputs)"} as never]).map((i: {input: string; min?: number; median?: number; max?: number; unchanged?: number}) => [
        s.notebook,
        i.input,
        i.median === undefined ? "-" : `${i.min!.toFixed(1)} / ${i.median.toFixed(1)} / ${i.max!.toFixed(1)}`,
        String(i.unchanged ?? "")
      ]))
    );
    console.log(`\nbytes per page, kB gzip / brotli (raw)\n`);
    const cell = (b?: Bytes, k?: Kind) => (b && k ? `${kb(b[k].gzip)} / ${kb(b[k].brotli)} (${kb(b[k].raw)})` : "-");
    printTable(
      ["notebook", "main-thread JS", "worker", "wasm", "data", "other"],
      [
        ...summary.map((s) => [s.notebook, cell(s.bytes, "js"), cell(s.bytes, "worker"), cell(s.bytes, "wasm"), cell(s.bytes, "data"), cell(s.bytes, "other")]),
        ["(bare page)", cell(summary[0]?.bareBytes, "js"), cell(summary[0]?.bareBytes, "worker"), cell(summary[0]?.bareBytes, "wasm"), cell(summary[0]?.bareBytes, "data"), cell(summary[0]?.bareBytes, "other")]
      ]
    );

    const machine = {cpus: cpus().length, model: cpus()[0]?.model.trim(), memoryGiB: totalmem() / 2 ** 30, loadAverage: {start: load.start, end: loadavg()}};
    writeFileSync(out, JSON.stringify({date, runs: done, changes, warmUp: WARM_UP, machine, summary, raw: results}, null, 2) + "\n");
    console.log(`\nwrote ${path.relative(root, out)}`);
  };

  try {
    for (let run = 0; run < runs; run++) {
      for (const [i, file] of notebooks.entries()) {
        const result = results[i]!;
        process.stdout.write(`run ${run + 1}/${runs}: ${result.notebook}… `);
        const opened = await openCold(browser, siteServer.url + site.pages.get(file)!, true);
        result.opens.push(opened.marks);
        if (run === 0) {
          result.bytes = bytesOf(site.dir, opened.responses);
          result.inputs = await inputLatencies(opened.page);
        }
        await opened.context.close();
        const bare = await openCold(browser, bareServer.url, false);
        result.bare.push(bare.marks);
        if (run === 0) result.bareBytes = bytesOf(bareDir, bare.responses);
        await bare.context.close();
        console.log(`first chart ${opened.marks.firstChart?.toFixed(0)} ms (bare ${bare.marks.firstChart?.toFixed(0)} ms)`);
      }
      report(run + 1);
    }
  } finally {
    await browser.close();
    await Promise.all([siteServer.close(), bareServer.close()]);
  }

}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

if (args.scale) await (await import("./scale.ts")).main();
else await main();
