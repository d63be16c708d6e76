import {mkdirSync, writeFileSync} from "node:fs";
import path from "node:path";
import type {Page} from "playwright-core";
import type {CellFailure} from "./settle.ts";
import {withSettledNotebook} from "./settled-notebook.ts";

/** Options of {@link exportNotebook}. */
export interface ExportOptions {
  /** Project root (the folder with notebooks/ and data/). */
  root: string;
  /** The notebook file to export. */
  file: string;
  /** Where to write the file. Default: the notebook's name with `-export.html`, in the current folder. */
  out?: string;
  /** How long the notebook may take to settle. Default 60 s. */
  timeoutMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** The export's date, as the file states it. Default: now. */
  now?: Date;
}

/** What {@link exportNotebook} wrote. */
export interface ExportResult {
  out: string;
  /** The file's size in bytes. */
  bytes: number;
  /** What takes the room: bytes of charts (SVG), tables, styles and images; the rest is text and markup. */
  parts: ExportParts;
  failures: CellFailure[];
  /** Uncaught errors of the page, and a notebook that never settled. */
  pageErrors: string[];
}

/** Bytes of each kind of content in an exported file. */
export interface ExportParts {
  charts: number;
  tables: number;
  styles: number;
  images: number;
}

// The reading width of a notebook page: charts are drawn for it.
const EXPORT_VIEWPORT = {width: 1024, height: 900};

// No request of any kind may leave the file: styles and images are inside it.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

// Inputs.table draws its rows as the reader scrolls; the export draws at most this many.
const MAX_TABLE_ROWS = 2000;

/**
 * Exports a notebook as one self-contained HTML file: the notebook run headless to the end
 * (as `check` runs it), then its page as it shows with every chart as SVG, every table's rows,
 * images and styles inlined, and no script. It opens from disk with no network (its
 * Content-Security-Policy allows no request at all) and says at the top when and from what it
 * was exported and which interactions need the full app.
 */
export async function exportNotebook(options: ExportOptions): Promise<ExportResult> {
  const out = path.resolve(options.out ?? `${path.basename(options.file, path.extname(options.file))}-export.html`);
  mkdirSync(path.dirname(out), {recursive: true});
  const source = path.relative(options.root, path.resolve(options.file)).split(path.sep).join("/");
  return withSettledNotebook({...options, viewport: EXPORT_VIEWPORT, purpose: "export"}, async ({page, outcome, pageErrors}) => {
    options.log?.(`exporting ${outcome.cells} cells…`);
    const {html, parts} = await snapshot(page, {source, exportedAt: (options.now ?? new Date()).toISOString().slice(0, 16).replace("T", " ") + " UTC"});
    writeFileSync(out, html);
    return {out, bytes: Buffer.byteLength(html), parts, failures: outcome.failures, pageErrors};
  });
}

/** The page as one HTML text (see {@link exportNotebook}). */
async function snapshot(page: Page, facts: {source: string; exportedAt: string}): Promise<{html: string; parts: ExportParts}> {
  // The command line runs through tsx, which wraps named functions in __name(): the page has none.
  await page.evaluate("globalThis.__name = (fn) => fn");
  await page.evaluate(drawAllTableRows, MAX_TABLE_ROWS);
  const {html, parts} = await page.evaluate(freezePage, {...facts, policy: CONTENT_SECURITY_POLICY});
  return {html: `<!doctype html>\n${html}\n`, parts};
}

/** "0.3 MB: charts 180 kB, tables 40 kB, styles 30 kB, images 0 kB": an export's size and what takes the room. */
export function formatExportSize(result: Pick<ExportResult, "bytes" | "parts">): string {
  const kB = (n: number) => `${Math.round(n / 1000)} kB`;
  const {charts, tables, styles, images} = result.parts;
  const rest = Math.max(0, result.bytes - charts - tables - styles - images);
  return `${(result.bytes / 1e6).toFixed(1)} MB: charts ${kB(charts)}, tables ${kB(tables)}, styles ${kB(styles)}, images ${kB(images)}, text and markup ${kB(rest)}`;
}

/** Scrolls each Observable Inputs table to its end until it has drawn every row (or `max`). */
async function drawAllTableRows(max: number): Promise<void> {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (const form of document.querySelectorAll<HTMLElement>('form[class$="-table"]')) {
    let rows = -1;
    for (let tries = 0; tries < 1000; ++tries) {
      const now = form.querySelectorAll("tbody tr").length;
      if (now === rows || now >= max) break;
      rows = now;
      form.scrollTop = form.scrollHeight;
      form.dispatchEvent(new Event("scroll"));
      await frame();
    }
    form.scrollTop = 0;
  }
}

