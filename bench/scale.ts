// npm run bench:scale [-- --sizes 1m,10m,30m,60m:csv:narrow] [--formats parquet,csv] [--memory-budget 4GB]
// (also npm run bench -- --scale)
//
// A user's own CSV and Parquet files of 1M, 10M and 30M rows, and a 60M-row CSV of three columns
// (the narrow shape, ~1.3 GB; see SHAPES) (written here by native DuckDB
// under .mapt/bench/scale/, never committed; kept between runs), each loaded in the production
// build of MAPT in Chromium the way a notebook loads a user's file (`DuckDBClient.of`, in
// bench/scale/scale.html, a fresh browser context per file), then grouped. Reports per file:
// - load time (the page's DuckDB already started), and native DuckDB's (@duckdb/node-api, the
//   engine version of DuckDB-WASM, one thread as DuckDB-WASM has) on the same file, same run;
// - the longest main-thread task during the load (PerformanceObserver 'longtask') and how many
//   took over 50 ms, then each frame that blocked the page during a load with the scripts it ran
//   (PerformanceObserver 'long-animation-frame': what invoked each script, and where it is),
//   and the most CPU time any of the page thread's tasks over 50 ms took (a Chromium trace): on
//   a loaded machine a task is long because the thread waited for a core, not because it worked;
// - the peak JS heap of the page's main thread during the load (CDP Performance metrics,
//   sampled every 100 ms; workers' heaps are not in it);
// - a GROUP BY over the table (the second of three runs, warm) against native's.
// Writes bench/results/scale-<date>.json.
import {existsSync, mkdirSync, mkdtempSync, renameSync, statSync, writeFileSync} from "node:fs";
import {cpus, loadavg, tmpdir, totalmem} from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {DuckDBInstance} from "@duckdb/node-api";
import {chromium, type Browser} from "playwright-core";
import {buildSite, chromiumArgs, findChromium, serveStatic} from "../src/cli/index.ts";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".mapt/bench/scale");
const notebook = path.join(root, "bench/scale/scale.html");
/**
 * The files' shapes. "wide" (the default): id, a region (5 short strings), an amount (2
 * decimals), a day (a date), a label (100,000 distinct strings), about 40 bytes a row as CSV.
 * "narrow": id, region and amount, about 22 bytes a row: the shape of the 1 GB, 60M-row CSV the
 * issue measured (a 60M-row CSV of the wide shape is 2.4 GB, more than a page's DuckDB can hold).
 */
const SHAPES = {
  wide: {
    columns: `i::INTEGER AS id,
      ['north', 'south', 'east', 'west', 'centre'][i % 5 + 1] AS region,
      ((i * 7919) % 100000) / 100.0 AS amount,
      DATE '2000-01-01' + (i % 9000)::INTEGER AS day,
      'r' || (i % 100000)::VARCHAR AS label`,
    groupBy: "SELECT region, count(*) AS n, sum(amount) AS total, min(day) AS first, max(day) AS last FROM rows GROUP BY region ORDER BY region"
  },
  narrow: {
    columns: `i::INTEGER AS id,
      ['north', 'south', 'east', 'west', 'centre'][i % 5 + 1] AS region,
      ((i * 7919) % 100000) / 100.0 AS amount`,
    groupBy: "SELECT region, count(*) AS n, sum(amount) AS total, min(id) AS first, max(id) AS last FROM rows GROUP BY region ORDER BY region"
  }
} as const;
type Shape = keyof typeof SHAPES;

const {values: args} = parseArgs({
  options: {
    scale: {type: "boolean"},
    // A size alone is every format; "60m:csv" one format of that size; "60m:csv:narrow" that
    // format in the narrow shape (see SHAPES).
    sizes: {type: "string", default: "1m,10m,30m,60m:csv:narrow"},
    formats: {type: "string", default: "parquet,csv"},
    // The page's ?memory-budget= (e.g. 4GB), to see whether a file the default refuses would load.
    "memory-budget": {type: "string"}
  },
  strict: false
});

const sizeOf = (label: string) => Number(label.replace(/m$/i, "")) * 1_000_000;

/** The file of `rows` rows in `format` and `shape`, written once by native DuckDB and kept. */
async function generate(rows: number, format: "parquet" | "csv", shape: Shape): Promise<string> {
  const file = path.join(dataDir, `rows-${rows / 1_000_000}m${shape === "wide" ? "" : `-${shape}`}.${format}`);
  if (existsSync(file)) return file;
  mkdirSync(dataDir, {recursive: true});
  const partial = `${file}.partial`;
  const native = await (await DuckDBInstance.create(":memory:")).connect();
  const options = format === "parquet" ? "FORMAT parquet" : "FORMAT csv, HEADER true";
  console.log(`writing ${path.relative(root, file)}…`);
  await native.run(`COPY (SELECT ${SHAPES[shape].columns} FROM range(${rows}) t(i)) TO '${partial}' (${options})`);
  native.closeSync();
  renameSync(partial, file);
  return file;
}

