import type {CellSink} from "../runtime/index.ts";
import {cellMarkup, cellNameMarkup, cellSourceMarkup, PREPAINTED_ATTRIBUTE, type CellMarkupSpec} from "../shared/index.ts";
import {mayDownload, offerDownloads} from "./download-menu.ts";
import {describeError} from "./error-text.ts";
import {renderValue} from "./render-value.ts";
import {isTableLike, renderTable} from "./table-view.ts";

/**
 * What a cell shows about its run. "idle": shown but not run (an untrusted notebook, or a cell
 * never run); "stale": edited and not run since; "interrupted": stopped, waiting to run again.
 */
export type CellStatus = "pending" | "running" | "fulfilled" | "error" | "stale" | "interrupted" | "idle";

const statusLabels: Record<CellStatus, string> = {
  pending: "pending",
  running: "running",
  fulfilled: "done",
  error: "error",
  stale: "edited, not run",
  interrupted: "interrupted",
  idle: "not run"
};

/** What the view shows of a cell's document (not its live state). */
export type CellViewSpec = CellMarkupSpec;

/** A cell's element in the page and the sink the runtime reports to. */
export interface CellView extends CellSink {
  readonly element: HTMLElement;
  /** What the status line says now (a stale cell says "stale" over its last run's status). */
  readonly status: CellStatus;
  /** The document changed: mode, name, pinned code, hidden; `staticHtml` for a cell that does not run. */
  update(spec: CellViewSpec): void;
  /** Marks the cell as edited and not run since (or not). */
  setStale(stale: boolean): void;
  /** A cell the page shows without running: its status says so. */
  setIdle(): void;
}

/**
 * Creates the view of one cell, reusing the element the build pre-rendered (`#cell-N`) when the
 * page has one, so static Markdown stays on screen while scripts and DuckDB load. Values show
 * with the view that fits them, whatever the cell's mode: an Arrow table as a table, a DOM node
 * as it is, anything else through the inspector.
 */
