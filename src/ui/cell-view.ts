import type {CellSink} from "../runtime/index.ts";
import {cellMarkup, type CellMarkupSpec} from "../shared/index.ts";
import {describeError} from "./error-text.ts";
import {renderValue} from "./render-value.ts";
import {isTableLike, renderTable} from "./table-view.ts";

/** What a cell shows about its run. "stale" marks an edited cell that has not run yet. */
export type CellStatus = "pending" | "running" | "fulfilled" | "error" | "stale";

const statusLabels: Record<CellStatus, string> = {
  pending: "pending",
  running: "running",
  fulfilled: "done",
  error: "error",
  stale: "edited, not run"
};

/** What the view needs to know of a cell (document facts, not live state). */
export type CellViewSpec = CellMarkupSpec;

/** A cell's element in the page and the sink the runtime reports to. */
export interface CellView extends CellSink {
  readonly element: HTMLElement;
  readonly status: CellStatus;
  /** Sets a status by hand (the editor marks edited cells "stale"). */
  setStatus(status: CellStatus): void;
}

/**
 * Creates the view of one cell, reusing the element the build pre-rendered (`#cell-N`) when the
 * page has one, so static Markdown stays on screen while scripts and DuckDB load.
 */
export function createCellView(spec: CellViewSpec, parent: HTMLElement): CellView {
  const element = (document.getElementById(`cell-${spec.id}`) as HTMLElement | null) ?? createCellElement(spec, parent);
  const output = part(element, "mapt-cell-output");
  const errorBox = part(element, "mapt-cell-error");
  const statusBox = part(element, "mapt-cell-status");
  let status = (element.dataset.status as CellStatus | undefined) ?? "pending";
  let startedAt = 0;

  const setStatus = (next: CellStatus, detail = "") => {
    status = next;
    element.dataset.status = next;
    element.setAttribute("aria-busy", String(next === "running"));
    statusBox.textContent = detail ? `${statusLabels[next]} · ${detail}` : statusLabels[next];
    statusBox.title = `Cell ${spec.id} (${spec.mode}): ${statusBox.textContent}`;
  };
  const elapsed = () => formatDuration(performance.now() - startedAt);
  const show = (value: unknown) => output.append(spec.mode === "sql" && isTableLike(value) ? renderTable(value) : renderValue(value));

  setStatus(status);
  return {
    element,
    get status() {
      return status;
    },
    setStatus,
    running() {
      startedAt = performance.now();
      setStatus("running");
    },
    clear() {
      output.replaceChildren();
    },
    append: show,
    fulfilled(value, display) {
      if (display) output.replaceChildren(), show(value);
      errorBox.hidden = true;
      errorBox.textContent = "";
      element.removeAttribute("data-error");
      setStatus("fulfilled", elapsed());
    },
    rejected(error) {
      const text = describeError(error);
      output.replaceChildren();
      errorBox.textContent = text;
      errorBox.hidden = false;
      element.dataset.error = text;
      setStatus("error", elapsed());
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

/** "12 ms", "1.4 s": how long a run took, for the status line. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}