/** Native DuckDB on the same file: load into a table, then the GROUP BY three times (second reported). */
async function nativeRun(file: string, groupBy: string) {
  const instance = await DuckDBInstance.create(":memory:");
  const native = await instance.connect();
  await native.run("SET threads = 1");
  const reader = file.endsWith(".parquet") ? `read_parquet('${file}')` : `read_csv('${file}')`;
  let start = performance.now();
  await native.run(`CREATE TABLE rows AS SELECT * FROM ${reader}`);
  const loadMs = performance.now() - start;
  const groupByMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    start = performance.now();
    await native.runAndReadAll(groupBy);
    groupByMs.push(performance.now() - start);
  }
  native.closeSync();
  instance.closeSync();
  return {loadMs, groupByMs};
}

/**
 * Long tasks of the page's main thread, kept from the start (init script), and the scripts each
 * long animation frame ran (Chromium's attribution of a long task's cause: what invoked the script
 * and where it is), so that a long task found here says what to remove.
 */
const longTaskProbe = `
window.__longTasks = [];
window.__longFrames = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({start: e.startTime, duration: e.duration}); })
  .observe({type: "longtask", buffered: true});
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longFrames.push({start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
    scripts: e.scripts.map((s) => ({duration: Math.round(s.duration), invoker: s.invoker, source: (s.sourceURL || "").split("/").pop() + ":" + (s.sourceFunctionName || "")}))});
}).observe({type: "long-animation-frame", buffered: true});
`;

/** A long animation frame during the load: its length, blocking time and the scripts it ran. */
interface LongFrame {
  start: number;
  duration: number;
  blocking: number;
  scripts: Array<{duration: number; invoker: string; source: string}>;
}

/** The trace events kept: thread names, the scale marks, and tasks of over 50 ms. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {name?: string};
}

const keepEvent = (e: TraceEvent) =>
  e.name === "thread_name" || e.name.startsWith("scale:load-") || (e.name === "ThreadControllerImpl::RunTask" && (e.dur ?? 0) > 50_000);

/**
 * The page's main-thread tasks of over 50 ms (wall) during the load, from a Chromium trace, with
 * the CPU time each took: on a loaded machine a task is long because its thread waited for a
 * core, not because it worked; its CPU time says which.
 */
function longTasksOfTrace(events: TraceEvent[]): {longestMs: number; maxCpuMs: number; count: number} {
  const main = new Set(events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const start = events.find((e) => e.name === "scale:load-start")?.ts ?? 0;
  const end = events.find((e) => e.name === "scale:load-end")?.ts ?? Infinity;
  const tasks = events.filter((e) => e.ph === "X" && e.name === "ThreadControllerImpl::RunTask" && main.has(`${e.pid}:${e.tid}`) && e.ts + e.dur! > start && e.ts < end);
  return {
    longestMs: Math.max(0, ...tasks.map((t) => t.dur! / 1000)),
    maxCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? 0) / 1000)),
    count: tasks.length
  };
}

async function browserRun(browser: Browser, url: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({content: longTaskProbe});
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", ({value}) => events.push(...(value as unknown as TraceEvent[]).filter(keepEvent)));
    const traced = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", {categories: "toplevel,blink.user_timing", transferMode: "ReportEvents"});
    let peakHeap = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          const {metrics} = await cdp.send("Performance.getMetrics");
          peakHeap = Math.max(peakHeap, metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0);
        } catch {
          // The page is going away.
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await page.goto(url);
    const outcome = await page.waitForFunction(
      () => {
        const w = window as unknown as {__scale?: unknown};
        const failed = document.querySelector('.mapt-cell[data-status="error"]');
        return w.__scale ?? (failed ? {error: failed.textContent} : false);
      },
      null,
      {timeout: 1_800_000, polling: 250}
    );
    sampling = false;
    await sampler;
    await cdp.send("Tracing.end");
    await traced;
    const trace = longTasksOfTrace(events);
    const result = (await outcome.jsonValue()) as {groupByMs?: number[]; count?: number; error?: string};
    if (result.error) return {error: result.error.replace(/\s+/g, " ").trim()};
    const marks = (await page.evaluate(`(() => {
      const start = performance.getEntriesByName("scale:load-start")[0].startTime;
      const end = performance.getEntriesByName("scale:load-end")[0].startTime;
      const during = window.__longTasks.filter((t) => t.start + t.duration > start && t.start < end);
      const frames = window.__longFrames.filter((f) => f.start + f.duration > start && f.start < end && f.blocking > 0);
      return {loadMs: end - start, longest: Math.max(0, ...during.map((t) => t.duration)), over50: during.length, longFrames: frames};
    })()`)) as {loadMs: number; longest: number; over50: number; longFrames: LongFrame[]};
    return {...marks, trace, peakHeapMB: peakHeap / 2 ** 20, groupByMs: result.groupByMs!, count: result.count!};
  } finally {
    await context.close();
  }
}