export function createCellView(spec: CellViewSpec, parent: HTMLElement): CellView {
  const element = (parent.querySelector(`:scope > #cell-${spec.id}`) as HTMLElement | null) ?? createCellElement(spec, parent);
  const output = part(element, "mapt-cell-output");
  const errorBox = part(element, "mapt-cell-error");
  const statusBox = part(element, "mapt-cell-status");
  const noticeBox = part(element, "mapt-cell-notice");
  let current = spec;
  let runStatus = (element.dataset.status as CellStatus | undefined) ?? "pending";
  let stale = false;
  let startedAt = 0;
  let detail = "";

  const render = () => {
    const status = stale ? "stale" : runStatus;
    element.dataset.status = status;
    element.setAttribute("aria-busy", String(status === "running"));
    statusBox.textContent = detail && !stale ? `${statusLabels[status]} · ${detail}` : statusLabels[status];
    statusBox.title = `Cell ${current.id} (${current.mode}): ${statusBox.textContent}`;
  };
  const setRunStatus = (next: CellStatus, nextDetail = "") => {
    transitions++;
    runStatus = next;
    detail = nextDetail;
    render();
  };
  const elapsed = () => formatDuration(performance.now() - startedAt);
  /**
   * A hidden cell's query results, each waiting in its place until the cell is shown: drawing a
   * table nobody sees cost every run of the cell (an input's change re-runs it). Other values
   * are put in as they come (a hidden cell may hold a stylesheet the page uses).
   */
  const waiting = new Map<Comment, Parameters<typeof renderTable>[0]>();
  const append = (node: Node) => {
    output.append(node);
    if (mayDownload(node)) offerDownloads(element, output);
  };
  /**
   * The inspector's drawings of the output not yet in (it loads on first use): the cell says
   * "done" only once they are, as tests and readers take "done" to mean the output is there.
   */
  let drawing: Promise<void> | undefined;
  /** Counts status changes, so a "done" held for a drawing is dropped when the cell moved on. */
  let transitions = 0;
  const show = (value: unknown) => {
    if (!isTableLike(value)) {
      const {node, drawn} = renderValue(value);
      if (drawn) drawing = drawing ? Promise.all([drawing, drawn]).then(() => {}) : drawn;
      return append(node);
    }
    if (!element.hidden) return append(renderTable(value));
    const slot = element.ownerDocument.createComment(" a hidden cell's table, drawn when the cell is shown ");
    waiting.set(slot, value);
    output.append(slot);
  };
  const showWaiting = () => {
    for (const [slot, table] of waiting) {
      if (slot.parentNode !== output) continue;
      const node = renderTable(table);
      slot.replaceWith(node);
      if (mayDownload(node)) offerDownloads(element, output);
    }
    waiting.clear();
  };
  // The build's copy of a chart (src/shared/prepaint.ts) stays until the first live result
  // replaces it: `clear` comes in the same task as the run's first display, or its error.
  const clearOutput = () => {
    output.replaceChildren();
    output.removeAttribute(PREPAINTED_ATTRIBUTE);
    waiting.clear();
    drawing = undefined;
  };
  const clearError = () => {
    errorBox.hidden = true;
    errorBox.textContent = "";
    element.removeAttribute("data-error");
  };

  render();
  return {
    element,
    get status() {
      return stale ? "stale" : runStatus;
    },
    update(next) {
      current = next;
      element.dataset.mode = next.mode;
      element.hidden = next.hidden === true;
      element.toggleAttribute("data-hidden-cell", next.hidden === true);
      if (!element.hidden) showWaiting();
      element.toggleAttribute("data-pinned", next.pinned === true);
      replacePart(element, "mapt-cell-name", cellNameMarkup(next.output), statusBox);
      replacePart(element, "mapt-cell-source", cellSourceMarkup(next), null);
      if (next.staticHtml !== undefined) {
        output.innerHTML = next.staticHtml;
        output.removeAttribute(PREPAINTED_ATTRIBUTE);
        waiting.clear();
        clearError();
      }
    },
    setStale(next) {
      stale = next;
      render();
    },
    setIdle() {
      setRunStatus("idle");
    },
    running() {
      startedAt = performance.now();
      setRunStatus("running");
    },
    interrupted() {
      setRunStatus("interrupted");
    },
    clear: clearOutput,
    append: show,
    fulfilled(value, display) {
      if (display) clearOutput(), show(value);
      clearError();
      const took = elapsed();
      if (drawing === undefined) return setRunStatus("fulfilled", took);
      const at = transitions;
      void drawing.then(() => at === transitions && setRunStatus("fulfilled", took));
    },
    rejected(error) {
      const text = describeError(error);
      clearOutput();
      errorBox.textContent = text;
      errorBox.hidden = false;
      element.dataset.error = text;
      setRunStatus("error", elapsed());
    },
    notice(text) {
      noticeBox.hidden = text === undefined;
      noticeBox.textContent = text ?? "";
    }
  };
}

function createCellElement(spec: CellViewSpec, parent: HTMLElement): HTMLElement {
  const template = document.createElement("template");
  template.innerHTML = cellMarkup(spec);
  const element = template.content.firstElementChild as HTMLElement;
  parent.append(element);
  return element;
}

function part(element: HTMLElement, className: string): HTMLElement {
  const found = element.querySelector<HTMLElement>(`:scope > .${className}`);
  if (!found) throw new Error(`cell ${element.id} has no .${className}; its markup must come from cellMarkup()`);
  return found;
}

/** Replaces the optional part `className` by `markup` ("" removes it), after `after` or at the end. */
function replacePart(element: HTMLElement, className: string, markup: string, after: Element | null): void {
  const old = element.querySelector(`:scope > .${className}`);
  if (old?.outerHTML === markup) return;
  old?.remove();
  if (markup === "") return;
  const template = document.createElement("template");
  template.innerHTML = markup;
  const node = template.content.firstElementChild!;
  if (after) after.after(node);
  else element.append(node);
}

/** "12 ms", "1.4 s": how long a run took, for the status line. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}
