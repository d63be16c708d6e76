// npm run bench:budget [-- --only name] [--scripts N] [--no-snapshots]
//
// The reader's main-thread JavaScript per shipped notebook of the production build (with result
// snapshots, as `npm run build` ships it), counted as `npm run bench` and
// tests/e2e/reader-budget.test.ts count it (bench/mainThreadScripts.ts): gzip of the scripts the
// page requested until its last cell settled. Prints each notebook's total against the 200 kB
// budget and its largest scripts, to see what a page loads and why. Bytes, not times: the figures
// do not depend on the machine's load.
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {chromium} from "playwright-core";
import {buildSite, chromiumArgs, findChromium, serveStatic, waitForSettledCells} from "../src/cli/index.ts";
import {listNotebooks} from "../src/vite/index.ts";
import {READER_JS_BUDGET, gzipTotal, recordMainThreadScripts} from "./mainThreadScripts.ts";
import {probeScript} from "./probe.ts";

const root = path.resolve(import.meta.dirname, "..");
const {values: args} = parseArgs({
  options: {
    only: {type: "string", multiple: true},
    scripts: {type: "string", default: "12"},
    "no-snapshots": {type: "boolean"}
  }
});

const notebooks = listNotebooks(path.join(root, "notebooks")).filter(
  (file) => !args.only?.length || args.only.some((name) => path.basename(file, ".html") === name)
);
console.log(`building the site (${notebooks.length} notebooks)…`);
const site = await buildSite(root, mkdtempSync(path.join(tmpdir(), "mapt-budget-")), notebooks, {snapshots: !args["no-snapshots"]});
const server = await serveStatic(site.dir);
const browser = await chromium.launch({executablePath: findChromium(), args: chromiumArgs});
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
let over = 0;
try {
  for (const file of notebooks) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript({content: probeScript});
    const recorder = recordMainThreadScripts(page);
    await page.goto(server.url + site.pages.get(file)!);
    const outcome = await waitForSettledCells(page, 180_000);
    if (outcome.failures.length) throw new Error(`${path.basename(file)}: cells failed: ${JSON.stringify(outcome.failures)}`);
    const scripts = await recorder.until("window.__bench.settled");
    await context.close();
    const total = gzipTotal(scripts);
    if (total > READER_JS_BUDGET) over++;
    console.log(`\n${path.basename(file, ".html")}: ${kb(total)} gzip in ${scripts.length} scripts (budget ${kb(READER_JS_BUDGET)}${total > READER_JS_BUDGET ? ", OVER" : ""})`);
    for (const script of scripts.slice(0, Number(args.scripts))) console.log(`  ${kb(script.gzip).padStart(9)}  ${script.path}`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${over === 0 ? "every notebook is within the budget" : `${over} notebook(s) over the budget`}`);
