/** What the markup of a cell needs: document facts only. */
export interface CellMarkupSpec {
  id: number;
  mode: string;
  hidden?: boolean;
  /** Show the source under the output (the cell's `pinned` attribute). */
  pinned?: boolean;
  source?: string;
  /** Pre-rendered HTML (static Markdown) to show before any script runs. */
  staticHtml?: string;
}

/**
 * The HTML of one cell's section. The build writes it into the page and the browser uses the
 * same function for cells it creates, so both have one structure: status, error, output, source.
 * Pure string work: it runs in Node at build time.
 */
export function cellMarkup(spec: CellMarkupSpec): string {
  const done = spec.staticHtml !== undefined;
  const status = done ? "fulfilled" : "pending";
  const source = spec.pinned && spec.source !== undefined
    ? `<pre class="mapt-cell-source" data-mode="${spec.mode}"><code>${escapeHtml(spec.source)}</code></pre>`
    : "";
  return (
    `<section class="mapt-cell" id="cell-${spec.id}" data-cell-id="${spec.id}" data-mode="${spec.mode}" data-status="${status}"${spec.hidden ? " hidden" : ""}>` +
    // Not a live region: a notebook's dozens of cells would each announce "done" as it loads.
    // Errors are announced (role="alert"); the page bar reports DuckDB's progress.
    `<div class="mapt-cell-status">${done ? "done" : "pending"}</div>` +
    `<div class="mapt-cell-error" role="alert" hidden></div>` +
    `<div class="mapt-cell-output">${spec.staticHtml ?? ""}</div>` +
    source +
    `</section>`
  );
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
