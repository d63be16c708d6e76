// Composition root of a notebook page in the reader: the build compiled the cells; this defines
// them in the runtime, reports them to the page's one view per cell, and starts DuckDB alongside.
import catalog from "virtual:mapt/catalog";
import {maybeSupervised, parseMemoryBudget, SnapshotFirstClient, startDuckDB, type DuckDBClient, type PageSnapshots, type StartProgress} from "../data/index.ts";
import {recordQueriesForExport} from "./export-recording.ts";
import {NotebookRuntime, type DefinableCell} from "../runtime/index.ts";
import {createBuiltins, pageInputs, type BuildQueries, type InputsMembers, type LocalModules} from "../stdlib/index.ts";
import {isShareFragment} from "../share/index.ts";
import {
  askBeforeRunning,
  CellViews,
  lastRunStopped,
  markRunning,
  NotebookFiles,
  offerColorSchemeSwitch,
  offerPresenting,
  renderDatabaseStatus,
  settlePrepainted,
  showEngineReport,
  stoppedCellNotice,
  showFileLoads,
  stoppedNotice
} from "../ui/index.ts";
import type {EditableSpec} from "./editing.ts";
import {offerEditingSoon} from "./editing-offer.ts";
import {pageDuckDB, pageDuckDBUrls, pageSnapshots} from "./page-start.ts";

/** What the build hands a page: its compiled cells and attachments. */
export interface ReaderPage {
  /** True when a cell uses SQL: DuckDB then starts with the page instead of on first use. */
  database: boolean;
  files: Record<string, {url: string; mimeType: string}>;
  cells: DefinableCell[];
  /** Loads just the Plot members the cells use (the build found them); absent: all of Plot. */
  plot?: () => Promise<object>;
  /** Loads just the D3 members the cells use (the build found them); absent: all of D3. */
  d3?: () => Promise<object>;
  /** Loads just the Observable Inputs members the cells use; absent: all of Inputs. */
  inputs?: () => Promise<InputsMembers>;
  /**
   * Loads Arquero without its Arrow writer (no cell names one, the build found): the members the
   * cells use, and all of them. Absent: all of Arquero.
   */
  aq?: {members: () => Promise<object>; all: () => Promise<object>};
  /** The ES modules beside the notebook's file that its cells import; absent: none (a draft). */
  modules?: LocalModules;
  /** The results of the SQL cells the build ran on DuckDB or SQLite files; absent: none. */
  queries?: BuildQueries;
  /** Editing: the page's file and its text on demand, or a draft for editor.html. */
  edit?: Pick<EditableSpec, "path" | "source" | "draft">;
}

