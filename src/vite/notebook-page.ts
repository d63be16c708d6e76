import katex from "katex";
import {compileCell, type CompiledCell} from "../compiler/index.ts";
import {isUnrun, readNotebook, type ParseDiagnostic} from "../notebook/index.ts";
import {cellMarkup, contentSecurityPolicyMeta, importsCompilingPackage, editingTwinMetaName, editingTwinName, escapeHtml, readerPageMetaName, parsePageTheme, remoteHostsAttribute, remoteHostsOf, themeAttributes} from "../shared/index.ts";
import {builtinsThatNeed} from "../stdlib/index.ts";
import type {PageTemplate} from "./page-template.ts";

/** The parts of a notebook page: its HTML and the cells its reader module defines. */
export interface NotebookPage {
  html: string;
  title: string;
  /** Cells the runtime must define (static Markdown is already in `html`). */
  cells: CompiledCell[];
  /** Every cell's compile output, static ones included (the editor and `check` use them). */
  allCells: CompiledCell[];
  diagnostics: ParseDiagnostic[];
  database: boolean;
  /** Hosts the notebook's `remote-hosts` attribute lets its queries and `fetch` read from. */
  remoteHosts: string[];
  /** The inline scripts of its page template the page's policy allows (see `PageTemplate`). */
  scriptHashes: string[];
}

/** Options for one page. */
export interface NotebookPageOptions {
  /** Import specifier of the page's reader module (a virtual module id). */
  moduleId: string;
  /** Relative URL from the page to the site root, e.g. "../" for notebooks/x.html. */
  rootUrl: string;
  /** Root-relative URL of the stylesheet, resolved by Vite. */
  stylesheet: string;
  /**
   * Root-relative URL of the module that launches DuckDB then imports the page's module
   * (`startPage`, src/app/page-start.ts), used when a cell needs the database. Default: none
   * (the page's module is imported directly and starts DuckDB itself).
   */
  startModule?: string;
  /**
   * Root-relative URL of KaTeX's stylesheet, linked by a page with a TeX cell the build rendered.
   * Default: TeX cells render in the page (KaTeX loads with them).
   */
  texStylesheet?: string;
  /**
   * The page compiles code while it runs (the dev server's pages: Edit mode in place, disk
   * changes): its policy allows it. Default: a strict page that names its editing twin
   * (`x.edit.html`, written by the build) for Edit.
   */
  compile?: boolean;
  /** The page's own file name, `x.html`, to name its twin. Default: no twin (Edit is not offered). */
  fileName?: string;
  /**
   * The Notebook Kit page template the notebook's project builds it with (see
   * src/vite/notebook-kit-site.ts): its head joins the page's, its body surrounds the notebook,
   * its title follows the notebook's. Default: MAPT's page alone.
   */
  template?: PageTemplate;
}

/**
 * A built page's editing twin: the same page with a policy that allows compiling, naming the
 * strict page it stands in for (share links and Done lead back there).
 */
export function editingTwinHtml(html: string, page: NotebookPage, fileName: string): string {
  return html
    .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => contentSecurityPolicyMeta(page.remoteHosts, {compile: true, scriptHashes: page.scriptHashes}))
    .replace(new RegExp(`<meta name="${editingTwinMetaName}" content="[^"]*">`), () => `<meta name="${readerPageMetaName}" content="${escapeHtml(fileName)}">`);
}

const databaseBuiltins = builtinsThatNeed("database");

/**
 * Turns a notebook file into a reader page: the cells' markup in order, static Markdown already
 * rendered so text shows before any script runs, and one module script that runs the rest.
 */
