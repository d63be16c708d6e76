import {formatBytes, type FileLoadProgress} from "../data/index.ts";

/** The files loading into tables now, by table name (lower case). */
export type FileLoads = ReadonlyMap<string, FileLoadProgress>;

export const NO_FILE_LOADS: FileLoads = new Map();

/** The loads after one progress report: a finished or failed load is no longer shown. */
export function transitionFileLoads(loads: FileLoads, progress: FileLoadProgress): FileLoads {
  const next = new Map(loads);
  const key = progress.table.toLowerCase();
  if (progress.phase === "loading") next.set(key, progress);
  else next.delete(key);
  return next;
}

/** What a load shows: a sentence, and how far it is (0-1) when that is known. */
export interface FileLoadLine {
  text: string;
  fraction?: number;
}

/**
 * One load as a person reads it: "Loading deaths.parquet as table deaths: 3,200,000 of
 * 10,000,000 rows (32%), 120.4 MB of 376.0 MB", or, where rows are not known until the end
 * (CSV), the file's size alone.
 */
export function describeFileLoad(progress: FileLoadProgress): FileLoadLine {
  const head = `Loading ${progress.file} as table ${progress.table}`;
  const size = formatBytes(progress.totalBytes);
  if (progress.totalRows === undefined || progress.rows === undefined) return {text: `${head} (${size})…`};
  const fraction = progress.totalRows > 0 ? Math.min(1, progress.rows / progress.totalRows) : 1;
  const count = (n: number) => n.toLocaleString("en-US");
  return {
    text: `${head}: ${count(progress.rows)} of ${count(progress.totalRows)} rows (${Math.floor(fraction * 100)}%), ${formatBytes(progress.bytes)} of ${size}`,
    fraction
  };
}

/**
 * Shows the loads on the cells waiting for them: every running cell (a query waits while a
 * table it names is made; the page's database runs one thing at a time) gets a status line with
 * a progress bar, removed once nothing loads or the cell is no longer running. Returns the
 * listener to give `FileLoadOptions.onProgress`.
 */
export function showFileLoads(main: HTMLElement): (progress: FileLoadProgress) => void {
  let loads = NO_FILE_LOADS;
  return (progress) => {
    loads = transitionFileLoads(loads, progress);
    const lines = [...loads.values()].map(describeFileLoad);
    for (const cell of main.querySelectorAll<HTMLElement>(":scope > .mapt-cell")) {
      const shown = cell.querySelector<HTMLElement>(":scope > .mapt-cell-load");
      if (lines.length === 0 || cell.dataset.status !== "running") {
        shown?.remove();
        continue;
      }
      const box = shown ?? createLoadBox(cell);
      box.replaceChildren(...lines.map(lineElement));
    }
  };
}

function createLoadBox(cell: HTMLElement): HTMLElement {
  const box = cell.ownerDocument.createElement("div");
  box.className = "mapt-cell-load";
  box.setAttribute("role", "status");
  (cell.querySelector(":scope > .mapt-cell-notice") ?? cell.firstElementChild)?.after(box);
  return box;
}

function lineElement(line: FileLoadLine): HTMLElement {
  const element = document.createElement("div");
  const bar = document.createElement("progress");
  bar.setAttribute("aria-hidden", "true");
  if (line.fraction !== undefined) bar.value = line.fraction;
  element.append(bar, ` ${line.text}`);
  return element;
}