/** Runs a built notebook page. */
export function run(page: ReaderPage): NotebookRuntime {
  const main = document.getElementById("mapt-notebook")!;
  const statusElement = document.getElementById("mapt-db-status");
  const bar = document.querySelector<HTMLElement>(".mapt-bar");
  if (bar) offerColorSchemeSwitch(bar);
  // The cells' FileAttachment names record the notebook's files; editing may attach more.
  const files = new NotebookFiles(page.files, () => page.cells.flatMap((cell) => cell.files));
  // A user's file shows its progress on the cells waiting for it; `?memory-budget=500MB` lowers
  // the memory a file may take (see the README), e.g. to try a file's refusal. Read now: the
  // editor rewrites the address before the database starts.
  const load = {onProgress: showFileLoads(main), memoryBudget: parseMemoryBudget(new URLSearchParams(location.search).get("memory-budget"))};
  const onProgress = (p: StartProgress) => statusElement && renderDatabaseStatus(statusElement, {...p, phase: "loading"});
  const started = (client: Promise<DuckDBClient>) =>
    client.then(
      (ready) => {
        performance.mark("mapt:duckdb-ready");
        if (statusElement) renderDatabaseStatus(statusElement, {phase: "ready"});
        superviseEngine(ready);
        return ready;
      },
      (error: unknown) => {
        if (statusElement) renderDatabaseStatus(statusElement, {phase: "failed", error});
        throw error;
      }
    );
  // An exported single file answers its queries from the results frozen into it (mapt export),
  // and runs others on the engine it carries, if it was exported with one.
  const frozen = document.getElementById("mapt-frozen")?.textContent
    ? import("./frozen-page.ts").then(({frozenDatabase}) =>
        frozenDatabase(main, (engine) => started(startDuckDB({...engine, catalog, files: files.tables, load, onProgress})))
      )
    : undefined;
  let database: Promise<DuckDBClient> | undefined = frozen?.then((client) => client ?? Promise.reject(new Error("this exported page holds no results")));
  const exported = database !== undefined;
  recordQueriesForExport();
  const openDatabase = () => (database ??= started(startDuckDB({...pageDuckDBUrls(), launched: pageDuckDB(), catalog, files: files.tables, load, onProgress})));
  if (page.database) void openDatabase().catch(() => {});
  // A crashed or stuck DuckDB is replaced (data/supervised-duckdb.ts): the page says so and runs
  // again the cells that use the database, as they are defined now (edited cells not yet run
  // stay as they are; a cell the reader stopped stays stopped). Their dependents follow.
  const superviseEngine = (client: DuckDBClient) => {
    const engine = maybeSupervised(client.instance);
    if (engine === undefined) return;
    engine.listen((report) => {
      showEngineReport(main, statusElement, report);
      if (report.type === "restarted") void rerunDatabaseCells(runtime);
    });
    // For the end-to-end tests of this recovery: the name says what it is.
    (window as unknown as Record<string, unknown>).__maptTestOnlyCrashDuckDBWorker = () => engine.crashWorkerForTest();
  };
  // A shipped page opened as built answers the queries its build recorded at once, while DuckDB
  // starts (data/snapshots.ts), and shows the charts its build drew (shared/prepaint.ts). Not a
  // draft, nor a link (its values and files are the link's), nor an exported file; an editing
  // session turns snapshots off before it changes anything, and a stopped run drops the charts.
  const fragment = location.hash.slice(1);
  const asBuilt = !exported && page.edit?.draft === undefined && !isShareFragment(fragment);
  if (!asBuilt) settlePrepainted(main, false);
  let snapshots: Promise<PageSnapshots | undefined> | undefined;
  if (page.database && asBuilt) snapshots = pageSnapshots();
  const stopSnapshots = () => void snapshots?.then((s) => s?.stop());
  const queryDatabase = async (): Promise<DuckDBClient> => {
    const recorded = await snapshots;
    // The client answers what cells and builtins ask of `db`; DuckDB does the rest.
    return recorded?.on ? (new SnapshotFirstClient(recorded, openDatabase) as unknown as DuckDBClient) : openDatabase();
  };

  // Plot and D3 are plain objects so editing can fill in the members the reader's build left out.
  const [loadPlot, completePlot] = trimmed(page.plot, () => import("@observablehq/plot"));
  const [loadD3, completeD3] = trimmed(page.d3, () => import("d3"));
  const [loadInputs, completeInputs] = trimmed(page.inputs && (() => pageInputs(page.inputs, document)), () => pageInputs(undefined, document));
  const [loadArquero, completeArquero] = trimmed(page.aq?.members, page.aq?.all ?? (() => import("arquero")));
  // Fetched now, not when the first cell drawing with them runs: their chunks then load while
  // the cells before that one compute, and the first chart comes sooner.
  const names = new Set(page.cells.flatMap((cell) => cell.inputs));
  if (names.has("Plot") || names.has("trajectoryChart")) loadPlot().catch(() => {});
  if (names.has("d3")) loadD3().catch(() => {});

  const views = new CellViews(main);
  const runtime = new NotebookRuntime(
    createBuiltins({
      database: openDatabase,
      queryDatabase,
      resolveFile: (name) => files.resolve(name),
      listFiles: () => files.names(),
      root: main,
      document,
      plot: loadPlot,
      d3: loadD3,
      inputs: loadInputs,
      aq: loadArquero,
      modules: page.modules,
      queries: page.queries
    }),
    (id) => views.get(id)
  );
  // A shipped notebook is trusted: its compiled cells run as the page opens, with the input
  // values of a link to the page (`#state1/...`) in place before the first run.
  const defineCells = () => {
    for (const cell of page.cells) {
      views.attach({id: cell.id, mode: cell.mode});
      runtime.define(cell);
    }
    document.documentElement.dataset.maptReady = "true";
  };
  const run = () => {
    markRunning(markKey);
    // A link's state (`#state1/...`) needs its decoder and file checks: loaded only for links.
    if (isShareFragment(fragment)) void import("./link-state.ts").then(async ({checkLinkFilesOnPage, restoreLinkState}) => {
      const payload = await restoreLinkState(fragment, runtime, main);
      // The page's files, checked against the ones the link refers to before any cell reads them.
      const readers = (name: string) => page.cells.filter((cell) => cell.files.includes(name));
      const showFileProblems = await checkLinkFilesOnPage(payload?.files ?? [], files);
      // Once the file is here, the cells that name it and those that failed (a SQL cell reading its table) run again.
      const arrived = (name: string) =>
        page.cells.filter((cell) => cell.files.includes(name) || views.maybe(cell.id)?.status === "error").forEach((cell) => runtime.define(cell));
      showFileProblems({main, readers: (name) => readers(name).map((cell) => cell.id), arrived});
      defineCells();
    });
    else defineCells();
  };
  // A shipped page whose last session here froze or crashed while running opens without running.
  const markKey = page.edit?.path ?? location.pathname;
  if (page.edit?.draft !== undefined) document.documentElement.dataset.maptReady = "true";
  else
    void lastRunStopped(markKey).then((stopped) => {
      settlePrepainted(main, asBuilt && !stopped);
      if (!stopped) return run();
      for (const cell of page.cells) views.attach({id: cell.id, mode: cell.mode}).setIdle();
      for (const id of stopped.cells) views.maybe(id)?.notice(stoppedCellNotice);
      document.documentElement.dataset.maptReady = "true";
      askBeforeRunning(main, stoppedNotice(stopped), run);
    });
  // The catalog's descriptions, units and sources are for editors only: a chunk of their own.
  const catalogDetails = () => import("virtual:mapt/catalog-details").then((m) => m.default);
  // Any notebook presents as slides (P, the Present button, `?present`); Enter on a slide edits it where the page can edit.
  const presenting = offerPresenting({main, bar: document.querySelector<HTMLElement>(".mapt-bar") ?? document.body});
  // An exported file has no editor (Edit needs the full app); the build drops its code.
  if (page.edit && !import.meta.env.MAPT_EXPORT) offerEditingSoon({...page.edit, views, runtime, files, database: openDatabase, catalogDetails, beforeEdit: async () => void (await Promise.all([completePlot(), completeD3(), completeInputs(), completeArquero(), page.aq && writeArrowInEditMode()])), presenting, onSession: stopSnapshots});
  return runtime;
}