/** In the page: its markup with live values written in, styles, canvases and images inlined, and no script. */
async function freezePage(facts: {source: string; exportedAt: string; policy: string}): Promise<{html: string; parts: ExportParts}> {
  // Live state the markup does not carry: what inputs hold now.
  for (const input of document.querySelectorAll("input")) {
    if (input.type === "checkbox" || input.type === "radio") input.toggleAttribute("checked", input.checked);
    else if (input.type !== "file") input.setAttribute("value", input.value);
  }
  for (const option of document.querySelectorAll("option")) option.toggleAttribute("selected", option.selected);
  for (const area of document.querySelectorAll("textarea")) area.textContent = area.value;
  const canvases = [...document.querySelectorAll("canvas")].map((canvas) => {
    try {
      return canvas.toDataURL("image/png");
    } catch {
      return null;
    }
  });
  const toDataUrl = (blob: Blob) =>
    new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
  const images = await Promise.all(
    [...document.querySelectorAll("img")].map(async (img) => {
      if (img.src.startsWith("data:")) return img.src;
      try {
        return await toDataUrl(await (await fetch(img.src)).blob());
      } catch {
        return null;
      }
    })
  );
  // The page's own stylesheets (the app's and Observable Inputs'); styles inside charts stay where they are.
  const css = [...document.styleSheets]
    .filter((sheet) => sheet.ownerNode instanceof HTMLLinkElement || sheet.ownerNode?.parentNode === document.head)
    .map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join("\n"))
    .join("\n");
  const inputs = [...document.querySelectorAll<HTMLElement>(".mapt-cell:not([hidden]) > .mapt-cell-output :is(input, select, textarea, button)")];
  const inputCells = [...new Set(inputs.map((input) => input.closest<HTMLElement>(".mapt-cell")!))].map((cell) => {
    const label = cell.querySelector(".mapt-cell-output label")?.textContent?.trim() || cell.querySelector(".mapt-cell-name code")?.textContent?.trim();
    return label ? `“${label}” (cell ${cell.dataset.cellId})` : `the input of cell ${cell.dataset.cellId}`;
  });

  const root = document.documentElement.cloneNode(true) as HTMLElement;
  root.querySelectorAll("canvas").forEach((canvas, i) => {
    const image = document.createElement("img");
    if (canvases[i]) image.src = canvases[i]!;
    image.alt = "A drawing (canvas) as it was at export";
    image.width = canvas.width;
    image.style.cssText = canvas.style.cssText;
    canvas.replaceWith(image);
  });
  root.querySelectorAll("img").forEach((img, i) => {
    if (images[i]) img.src = images[i]!;
    else img.removeAttribute("src");
    img.removeAttribute("srcset");
  });
  const remove = [
    "script",
    "link",
    "head > style",
    "noscript",
    ".mapt-downloads",
    ".mapt-bar > :not(.mapt-home)",
    ".mapt-cell-anchor",
    ".mapt-anchor",
    ".mapt-trust",
    ".mapt-recovery",
    ".mapt-page-notice",
    ".mapt-diagnostics--notes"
  ];
  for (const element of root.querySelectorAll(remove.join(","))) element.remove();
  for (const control of root.querySelectorAll(".mapt-cell-output :is(input, select, textarea, button)")) {
    control.setAttribute("disabled", "");
    control.setAttribute("title", "Changing this needs the full app");
  }
  const home = root.querySelector(".mapt-bar .mapt-home");
  if (home) home.replaceWith(Object.assign(document.createElement("span"), {className: "mapt-home", textContent: "MAPT Notebooks"}));

  const head = root.querySelector("head")!;
  const policy = document.createElement("meta");
  policy.httpEquiv = "Content-Security-Policy";
  policy.content = facts.policy;
  head.prepend(policy);
  const style = document.createElement("style");
  style.textContent = css + "\n.mapt-export-notice { border: 1px solid var(--mapt-line); border-radius: 6px; padding: 0.5rem 1rem; margin-bottom: 1rem; font-size: 0.9rem; } .mapt-export-notice p { margin: 0.25rem 0; }";
  head.append(style);

  const notice = document.createElement("aside");
  notice.className = "mapt-export-notice";
  notice.setAttribute("role", "note");
  const line = (text: string) => Object.assign(document.createElement("p"), {textContent: text});
  notice.append(
    line(`Exported on ${facts.exportedAt} from ${facts.source} with MAPT Notebooks: one file that opens offline, with every chart and table as the notebook computed them.`),
    line(
      "This file runs no code and makes no request. Needs the full app: changing an input and seeing cells re-run, re-running a SQL query, chart tooltips and keyboard tips, the Export menu of charts and tables (downloads), Show all code, editing and sharing." +
        (inputCells.length ? ` The inputs show the values they had at export: ${inputCells.join(", ")}.` : "")
    )
  );
  const main = root.querySelector("main");
  main?.prepend(notice);
  const bytes = (texts: Iterable<string>) => [...texts].reduce((sum, text) => sum + new TextEncoder().encode(text).byteLength, 0);
  const outermost = (selector: string) => [...root.querySelectorAll(selector)].filter((e) => !e.parentElement?.closest(selector));
  const parts = {
    charts: bytes(outermost("svg").map((e) => e.outerHTML)),
    tables: bytes(outermost("table").map((e) => e.outerHTML)),
    // The page's styles (those inside charts count with the charts).
    styles: bytes([...root.querySelectorAll("head > style")].map((e) => e.outerHTML)),
    images: bytes([...root.querySelectorAll("img")].map((e) => e.getAttribute("src") ?? ""))
  };
  return {html: root.outerHTML, parts};
}
