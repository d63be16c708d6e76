/** What the markup of a cell needs: document facts only. */
export interface CellMarkupSpec {
  id: number;
  mode: string;
  hidden?: boolean;
  /** Show the source under the output (the cell's `pinned` attribute). */
  pinned?: boolean;
  source?: string;
  /** The name other cells read the cell's value by (its `output` attribute). */
  output?: string;
  /** Pre-rendered HTML (static Markdown) to show before any script runs. */
  staticHtml?: string;
  /** The file marks the cell `unrun` (saved before its code ever ran): shown "edited, not run", with a note, and not run. */
  unrun?: boolean;
}

/** The note on a cell the page did not run because the file marks it as saved before it ever ran. */
export const unrunCellNotice =
  "This cell was saved before its code ever ran, so it did not run when the notebook opened. Check its code, then run it (Edit, then Run).";

/**
 * The HTML of one cell's section. The build writes it into the page and the browser uses the
 * same function for cells it creates, so both have one structure: status, name, notice, error,
 * output, source. Pure string work: it runs in Node at build time.
 */
export function cellMarkup(spec: CellMarkupSpec): string {
  const done = spec.staticHtml !== undefined && !spec.unrun;
  const status = spec.unrun ? "stale" : done ? "fulfilled" : "pending";
  const label = spec.unrun ? "edited, not run" : done ? "done" : "pending";
  const notice = spec.unrun ? `<div class="mapt-cell-notice" role="note">${escapeHtml(unrunCellNotice)}</div>` : `<div class="mapt-cell-notice" role="note" hidden></div>`;
  return (
    `<section class="mapt-cell" id="cell-${spec.id}" data-cell-id="${spec.id}" data-mode="${escapeHtml(spec.mode)}" data-status="${status}"${spec.hidden ? " hidden" : ""}>` +
    // Not a live region: a notebook's dozens of cells would each announce "done" as it loads.
    // Errors are announced (role="alert"); the page bar reports DuckDB's progress.
    `<div class="mapt-cell-status">${label}</div>` +
    `<a class="mapt-cell-anchor" href="#cell-${spec.id}" tabindex="-1" aria-label="Link to cell ${spec.id}"></a>` +
    cellNameMarkup(spec.output) +
    notice +
    `<div class="mapt-cell-error" role="alert" hidden></div>` +
    `<div class="mapt-cell-output">${spec.unrun ? "" : (spec.staticHtml ?? "")}</div>` +
    cellSourceMarkup(spec) +
    `</section>`
  );
}

/** The quiet label that tells readers the name later cells use for this cell's value. */
export function cellNameMarkup(output: string | undefined): string {
  if (!output) return "";
  const name = escapeHtml(output);
  return `<div class="mapt-cell-name" title="Other cells read this cell's value as ${name}"><code>${name}</code> =</div>`;
}

/** The code shown under a pinned cell ("" when not pinned). */
export function cellSourceMarkup(spec: Pick<CellMarkupSpec, "pinned" | "source" | "mode">): string {
  if (!spec.pinned || spec.source === undefined) return "";
  return `<pre class="mapt-cell-source" data-mode="${escapeHtml(spec.mode)}"><code>${escapeHtml(spec.source)}</code></pre>`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
