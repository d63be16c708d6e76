// npm run bench:workbench — the editor's costs as a ratio to the reader's cold open of the same
// notebook, in the same run: Edit click to the first editable cell (on the page's editing twin,
// where Edit leads from a strict reader page), and Run all of the Syria case
// study. Each run opens a fresh browser context (empty HTTP cache). Prints a table and writes JSON
// to bench/results/.
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {chromium, type Browser} from "playwright-core";
import {buildSite, chromiumArgs, findChromium, serveStatic, waitForSettledCells} from "../src/cli/index.ts";

const root = path.resolve(import.meta.dirname, "..");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const notebook = path.join(root, "notebooks/syria-2011.html");

/**
 * Init script: the time (ms since navigation start) of the last change of any cell's status to a
 * settled one, so "settled" is when the last cell finished, not after a quiet period.
 */
const settleProbe = `
(() => {
  window.__lastSettle = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      const status = r.target.dataset && r.target.dataset.status;
      if (status && status !== "pending" && status !== "running") window.__lastSettle = performance.now();
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-status"]});
})();
`;

/**
 * Clicks Edit: a built reader page is strict (no code from strings), so Edit opens the page's
 * editing twin (a navigation). Returns the click's time, epoch ms.
 */
const editClickScript = `(() => {
  const edit = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Edit");
  const start = performance.timeOrigin + performance.now();
  edit.click();
  return start;
})()`;

/** On the twin, once a cell's code editor is on screen: the next frame's time, epoch ms. */
const editorReadyScript = `new Promise((resolve) => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())))`;

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {min: sorted[0]!, median, max: sorted.at(-1)!};
};

async function once(browser: Browser, url: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({content: settleProbe});
    await page.goto(url);
    const opened = await waitForSettledCells(page, 180_000);
    if (opened.failures.length) throw new Error(`the notebook failed to open: ${JSON.stringify(opened.failures)}`);
    const readerOpen = (await page.evaluate("window.__lastSettle")) as number;
    const clicked = (await page.evaluate(editClickScript)) as number;
    await page.waitForSelector(".mapt-cell .cm-editor .cm-content", {timeout: 180_000});
    const editClick = ((await page.evaluate(editorReadyScript)) as number) - clicked;
    // The twin runs the notebook as it opens; Run all is timed once that has settled.
    const twin = await waitForSettledCells(page, 180_000);
    if (twin.failures.length) throw new Error(`the editing twin failed to open: ${JSON.stringify(twin.failures)}`);
    const runStart = (await page.evaluate(`(() => { const t = performance.now(); window.__lastSettle = 0; document.querySelector('button[data-action="run-all"]').click(); return t; })()`)) as number;
    await page.waitForFunction("window.__lastSettle > 0", null, {timeout: 180_000});
    const ran = await waitForSettledCells(page, 180_000);
    if (ran.failures.length) throw new Error(`Run all failed: ${JSON.stringify(ran.failures)}`);
    const runAll = ((await page.evaluate("window.__lastSettle")) as number) - runStart;
    return {readerOpen, editClick, runAll};
  } finally {
    await context.close();
  }
}

async function main() {
  console.log("building the Syria notebook…");
  const site = await buildSite(root, mkdtempSync(path.join(tmpdir(), "mapt-bench-wb-")), [notebook]);
  const server = await serveStatic(site.dir);
  const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
  const samples: Array<{readerOpen: number; editClick: number; runAll: number}> = [];
  try {
    for (let i = 0; i < runs; i++) samples.push(await once(browser, server.url + site.pages.get(notebook)!));
  } finally {
    await browser.close();
    await server.close();
  }
  const result = {
    date: new Date().toISOString(),
    runs,
    readerOpen: stats(samples.map((s) => s.readerOpen)),
    editClick: stats(samples.map((s) => s.editClick)),
    runAll: stats(samples.map((s) => s.runAll)),
    editClickRatio: stats(samples.map((s) => s.editClick / s.readerOpen)),
    runAllRatio: stats(samples.map((s) => s.runAll / s.readerOpen)),
    samples
  };
  const fmt = (s: {min: number; median: number; max: number}, unit = " ms", digits = 0) =>
    `${s.median.toFixed(digits)}${unit} (min ${s.min.toFixed(digits)}, max ${s.max.toFixed(digits)})`;
  console.log(`\nSyria case study, ${runs} fresh contexts\n`);
  console.log(`${"reader cold open, last cell settled".padEnd(40)} ${fmt(result.readerOpen)}`);
  console.log(`${"Edit click to first editable cell".padEnd(40)} ${fmt(result.editClick)}  ratio ${fmt(result.editClickRatio, "x", 2)}`);
  console.log(`${"Run all, to last cell settled".padEnd(40)} ${fmt(result.runAll)}  ratio ${fmt(result.runAllRatio, "x", 2)}`);
  mkdirSync(path.join(root, "bench/results"), {recursive: true});
  const out = path.join(root, "bench/results", `workbench-${result.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nwrote ${path.relative(root, out)}`);
}

await main();