export function renderNotebookPage(text: string, options: NotebookPageOptions): NotebookPage {
  const {notebook, diagnostics} = readNotebook(text);
  const allCells = notebook.cells.map((cell) => {
    const compiled = compileCell(cell);
    // A TeX cell with no value in it is rendered here, so the page needs no KaTeX script.
    if (options.texStylesheet !== undefined && cell.mode === "tex" && cell.output === undefined && compiled.error === undefined && compiled.inputs.length === 1) {
      compiled.staticHtml = `<div>${katex.renderToString(cell.source, {displayMode: true, throwOnError: false})}</div>`;
    }
    return compiled;
  });
  const markup = notebook.cells.map((cell, i) =>
    cellMarkup({
      id: cell.id,
      mode: cell.mode,
      hidden: cell.hidden,
      pinned: cell.pinned,
      source: cell.source,
      output: cell.output,
      staticHtml: allCells[i]!.staticHtml,
      unrun: isUnrun(cell) && allCells[i]!.staticHtml === undefined
    })
  );
  // A cell saved before its code ever ran is shown, not run: the reader runs it from the editor.
  const cells = allCells.filter((cell, i) => cell.staticHtml === undefined && !isUnrun(notebook.cells[i]!));
  const database = cells.some((cell) => cell.inputs.includes("__sql") || cell.inputs.some((name) => databaseBuiltins.has(name)));
  const title = notebook.title || "Untitled notebook";
  const theme = themeAttributes(parsePageTheme(notebook.theme));
  const remote = remoteHostsOf(notebook.extra);
  const problems: ParseDiagnostic[] = remote.invalid.length
    ? [{line: 1, severity: "error", message: `${remoteHostsAttribute}: ${remote.invalid.map((entry) => JSON.stringify(entry)).join(", ")} ${remote.invalid.length === 1 ? "is not a host" : "are not hosts"} (write host names such as data.example.org, with an optional :port, separated by spaces); ignored`} as ParseDiagnostic]
    : [];
  const {template} = options;
  const scriptHashes = template?.scriptHashes ?? [];
  // As Notebook Kit does: the notebook's title, then the template's.
  const pageTitle = template?.title ? title + template.title : `${title} · MAPT Notebooks`;
  const html = `<!doctype html>
<html lang="en"${theme.html}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${contentSecurityPolicyMeta(remote.hosts, {compile: options.compile || cells.some((cell) => importsCompilingPackage(cell.imports)), scriptHashes})}${twinMeta(options)}
<title>${escapeHtml(pageTitle)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${options.stylesheet}">${allCells.some((cell) => cell.mode === "tex" && cell.staticHtml !== undefined) ? `\n<link rel="stylesheet" href="${options.texStylesheet}">` : ""}${template?.head ? `\n${template.head}` : ""}
</head>
<body${theme.body}>${template?.beforeMain ? `\n${template.beforeMain}` : ""}
<header class="mapt-bar"><a class="mapt-home" href="${options.rootUrl}index.html">MAPT Notebooks</a><span class="mapt-db-status" id="mapt-db-status" role="status" aria-live="polite"></span></header>
<main class="mapt-notebook" id="mapt-notebook" aria-label="${escapeHtml(title)}"${loopLimitAttribute(notebook)}>
${diagnosticsMarkup([...problems, ...diagnostics])}${markup.join("\n")}
</main>${template?.afterMain ? `\n${template.afterMain}` : ""}
${pageScript(options, database)}
</body>
</html>
`;
  return {html, title, cells, allCells, diagnostics, database, remoteHosts: remote.hosts, scriptHashes};
}

/** A strict page's pointer to its editing twin (see {@link editingTwinHtml}). */
function twinMeta(options: NotebookPageOptions): string {
  if (options.compile || options.fileName === undefined) return "";
  return `\n<meta name="${editingTwinMetaName}" content="${escapeHtml(editingTwinName(options.fileName))}">`;
}

/**
 * The page's one module script. With a database, DuckDB is launched by the first code that runs
 * and the notebook's modules are imported after it: a static import would make the engine wait
 * until every module of the notebook had loaded.
 */
function pageScript(options: NotebookPageOptions, database: boolean): string {
  const notebook = JSON.stringify(options.moduleId);
  if (!database || options.startModule === undefined) return `<script type="module">import ${notebook};</script>`;
  return `<script type="module">import {startPage} from ${JSON.stringify(options.startModule)}; startPage(() => import(${notebook}));</script>`;
}

/**
 * What the page says about its file. Errors (a part of the file hidden or garbled, like an
 * unclosed `<script>`) are shown to every reader. Warnings (what Notebook Kit repairs or ignores
 * without a word, like renumbered ids) are for the author: in the page but hidden, and shown
 * while editing (`.mapt-editing`, see src/ui/editor/editor.css).
 */
function diagnosticsMarkup(diagnostics: ParseDiagnostic[]): string {
  const list = (severity: ParseDiagnostic["severity"]) =>
    diagnostics
      .filter((d) => d.severity === severity)
      .map((d) => `<li>line ${d.line}${d.cell === undefined ? "" : ` (cell ${d.cell})`}: ${escapeHtml(d.message)}</li>`)
      .join("");
  const errors = list("error");
  const warnings = list("warning");
  let markup = "";
  if (errors) markup += `<aside class="mapt-diagnostics" role="note"><p>This notebook file has problems; what could be read is shown:</p><ul>${errors}</ul></aside>\n`;
  if (warnings) markup += `<aside class="mapt-diagnostics mapt-diagnostics--notes" role="note" hidden><p>Notes on this file for its author (Notebook Kit reads it the same way):</p><ul>${warnings}</ul></aside>\n`;
  return markup;
}

/** The notebook's `loop-limit` (seconds a cell may run without a pause), for the page's loop guard. */
function loopLimitAttribute(notebook: {extra?: Array<{name: string; value: string | null}>}): string {
  const value = notebook.extra?.find((attribute) => attribute.name.toLowerCase() === "loop-limit")?.value;
  return value ? ` data-loop-limit="${escapeHtml(value)}"` : "";
}