/**
 * A library the build trimmed to the members a page's cells name: its loader (one object,
 * loaded once) and a completion that adds every other member (Edit mode may use any).
 */
function trimmed(load: (() => Promise<object>) | undefined, all: () => Promise<object>): [() => Promise<object>, () => Promise<void>] {
  let members: Promise<object> | undefined;
  const loadMembers = () => (members ??= (load ?? all)().then((module) => ({...module})));
  return [loadMembers, async () => void (load && Object.assign(await loadMembers(), await all()))];
}

/** Edit mode may write Arrow from any cell: the trimmed Arquero's stand-in hands its calls to flechette. */
async function writeArrowInEditMode(): Promise<void> {
  const [{useFlechette}, flechette] = await Promise.all([import("../stdlib/flechette-stand-in.ts"), import("@uwdata/flechette")]);
  useFlechette(flechette);
}

/**
 * Runs again the cells that name a builtin reaching the page's DuckDB, on a new engine. The table
 * of builtins (with every one's help text, 2.5 kB gzip) loads only then: a page's start needs none of it.
 */
async function rerunDatabaseCells(runtime: NotebookRuntime): Promise<void> {
  const {builtinsThatNeed} = await import("../stdlib/builtin-names.ts");
  const databaseBuiltins = builtinsThatNeed("database");
  runtime.rerun((cell) => cell.inputs.some((name) => databaseBuiltins.has(name)));
}
