import {existsSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";
import {readNotebook} from "../notebook/index.ts";
import {cellStartsHook, remoteHostsOf} from "../shared/index.ts";
import {listNotebooks} from "../vite/index.ts";
import {buildSite} from "./build-site.ts";
import {chromiumArgs, findChromium} from "./chromium.ts";
import {waitForSettledCells, type CellFailure, type PageOutcome} from "./settle.ts";
import {serveStatic, type StaticMount} from "./static-server.ts";

/** What `check` found for one notebook. */
export interface NotebookCheck {
  notebook: string;
  failures: CellFailure[];
  /**
   * Errors of the page itself (not of a cell): uncaught errors, requests to other addresses
   * (blocked), files it asked for that do not exist (404), and a page stopped at its deadline.
   */
  pageErrors: string[];
  /** With `strict`: every problem found reading the file, as `line N: message`; else none. */
  fileProblems: string[];
  cells: number;
}

/** Options of `checkNotebooks`. */
export interface CheckOptions {
  /** Project root (the folder with vite's notebooks/ and data/). */
  root: string;
  /** Notebook files to check; default every notebook in `<root>/notebooks`. */
  files?: string[];
  /** How long one notebook may take to settle. Default 60 s. */
  timeoutMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Fail a notebook for every problem found reading its file, warnings included. Default false. */
  strict?: boolean;
  /**
   * The project the notebooks from elsewhere belong to (`--root`): links among their files may
   * lead anywhere inside it. Each file must be inside it. Default: each notebook's own
   * (`projectRootOf`).
   */
  projectRoot?: string;
  /**
   * The Notebook Kit page template every notebook is laid out in (`--template`, as Notebook
   * Kit's `notebooks build --template`). Default: the one the notebook's project names for it in
   * a package.json script (see `notebookKitSite`), if any.
   */
  template?: string;
}

/** Name of the function a checked page calls with each cell's status, so `check` knows it even once the page hangs. */
const statusBinding = "__maptCheckStatus";

// Reports every cell's status as it changes. A mutation observer runs before the cell's code
// (both are microtasks, the status change is queued first), so a cell that hangs the page was
// reported running.
const statusScript = `(() => {
  const report = (cell) => window.${statusBinding}?.(Number(cell.dataset.cellId), cell.dataset.status || "");
  new MutationObserver((records) => {
    for (const record of records) if (record.target instanceof HTMLElement && record.target.matches(".mapt-cell")) report(record.target);
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-status"]});
})();`;

/**
 * Builds the site, opens each notebook headless in Chromium, waits until every cell settles,
 * and reports each cell that failed: notebook, cell id, mode and error. The deadline is kept
 * from outside the page: a page that hangs (a loop the guard cannot see) is closed at it, and
 * the cells that were running are named.
 */
export async function checkNotebooks(options: CheckOptions): Promise<NotebookCheck[]> {
  const {root, timeoutMs = 60_000, log = () => {}} = options;
  const files = (options.files?.length ? options.files : listNotebooks(path.join(root, "notebooks"))).map((f) => path.resolve(f));
  for (const file of files) if (!existsSync(file)) throw new Error(`no such notebook file: ${file}`);
  const projectRoot = options.projectRoot === undefined ? undefined : path.resolve(options.projectRoot);
  if (projectRoot !== undefined) {
    if (!existsSync(projectRoot)) throw new Error(`no such folder (--root): ${projectRoot}`);
    const outside = files.filter((file) => path.relative(projectRoot, file).startsWith(".."));
    if (outside.length > 0) throw new Error(`not inside --root ${projectRoot}: ${outside.join(", ")}`);
  }
  const executablePath = findChromium();
  log(`building ${files.length} notebook${files.length === 1 ? "" : "s"}…`);
  if (options.template !== undefined && !existsSync(options.template)) throw new Error(`no such page template (--template): ${path.resolve(options.template)}`);
  const site = await buildSite(root, path.join(tmpdir(), `mapt-check-${process.pid}`), files, {projectRoot, template: options.template});
  const server = await serveStatic(site.dir, {mounts: site.mounts});
  const launch = () => chromium.launch({executablePath, args: chromiumArgs});
  let browser = await launch();
  try {
    const results: NotebookCheck[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const {notebook, diagnostics} = readNotebook(text);
      const modes = new Map(notebook.cells.map((cell) => [cell.id, cell.mode]));
      const pagePath = "/" + site.pages.get(file)!;
      const mount = site.mounts.find((m) => pagePath.startsWith(m.urlPath));
      const run = await checkPage(browser, server.url + pagePath.slice(1), {siteUrl: server.url, remoteHosts: remoteHostsOf(notebook.extra).hosts, modes, timeoutMs, mount});
      if (run.hung) {
        // A renderer that would not close takes its browser with it; the next notebook gets a fresh one.
        await browser.close().catch(() => {});
        browser = await launch();
      }
      const fileProblems = options.strict ? diagnostics.map((d) => `line ${d.line}: ${d.severity}: ${d.message}`) : [];
      const pageErrors = [...(site.problems.get(file) ?? []), ...run.pageErrors];
      results.push({notebook: path.relative(process.cwd(), file) || file, failures: run.outcome.failures, pageErrors, fileProblems, cells: run.outcome.cells});
      log(`${results.at(-1)!.notebook}: ${run.outcome.cells} cells, ${run.outcome.failures.length} failed`);
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}

interface PageRun {
  outcome: PageOutcome;
  pageErrors: string[];
  /** The page did not close when asked (its renderer is stuck). */
  hung: boolean;
}

/** Opens one page and watches it until its cells settle or its deadline passes. */
/** What `checkPage` needs to know besides the page. */
interface PageContext {
  siteUrl: string;
  remoteHosts: string[];
  /** Each cell's mode, by id: a hung page cannot be asked. */
  modes: Map<number, string>;
  timeoutMs: number;
  /** The page's project as served (its `siteRoot` is where site-root addresses lead), to say where a missing one was looked for. */
  mount?: StaticMount;
}

async function checkPage(browser: Browser, url: string, context: PageContext): Promise<PageRun> {
  const {siteUrl, remoteHosts, modes, timeoutMs} = context;
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  const statuses = new Map<number, string>();
  const missing = new Set<string>();
  const blocked = new Set<string>();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("response", (response) => {
    if (response.status() === 404) missing.add(response.url());
  });
  // The page's policy stops most requests to other addresses before the route below sees them.
  page.on("requestfailed", (request) => {
    if (/csp/i.test(request.failure()?.errorText ?? "")) blocked.add(request.url());
  });
  await page.exposeBinding(statusBinding, (_source, cell: number, status: string) => void statuses.set(cell, status));
  // The runtime calls this as each cell's code starts (synchronously, before it can hang the page).
  let lastStarted: number | undefined;
  await page.exposeBinding(cellStartsHook, (_source, cell: number) => void (lastStarted = cell));
  await page.addInitScript({content: statusScript});
  // Nothing but the check's own server (and the hosts the notebook lists) is ever contacted.
  await page.route("**/*", (route) => {
    const target = route.request().url();
    if (target.startsWith(siteUrl) || allowedRemote(target, remoteHosts)) return route.continue();
    blocked.add(target);
    return route.abort("blockedbyclient");
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  // The page's own wait can hang with the page; this one cannot. A little later than the page's, so a page that answers reports itself.
  const deadline = new Promise<"deadline">((resolve) => (timer = setTimeout(() => resolve("deadline"), timeoutMs + 5_000)));
  const settled = (async () => {
    await page.goto(url);
    return waitForSettledCells(page, timeoutMs);
  })();
  settled.catch(() => {});
  let outcome: PageOutcome;
  let stopped = false;
  try {
    const first = await Promise.race([settled, deadline]);
    if (first === "deadline") {
      stopped = true;
      outcome = stoppedOutcome(statuses, lastStarted, modes, timeoutMs);
    } else outcome = first;
  } catch (error) {
    outcome = {settled: false, failures: [], cells: 0};
    pageErrors.push(`the page could not be opened: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
  if (stopped) pageErrors.push(`the page did not answer within ${timeoutMs / 1000} s and was stopped${lastStarted === undefined ? " (no cell had started: the page itself hung)" : ""}`);
  else if (!outcome.settled && outcome.failures.length === 0) pageErrors.push(`the notebook did not start within ${timeoutMs / 1000} s`);
  for (const address of blocked) pageErrors.push(`blocked a request to another address: ${address} (list its host in remote-hosts on <notebook> to allow it)`);
  for (const address of missing) pageErrors.push(`not found (404): ${address.startsWith(siteUrl) ? address.slice(siteUrl.length) : address}${lookedFor(address, context)}`);
  const hung = !(await closes(page));
  return {outcome, pageErrors, hung};
}

/** What a page stopped at its deadline shows: each cell that was running or waiting then. */
function stoppedOutcome(statuses: Map<number, string>, lastStarted: number | undefined, modes: Map<number, string>, timeoutMs: number): PageOutcome {
  const failures: CellFailure[] = [];
  if (lastStarted !== undefined && !statuses.has(lastStarted)) statuses.set(lastStarted, "running");
  for (const [cell, status] of statuses) {
    const mode = modes.get(cell) ?? "";
    if (cell === lastStarted && (status === "running" || status === "pending")) {
      failures.push({cell, mode, error: `still running at the ${timeoutMs / 1000} s deadline: the page stopped answering while this cell's code ran (an endless loop or a computation that never yields), and was stopped`});
    } else if (status === "running" || status === "pending") {
      failures.push({cell, mode, error: `had not finished when the page was stopped at the ${timeoutMs / 1000} s deadline${lastStarted === undefined ? "" : ` (cell ${lastStarted} was running)`}`});
    }
    else if (status === "error") failures.push({cell, mode, error: "failed (the page was stopped before its message could be read)"});
  }
  return {settled: false, failures: failures.sort((a, b) => a.cell - b.cell), cells: statuses.size};
}

/**
 * For a missing site-root address of a page with a site root (an address outside the page's own
 * folder in the site): where it was looked for, such as a library the project builds
 * (`/dist/lib.js`) and does not keep in its repository.
 */
function lookedFor(address: string, context: PageContext): string {
  const siteRoot = context.mount?.siteRoot;
  if (siteRoot === undefined || !address.startsWith(context.siteUrl)) return "";
  const {pathname} = new URL(address);
  if (pathname.startsWith(context.mount!.urlPath)) return "";
  const file = path.join(siteRoot, ...decodeURIComponent(pathname).split("/").filter(Boolean));
  return ` (a site-root address: looked for ${path.relative(process.cwd(), file) || file}, which does not exist; a file the project builds must be built first)`;
}

/** Whether `url`'s host is one the notebook lists (`host`, `host:port` or `scheme://host[:port]`). */
function allowedRemote(url: string, remoteHosts: string[]): boolean {
  if (remoteHosts.length === 0) return false;
  const {protocol, host, hostname} = new URL(url);
  return remoteHosts.some((entry) => {
    const scheme = /^(https?):\/\//.exec(entry)?.[1];
    const bare = entry.replace(/^https?:\/\//, "");
    if (scheme && `${scheme}:` !== protocol) return false;
    return bare.includes(":") ? bare === host : bare === hostname;
  });
}

/** Closes a page, even a hung one; false when it would not close in a few seconds. */
async function closes(page: Page): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)));
  const closed = page.close({runBeforeUnload: false}).then(() => true, () => false);
  const result = await Promise.race([closed, gaveUp]);
  clearTimeout(timer);
  return result;
}

/** The report `check` prints: one line per failed cell, then a summary. */
export function formatCheckReport(results: NotebookCheck[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.failures) lines.push(`${r.notebook}: cell ${f.cell}${f.mode ? ` (${f.mode})` : ""}: ${f.error}`);
    for (const e of r.pageErrors) lines.push(`${r.notebook}: page error: ${e}`);
    for (const p of r.fileProblems) lines.push(`${r.notebook}: ${p}`);
  }
  const failed = results.filter((r) => r.failures.length || r.pageErrors.length || r.fileProblems.length).length;
  lines.push(`${results.length - failed} notebook${results.length - failed === 1 ? "" : "s"} passed, ${failed} failed`);
  return lines.join("\n");
}
