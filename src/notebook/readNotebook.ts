import {decodeHTML} from "entities/decode";
import {findCells, type FoundCell, type NotebookParts} from "./findCells.ts";
import {lineIndex, type LineIndex} from "./lineIndex.ts";
import {quote} from "./quote.ts";
import {attributeValue, readCell, readRoot} from "./readAttributes.ts";
import {repairIds} from "./repairIds.ts";
import {isSpace, tokenizeHtml} from "../shared/index.ts";
import type {Cell, CellId, CellText, Notebook, NotebookFile, ParseDiagnostic, ParseResult, StepCounter, TagText} from "./types.ts";

/** Options of `readNotebook`. */
export interface ReadOptions {
  /** Counts the work done (see `StepCounter`); default: a counter nobody reads. */
  counter?: StepCounter;
}

/**
 * Reads a notebook in the Notebook Kit 2.0 HTML format exactly as Notebook Kit does with a
 * browser's HTML parser: the cells are the `<script>` elements inside `<notebook>` (the first
 * one gives the theme), not inside `<template>`;
 * ids are renumbered as Notebook Kit renumbers them, and bodies lose four spaces of indentation
 * per line. Never throws; reports every problem with its 1-based line (see `ParseDiagnostic` for
 * which are errors). Keeps how the file was written in `notebook.file`, so that
 * `serializeNotebook` gives back the same bytes. Linear in the file's size.
 */
export function readNotebook(text: string, options: ReadOptions = {}): ParseResult {
  const counter = options.counter ?? {steps: 0};
  const lines = lineIndex(text, counter);
  const diagnostics: ParseDiagnostic[] = [];
  const report = (offset: number, severity: ParseDiagnostic["severity"], message: string, cell?: CellId) => {
    const diagnostic: ParseDiagnostic = {line: lines.line(offset), severity, message};
    if (cell !== undefined) diagnostic.cell = cell;
    diagnostics.push(diagnostic);
  };
  const parts = findCells(text, tokenizeHtml(text, counter), report, counter);

  const notebook: Notebook = {title: "", readOnly: false, cells: []};
  if (parts.root) readRoot(notebook, parts.root.attributes);
  if (parts.title) {
    const {start, end} = parts.title.content;
    notebook.title = decodeHTML(text.slice(start, end).replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD"));
    counter.steps += end - start;
  }
  const values = parts.cells.map((found) => attributeValue(found.tag.attributes, "id"));
  const ids = repairIds(values);
  notebook.cells = parts.cells.map((found, i) => {
    const id = ids[i]!;
    const body = text.slice(found.body.start, found.body.end);
    counter.steps += 3 * body.length;
    const cell = readCell(id, found.tag.attributes, body, (message) => report(found.tag.start, "warning", message, id));
    reportId(values[i], id, (message) => report(found.tag.start, "warning", message, id));
    reportUnclosed(found, body, lines, (offset, message) => report(offset, "error", message, id), id);
    return cell;
  });
  notebook.file = layout(text, parts, notebook, counter);
  diagnostics.sort((a, b) => a.line - b.line);
  return {notebook, diagnostics};
}

function reportId(value: string | undefined, id: CellId, warn: (message: string) => void): void {
  if (value === String(id)) return;
  if (value === undefined) return warn(`cell has no id; numbered ${id}`);
  const number = Math.floor(Number(value));
  if (number === id) return warn(`cell id ${quote(value)} read as ${id}`);
  if (Number.isSafeInteger(number) && number > 0) {
    return warn(String(number) === value ? `cell has duplicate id ${quote(value)}; numbered ${id}` : `cell id ${quote(value)} read as ${number}, which an earlier cell has; numbered ${id}`);
  }
  warn(`cell has invalid id ${quote(value)} (ids are positive whole numbers); numbered ${id}`);
}

/**
 * A `<script>` runs to the first `</script>` (or the file's end), as in a browser. When its body
 * holds a line that starts another `<script>` no deeper than its own, its `</script>` is most
 * likely missing and the next cell was read into it.
 */
function reportUnclosed(found: FoundCell, body: string, lines: LineIndex, error: (offset: number, message: string) => void, id: CellId): void {
  if (!found.body.closed) {
    error(found.tag.start, `cell ${id}'s <script> is never closed, so the rest of the file is read as its source; add </script> where the cell ends`);
    return;
  }
  const column = lines.column(found.tag.start);
  for (const match of body.matchAll(/(?:^|[\r\n])([ \t]*)<script[\s/>]/gi)) {
    if (match[1]!.length > column) continue;
    const line = lines.line(found.body.start + match.index + match[0].length - 1);
    error(found.tag.start, `cell ${id}'s <script> has no </script> before line ${line}, where another <script> starts, so a browser (and Notebook Kit) reads both as one cell; add </script> before line ${line}`);
    return;
  }
}

/** Cuts the file into the parts of `NotebookFile`. */
function layout(text: string, parts: NotebookParts, notebook: Notebook, counter: StepCounter): NotebookFile {
  const found = parts.cells;
  // New cells go after the last cell; with none, before the whitespace ahead of </notebook>.
  const insertAt = found.length > 0 ? found[0]!.tag.start : (parts.rootEnd ?? text.length);
  let headEnd = insertAt;
  while (headEnd > 0 && isSpace(text.charCodeAt(headEnd - 1))) headEnd--;
  counter.steps += insertAt - headEnd;
  const starts = found.map((cell, i) => (i === 0 ? headEnd : found[i - 1]!.end));
  const tailStart = found.at(-1)?.end ?? headEnd;
  const cells = found.map((cell, i): CellText => {
    const read = notebook.cells[i]!;
    return {
      id: read.id,
      before: text.slice(starts[i], cell.tag.start),
      startTag: tagText(text, cell.tag, cell.tag.start),
      body: text.slice(cell.body.start, cell.body.end),
      endTag: cell.endTag ? text.slice(cell.endTag.start, cell.endTag.end) : "",
      read: copyCell(read)
    };
  });
  const firstBreak = /\r\n?|\n/.exec(text)?.[0];
  const file: NotebookFile = {
    head: text.slice(0, headEnd),
    cells,
    tail: text.slice(tailStart),
    newline: firstBreak === "\r\n" || firstBreak === "\r" ? firstBreak : "\n",
    read: {title: notebook.title, readOnly: notebook.readOnly}
  };
  if (notebook.theme !== undefined) file.read.theme = notebook.theme;
  if (notebook.extra) file.read.extra = notebook.extra.map((a) => ({...a}));
  if (parts.root) file.root = tagText(text, parts.root, 0);
  if (parts.title) {
    const {start, end} = parts.title.content;
    if (end <= headEnd) file.title = {in: "head", start, end};
    else if (start >= tailStart) file.title = {in: "tail", start: start - tailStart, end: end - tailStart};
    else {
      const i = found.findIndex((cell, k) => starts[k]! <= start && end <= cell.tag.start);
      if (i !== -1) file.title = {in: cells[i]!.id, start: start - starts[i]!, end: end - starts[i]!};
    }
  }
  return file;
}

/** A start tag's text with offsets relative to the tag (`origin` is where its part begins). */
function tagText(text: string, tag: NonNullable<NotebookParts["root"]>, origin: number): TagText {
  return {
    start: tag.start - origin,
    text: text.slice(tag.start, tag.end),
    nameEnd: tag.nameEnd - tag.start,
    attributes: tag.attributes.map(({name, value, start, end}) => ({name, value, start: start - tag.start, end: end - tag.start}))
  };
}

function copyCell(cell: Cell): Cell {
  return {...cell, extra: cell.extra.map((attribute) => ({...attribute}))};
}