export async function main() {
  const sizes = String(args.sizes).split(",").map((s) => s.trim()).filter(Boolean);
  const formats = String(args.formats).split(",").map((s) => s.trim()) as Array<"parquet" | "csv">;
  const files: Array<{label: string; rows: number; format: "parquet" | "csv"; shape: Shape; file: string}> = [];
  for (const entry of sizes) {
    const [label, only, shape = "wide"] = entry.split(":") as [string, "parquet" | "csv" | undefined, Shape | undefined];
    if (!(shape in SHAPES)) throw new Error(`--sizes ${entry}: no shape "${shape}" (${Object.keys(SHAPES).join(", ")})`);
    for (const format of only ? [only] : formats) files.push({label, rows: sizeOf(label), format, shape, file: await generate(sizeOf(label), format, shape)});
  }

  console.log("building the scale page…");
  const site = await buildSite(root, mkdtempSync(path.join(tmpdir(), "mapt-bench-scale-")), [notebook]);
  // The page's folder is served from the generated files' folder: `?file=rows-10m.parquet` is beside it.
  const pagePath = site.pages.get(notebook)!;
  const server = await serveStatic(site.dir, {mounts: [{urlPath: `/${path.posix.dirname(pagePath)}/`, dir: dataDir}]});
  const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
  const load = {start: loadavg()};
  const results = [];
  try {
    for (const {label, rows, format, shape, file} of files) {
      process.stdout.write(`${label} ${format} ${shape}: browser… `);
      const groupBy = SHAPES[shape].groupBy;
      const budget = args["memory-budget"] ? `&memory-budget=${encodeURIComponent(String(args["memory-budget"]))}` : "";
      const wasm = await browserRun(browser, `${server.url}${pagePath}?file=${path.basename(file)}&group-by=${encodeURIComponent(groupBy)}${budget}`);
      process.stdout.write("native… ");
      const native = await nativeRun(file, groupBy);
      const bytes = statSync(file).size;
      const row = {rows, format, shape, groupBy, file: path.basename(file), bytes, wasm, native};
      results.push(row);
      console.log("error" in wasm ? `failed: ${wasm.error}` : `load ${(wasm.loadMs / 1000).toFixed(2)} s (native ${(native.loadMs / 1000).toFixed(2)} s)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const machine = {cpus: cpus().length, model: cpus()[0]?.model.trim(), memoryGiB: totalmem() / 2 ** 30, loadAverage: {start: load.start, end: loadavg()}};
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`\nmachine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB.toFixed(0)} GiB; load average at start ${load.start.map((l) => l.toFixed(1)).join(" ")}, at end ${machine.loadAverage.end.map((l) => l.toFixed(1)).join(" ")}`);
  console.log("times: load into a table, then GROUP BY (second of three runs); native DuckDB with one thread\n");
  const header = ["file", "MB", "load s", "native s", "ratio", "longest task ms", "tasks >50ms", "max task CPU ms", "peak heap MB", "group by ms", "native ms", "ratio"];
  const rowsOut = results.map(({file, bytes, wasm, native}) => {
    if ("error" in wasm) return [file, (bytes / 1e6).toFixed(0), `failed: ${wasm.error}`];
    const groupBy = wasm.groupByMs[1]!;
    const nativeGroupBy = native.groupByMs[1]!;
    return [
      file,
      (bytes / 1e6).toFixed(0),
      s(wasm.loadMs),
      s(native.loadMs),
      `${(wasm.loadMs / native.loadMs).toFixed(1)}x`,
      wasm.longest.toFixed(0),
      String(wasm.over50),
      wasm.trace.maxCpuMs.toFixed(0),
      wasm.peakHeapMB.toFixed(0),
      groupBy.toFixed(0),
      nativeGroupBy.toFixed(0),
      `${(groupBy / nativeGroupBy).toFixed(1)}x`
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  console.log(line(header));
  for (const row of rowsOut) console.log(line(row));
  // What the page's thread was doing in each frame that blocked it during a load.
  for (const {file, wasm} of results) {
    if ("error" in wasm || wasm.longFrames.length === 0) continue;
    console.log(`\n${file}: frames that blocked the page during the load (ms; scripts by invoker and source)`);
    for (const frame of wasm.longFrames) {
      const scripts = frame.scripts.map((s) => `${s.invoker} ${s.source} ${s.duration}`).join("; ") || "no script (rendering, GC or the page's thread held elsewhere)";
      console.log(`  at ${(frame.start / 1000).toFixed(2)} s: ${frame.duration.toFixed(0)} (blocking ${frame.blocking.toFixed(0)}): ${scripts}`);
    }
  }

  mkdirSync(path.join(root, "bench/results"), {recursive: true});
  const date = new Date().toISOString();
  const out = path.join(root, "bench/results", `scale-${date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, JSON.stringify({date, machine, results}, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(root, out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
