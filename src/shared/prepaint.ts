// Pre-painted charts: the build writes the charts a shipped page drew while it was recorded into
// the page's HTML, so they paint with its first text; the reader replaces each in place with its
// cell's first live result. Pure string work: the build runs it in Node.
import {escapeHtml} from "./cell-markup.ts";
import {sanitizeHtml} from "./sanitize.ts";
import {tokenizeHtml} from "./tokenizeHtml.ts";

/** On a cell's `.mapt-cell-output` while it shows the build's copy; removed with that copy. */
export const PREPAINTED_ATTRIBUTE = "data-mapt-prepainted";

/**
 * On `<html>` while pre-painted outputs are kept out of sight (`visibility: hidden`, styles.css):
 * set by the page's guard script when the page may not open as built, removed by the reader once
 * it knows (see {@link prepaintGuardScript}).
 */
export const PREPAINT_HOLD_ATTRIBUTE = "data-mapt-prepaint-held";

/** The largest output (HTML, in characters) the build copies into a page; a larger chart paints when its cell runs. */
export const PREPAINT_MAX_CHARS = 200_000;

/** Elements a static copy cannot stand in for: they take input, play, draw with script or embed a document. */
const liveElements = new Set([
  "form", "input", "select", "textarea", "button", "option", "details", "dialog",
  "canvas", "iframe", "frame", "video", "audio", "object", "embed", "script", "noscript", "template", "slot"
]);
/** SVG elements that change the drawing after it is shown. */
const animationElements = new Set(["animate", "set", "animatemotion", "animatetransform"]);
/** A URL made by the page that drew it (or one that runs): another page has no such resource. */
const pageMadeUrl = /^\s*(blob|data|javascript|vbscript):|url\(\s*['"]?\s*(blob|data|javascript):/i;

/** What the build does with one cell's output: its markup to write into the page, or why not. */
export type PrepaintDecision = {markup: string} | {refused: string};

/**
 * Decides whether a cell's rendered output (`html`: the inner HTML of its `.mapt-cell-output`
 * once the page settled) is a chart a static copy shows faithfully, and gives that copy: it
 * must hold an `<svg>`, and nothing that takes input, plays, draws with script or embeds a
 * document (form controls, canvas, iframe, video, audio...), no event attribute, no SVG
 * animation, no `blob:`/`data:`/`javascript:` URL (made by, or for, the page that drew it), and
 * at most {@link PREPAINT_MAX_CHARS} characters. The copy is sanitised anyway (`sanitizeHtml`,
 * "trusted": styles kept, nothing that runs).
 */
export function prepaintDecision(html: string): PrepaintDecision {
  if (html.length > PREPAINT_MAX_CHARS) return {refused: `${html.length} characters (more than ${PREPAINT_MAX_CHARS})`};
  let chart = false;
  for (const token of tokenizeHtml(html)) {
    if (token.kind !== "startTag") continue;
    const name = token.name;
    if (liveElements.has(name) || animationElements.has(name)) return {refused: `it holds a <${name}>`};
    if (name === "svg") chart = true;
    for (const {name: attribute, value} of token.attributes) {
      if (attribute.toLowerCase().startsWith("on")) return {refused: `it has an event attribute (${attribute})`};
      if (value !== null && pageMadeUrl.test(value)) return {refused: `its ${attribute} is a URL of the page that drew it`};
    }
  }
  if (!chart) return {refused: "it is not a chart (no <svg>)"};
  return {markup: sanitizeHtml(html, "trusted")};
}

/** The empty output container of a cell as the build writes it (`cellMarkup`). */
const emptyOutput = '<div class="mapt-cell-output"></div>';

/**
 * The page with each of `outputs` (markup by cell id) inside its cell's empty output container,
 * marked {@link PREPAINTED_ATTRIBUTE}, and the guard script (`guardSrc`, see
 * {@link prepaintGuardScript}) in its head, right after the policy that governs it: it runs
 * before any pre-painted output is parsed, and its fetch goes first, alongside the stylesheet
 * the first paint waits for anyway (placed before the first chart instead, it made the charts
 * paint frames after the text above them). A cell the page lacks, or whose output the build
 * already filled (Markdown), is left as it is. Returns the page and the cells it filled.
 */
export function withPrepaintedOutputs(page: string, outputs: ReadonlyMap<number, string>, guardSrc: string): {html: string; cells: number[]} {
  const places: {cell: number; output: number}[] = [];
  for (const cell of outputs.keys()) {
    const section = page.indexOf(`<section class="mapt-cell" id="cell-${cell}"`);
    if (section === -1) continue;
    const end = page.indexOf("</section>", section);
    const output = page.indexOf('<div class="mapt-cell-output">', section);
    if (output === -1 || output > end || !page.startsWith(emptyOutput, output)) continue;
    places.push({cell, output});
  }
  if (places.length === 0) return {html: page, cells: []};
  places.sort((a, b) => a.output - b.output);
  let body = "";
  let at = 0;
  for (const {cell, output} of places) {
    body += page.slice(at, output) + `<div class="mapt-cell-output" ${PREPAINTED_ATTRIBUTE}>${outputs.get(cell)}</div>`;
    at = output + emptyOutput.length;
  }
  body += page.slice(at);
  const guard = `<script src="${escapeHtml(guardSrc)}"></script>`;
  const policy = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i.exec(body);
  const html = policy ? body.slice(0, policy.index + policy[0].length) + guard + "\n" + body.slice(policy.index + policy[0].length) : body.replace(/<\/head>/i, `${guard}\n</head>`);
  return {html, cells: places.map((p) => p.cell).sort((a, b) => a - b)};
}

/**
 * The guard script of a page with pre-painted outputs (a file of its own: the page's policy runs
 * no inline script). It runs before any of them is parsed and holds them out of sight
 * ({@link PREPAINT_HOLD_ATTRIBUTE}) when the page may not open as built: a fragment (a share
 * link's state; an anchor is released at once by the reader), or a run mark of a session that
 * may have stopped (`runMarkPrefix`, see src/ui/run-marker.ts). The reader, which decides
 * (src/app/reader.ts), then removes them or lets them show. Without JavaScript they show.
 */
export function prepaintGuardScript(runMarkPrefix: string): string {
  return [
    "// MAPT: holds this page's pre-painted charts out of sight until its reader knows they are current (src/shared/prepaint.ts).",
    "(function () {",
    "  var held = location.hash.length > 1;",
    "  try {",
    `    for (var i = 0; i < localStorage.length; i++) if (String(localStorage.key(i)).indexOf(${JSON.stringify(runMarkPrefix)}) === 0) held = true;`,
    "  } catch (error) {}",
    `  if (held) document.documentElement.setAttribute(${JSON.stringify(PREPAINT_HOLD_ATTRIBUTE)}, "");`,
    "})();",
    ""
  ].join("\n");
}
