// npm run bench: cold opens of the built benchmark notebook against a bare DuckDB + Plot page,
// and input-to-chart latency. Prints a table and writes JSON to bench/results/.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {gzipSync} from "node:zlib";
import {chromium, type Browser} from "playwright-core";
import {build} from "vite";
import {buildSite, chromiumArgs, findChromium, serveStatic, waitForSettledCells} from "../src/cli/index.ts";
import {inputToChartScript, probeScript} from "./probe.ts";

const root = path.resolve(import.meta.dirname, "..");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function openCold(browser: Browser, url: string, settle: boolean) {
  const context = await browser.newContext(); // a fresh context: empty HTTP cache, a cold open
  const page = await context.newPage();
  await page.addInitScript({content: probeScript});
  const scripts: string[] = [];
  page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
  await page.goto(url);
  if (settle) {
    const outcome = await waitForSettledCells(page, 120_000);
    if (outcome.failures.length) throw new Error(`benchmark notebook failed: ${JSON.stringify(outcome.failures)}`);
  }
  const settled = await page.evaluate("performance.now()");
  await page.waitForFunction("window.__bench.firstChart > 0", null, {timeout: 120_000});
  const marks = await page.evaluate(`({...window.__bench, duckdbReady: performance.getEntriesByName("mapt:duckdb-ready")[0]?.startTime})`);
  return {page, context, marks: {...(marks as Record<string, number>), settled: settled as number}, scripts};
}

async function main() {
  const executablePath = findChromium();
  console.log("building the site and the bare page…");
  const site = await buildSite(root, mkdtempSync(path.join(tmpdir(), "mapt-bench-")), [path.join(root, "bench/notebooks/bench.html")]);
  const bareDir = mkdtempSync(path.join(tmpdir(), "mapt-bare-"));
  await build({root: path.join(root, "bench/bare"), base: "./", configFile: false, logLevel: "warn", build: {outDir: bareDir, target: "es2022", emptyOutDir: true}});
  const [siteServer, bareServer] = await Promise.all([serveStatic(site.dir), serveStatic(bareDir)]);
  const browser = await chromium.launch({executablePath, args: chromiumArgs});
  const notebookUrl = siteServer.url + site.pages.get(path.join(root, "bench/notebooks/bench.html"))!;
  const notebook: Record<string, number>[] = [];
  const bare: Record<string, number>[] = [];
  const latencies: number[] = [];
  let readerScripts: string[] = [];
  let bareScripts: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const opened = await openCold(browser, notebookUrl, true);
      notebook.push(opened.marks);
      readerScripts = opened.scripts;
      if (i === 0) {
        for (let j = 0; j < 12; j++) latencies.push(await opened.page.evaluate(inputToChartScript(20 + ((j * 7) % 80))) as number);
        latencies.splice(0, 2); // the first changes warm up the query and the chart
      }
      await opened.context.close();
      const plain = await openCold(browser, bareServer.url, false);
      bare.push(plain.marks);
      bareScripts = plain.scripts;
      await plain.context.close();
    }
  } finally {
    await browser.close();
    await Promise.all([siteServer.close(), bareServer.close()]);
  }

  const gzipKb = (dir: string, urls: string[]) =>
    urls
      .filter((url) => !/duckdb-browser-.*\.worker/.test(url))
      .map((url) => gzipSync(readFileSync(path.join(dir, new URL(url).pathname))).length)
      .reduce((a, b) => a + b, 0) / 1024;
  const result = {
    date: new Date().toISOString(),
    runs,
    notebook: {
      firstText: median(notebook.map((m) => m.firstText!)),
      duckdbReady: median(notebook.map((m) => m.duckdbReady!)),
      firstChart: median(notebook.map((m) => m.firstChart!)),
      settled: median(notebook.map((m) => m.settled!))
    },
    bare: {duckdbReady: median(bare.map((m) => m.duckdbReady!)), firstChart: median(bare.map((m) => m.firstChart!))},
    inputToChart: median(latencies),
    readerJsGzipKb: gzipKb(site.dir, readerScripts),
    bareJsGzipKb: gzipKb(bareDir, bareScripts)
  };
  const ratio = result.notebook.firstChart / result.bare.firstChart;
  const rows: Array<[string, string, string]> = [
    ["first Markdown text", `${result.notebook.firstText.toFixed(0)} ms`, "<= 300 ms"],
    ["DuckDB ready", `${result.notebook.duckdbReady.toFixed(0)} ms (bare ${result.bare.duckdbReady.toFixed(0)} ms)`, ""],
    ["first chart", `${result.notebook.firstChart.toFixed(0)} ms (bare ${result.bare.firstChart.toFixed(0)} ms, ${ratio.toFixed(2)}x)`, "<= 1.15x bare"],
    ["all cells settled", `${result.notebook.settled.toFixed(0)} ms`, ""],
    ["input to chart (median)", `${result.inputToChart.toFixed(1)} ms`, "<= 50 ms"],
    ["reader JS, gzip (no DuckDB worker/wasm)", `${result.readerJsGzipKb.toFixed(1)} kB (bare ${result.bareJsGzipKb.toFixed(1)} kB)`, "<= 200 kB"]
  ];
  console.log(`\nmedian of ${runs} cold opens (200,000-row table)\n`);
  for (const [what, value, target] of rows) console.log(`${what.padEnd(42)} ${value.padEnd(42)} ${target}`);
  mkdirSync(path.join(root, "bench/results"), {recursive: true});
  const out = path.join(root, "bench/results", `bench-${result.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, JSON.stringify({...result, firstChartRatio: ratio}, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(root, out)}`);
}

await main();
