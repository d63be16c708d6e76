// npm run bench:inputs -- --build <dir> [--only name]...
// npm run bench:inputs -- <site dir> <site dir>... [--rounds N] [--changes N] [--only name]...
//
// Input to chart of two (or more) builds of the site, side by side: what `npm run bench` cannot
// tell on a busy machine, where one run's medians swing more than a change's effect. Build the
// site at each commit to compare with `--build <dir>` (production build, result snapshots, the
// shipped notebooks or `--only` ones), then give the directories. Each round opens every notebook
// in every build, one after the other (the order reversed every other round), each in a fresh
// browser context, and changes each of its inputs (at most 4) `--changes` times (10) after 2
// warm-up changes, timed as `npm run bench` times them (bench/probe.ts). Also counts the
// messages the page sends DuckDB's worker per change (the query round trips), and the CPU time
// the page's main thread and its workers spent per change (a Chromium trace of the timed changes:
// wall times on a shared machine count the waits for a core, CPU times do not). Prints min /
// median / max per input and build, and the load average.
import path from "node:path";
import {loadavg} from "node:os";
import {parseArgs} from "node:util";
import {chromium, type Browser} from "playwright-core";
import {buildSite, chromiumArgs, findChromium, serveStatic, waitForSettledCells} from "../src/cli/index.ts";
import {listNotebooks} from "../src/vite/index.ts";
import {changeInputScript, listInputsScript, probeScript, scrollToInputScript, type InputTarget} from "./probe.ts";
import {stats} from "./stats.ts";
import {traceTaskCpu} from "./taskCpu.ts";

const root = path.resolve(import.meta.dirname, "..");
const {values: args, positionals: sites} = parseArgs({
  allowPositionals: true,
  options: {
    build: {type: "string"},
    only: {type: "string", multiple: true},
    rounds: {type: "string", default: "2"},
    changes: {type: "string", default: "10"}
  }
});
const WARM_UP = 2;
const MAX_INPUTS = 4;

/** Counts the page's messages to workers (DuckDB's is the only one an input change talks to). */
const countMessages = `(() => {
  window.__workerMessages = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...args) { window.__workerMessages++; return post.apply(this, args); };
})();`;

/** Per input and build: each timed change's ms and worker messages, and each open's CPU ms per change. */
type Series = {times: number[]; messages: number[]; pageCpu: number[]; workerCpu: number[]};

async function measure(browser: Browser, url: string, record: (input: string) => Series, changes: number) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({content: probeScript});
    await page.addInitScript({content: countMessages});
    await page.goto(url);
    await waitForSettledCells(page, 180_000);
    const inputs = ((await page.evaluate(listInputsScript)) as InputTarget[]).slice(0, MAX_INPUTS);
    for (const input of inputs) {
      const series = record(`${input.cell} ${input.kind}${input.label ? ` "${input.label}"` : ""}`);
      const change = async (step: number) => {
        const before = (await page.evaluate("window.__workerMessages")) as number;
        const time = (await page.evaluate(changeInputScript(input, step))) as number | null;
        const after = (await page.evaluate("window.__workerMessages")) as number;
        if (step < WARM_UP || time === null) return;
        series.times.push(time);
        series.messages.push(after - before);
      };
      await page.evaluate(scrollToInputScript(input));
      for (let step = 0; step < WARM_UP; step++) await change(step);
      const cpu = await traceTaskCpu(page, async () => {
        for (let step = WARM_UP; step < WARM_UP + changes; step++) await change(step);
      });
      series.pageCpu.push(cpu.page / changes);
      series.workerCpu.push(cpu.workers / changes);
    }
  } finally {
    await context.close();
  }
}

async function main() {
  const notebooks = listNotebooks(path.join(root, "notebooks")).filter((file) => !args.only?.length || args.only.includes(path.basename(file, ".html")));
  if (args.build !== undefined) {
    await buildSite(root, path.resolve(args.build), notebooks, {snapshots: true});
    console.log(`built ${notebooks.length} notebooks into ${args.build}`);
    return;
  }
  if (sites.length < 2) throw new Error("give two or more site directories (made with --build <dir>)");
  const servers = await Promise.all(sites.map((dir) => serveStatic(path.resolve(dir))));
  const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
  const load = loadavg();
  const results = new Map<string, Series[]>();
  try {
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const file of notebooks) {
        const name = path.basename(file, ".html");
        const order = servers.map((_, i) => i);
        if (round % 2) order.reverse();
        for (const side of order) {
          process.stdout.write(`round ${round + 1}: ${name} in ${sites[side]}\n`);
          const record = (input: string) => {
            const key = `${name}  ${input}`;
            if (!results.has(key)) results.set(key, servers.map(() => ({times: [], messages: [], pageCpu: [], workerCpu: []})));
            return results.get(key)![side]!;
          };
          await measure(browser, `${servers[side]!.url}notebooks/${name}.html`, record, Number(args.changes));
        }
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
  }
  console.log(`\ninput to chart, ms min / median / max (worker messages per change, median) [CPU ms per change of the page's main thread / its workers, median of the opens]; load average ${load.map((l) => l.toFixed(1)).join(" ")} at start, ${loadavg().map((l) => l.toFixed(1)).join(" ")} at end`);
  for (const [i, site] of sites.entries()) console.log(`  ${"ABCDEFGH"[i]}: ${site}`);
  const width = Math.max(...[...results.keys()].map((key) => key.length));
  for (const [key, series] of results) {
    const cells = series.map(({times, messages, pageCpu, workerCpu}, i) => {
      const t = stats(times);
      const m = stats(messages);
      const cpu = `${stats(pageCpu)?.median.toFixed(0) ?? "-"} / ${stats(workerCpu)?.median.toFixed(0) ?? "-"}`;
      return `${"ABCDEFGH"[i]} ${t ? `${t.min.toFixed(0)} / ${t.median.toFixed(0)} / ${t.max.toFixed(0)}` : "-"} (${m ? m.median : "-"}) [${cpu}]`;
    });
    console.log(`${key.padEnd(width)}  ${cells.map((c) => c.padEnd(36)).join("")}`);
  }
}

await main();
