import {readCellBody} from "./cellBody.ts";
import {decodeEntities} from "./entities.ts";
import {lineIndex} from "./lineIndex.ts";
import {modeOfType} from "./modeOfType.ts";
import {repairIds, type RawId} from "./repairIds.ts";
import {tokenizeHtml, type HtmlAttribute, type HtmlToken} from "./tokenizeHtml.ts";
import type {Cell, ExtraAttribute, Notebook, ParseDiagnostic, ParseResult, PreservedNode} from "./types.ts";

// Elements that have no end tag, so a preserved one is just its start tag.
const voidElements = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
// Wrappers a hand-made file may add around the notebook; we read through them.
const transparentElements = new Set(["html", "head", "body"]);

/**
 * Reads a notebook in the Notebook Kit 2.0 HTML format. Never throws: it repairs what it can
 * (ids, missing root, unclosed cells) and reports every problem with its 1-based line.
 * Unknown attributes, elements, comments and stray text are kept so that they are written back.
 */
export function readNotebook(text: string): ParseResult {
  text = text.replace(/\r\n?/g, "\n");
  const lineOf = lineIndex(text);
  const diagnostics: ParseDiagnostic[] = [];
  const report = (offset: number, severity: ParseDiagnostic["severity"], message: string) =>
    diagnostics.push({line: lineOf(offset), severity, message});
  const tokens = tokenizeHtml(text);

  const notebook: Notebook = {title: "", readOnly: false, cells: []};
  const rawIds: RawId[] = [];
  // Preserved nodes wait here with the index of the cell that follows them.
  const pending: Array<{text: string; cellIndex: number}> = [];
  let root: "before" | "inside" | "after" = "before";
  let rootSeen = false;
  let titleSeen = false;
  // A kept node starts at its own column (its indentation kept, other text before it on the line
  // replaced by spaces), so that its later lines keep their place relative to its first.
  const preserve = (start: number, end: number) => {
    if (root === "after") report(start, "warning", "content after </notebook> was kept inside it");
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const before = text.slice(lineStart, start);
    const indent = /^[ \t]*$/.test(before) ? before : " ".repeat(before.length);
    pending.push({text: indent + text.slice(start, end).trimEnd(), cellIndex: notebook.cells.length});
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.kind) {
      case "doctype":
        break;
      case "text": {
        const content = text.slice(token.start, token.end);
        const offset = content.search(/\S/);
        if (offset === -1) break;
        report(token.start + offset, "error", `unexpected text ${quote(content.trim())}; kept as is`);
        preserve(token.start + offset, token.end);
        break;
      }
      case "comment":
        if (!token.closed) report(token.start, "error", "unclosed comment <!--: kept up to the next cell");
        preserve(token.start, token.end);
        break;
      case "rawText":
        break;
      case "endTag":
        if (token.name === "notebook") root = "after";
        else if (!transparentElements.has(token.name)) report(token.start, "warning", `unexpected </${token.name}> ignored`);
        break;
      case "startTag": {
        if (token.name === "notebook") {
          if (rootSeen) {
            report(token.start, "warning", "a second <notebook> tag was ignored");
          } else {
            rootSeen = true;
            readRoot(notebook, token.attributes);
          }
          root = "inside";
        } else if (transparentElements.has(token.name)) {
          report(token.start, "warning", `<${token.name}> around the notebook is not kept`);
        } else if (token.name === "script") {
          const body = tokens[i + 1]?.kind === "rawText" ? tokens[++i]! : undefined;
          if (body?.kind === "rawText" && !body.closed) {
            report(token.start, "error", "unclosed <script>: the cell ends where the next cell or </notebook> begins");
          }
          if (tokens[i + 1]?.kind === "endTag") i++;
          const cell = readCell(token.attributes, body ? text.slice(body.start, body.end) : "", (message) =>
            report(token.start, "warning", message)
          );
          rawIds.push({value: attributeValue(token.attributes, "id"), line: lineOf(token.start)});
          notebook.cells.push(cell);
          if (root === "after") report(token.start, "warning", "a cell after </notebook> was kept inside it");
        } else if (token.name === "title") {
          const content = tokens[i + 1]?.kind === "rawText" ? tokens[++i]! : undefined;
          if (content?.kind === "rawText" && !content.closed) report(token.start, "error", "unclosed <title>: it ends where the next cell or </notebook> begins");
          if (titleSeen) report(token.start, "warning", "a second <title> was ignored");
          else if (content) notebook.title = decodeEntities(text.slice(content.start, content.end));
          titleSeen = true;
          if (tokens[i + 1]?.kind === "endTag") i++;
        } else {
          const end = elementEnd(tokens, i);
          if (end === -1) report(token.start, "warning", `<${token.name}> has no end tag; kept the tag alone`);
          else if (tokens[end]!.kind === "rawText") report(token.start, "error", `unclosed <${token.name}>: kept up to the next cell`);
          const last = end === -1 ? token : tokens[end]!;
          preserve(token.start, last.end);
          if (end !== -1) i = end;
        }
        break;
      }
    }
  }

  if (!rootSeen) report(0, "error", "missing <notebook> root element; read the whole file as the notebook");
  else if (root === "inside") report(text.length, "warning", "missing </notebook> end tag");

  const ids = repairIds(rawIds, diagnostics);
  notebook.cells.forEach((cell, i) => (cell.id = ids[i]!));
  if (pending.length > 0) {
    notebook.nodes = pending.map(({text, cellIndex}): PreservedNode => {
      const next = notebook.cells[cellIndex];
      return next ? {text, before: next.id} : {text};
    });
  }
  diagnostics.sort((a, b) => a.line - b.line);
  return {notebook, diagnostics};
}

function readRoot(notebook: Notebook, attributes: HtmlAttribute[]): void {
  const extra: ExtraAttribute[] = [];
  for (const {name, value} of attributes) {
    const key = name.toLowerCase();
    if (key === "theme" && value !== null) notebook.theme = value;
    else if (key === "readonly") notebook.readOnly = true;
    else extra.push({name, value});
  }
  if (extra.length > 0) notebook.extra = extra;
}

function readCell(attributes: HtmlAttribute[], body: string, warn: (message: string) => void): Cell {
  const cell: Cell = {id: 0 as Cell["id"], mode: "js", source: readCellBody(body), pinned: false, hidden: false, extra: []};
  const seen = new Set<string>();
  for (const {name, value} of attributes) {
    const key = name.toLowerCase();
    if (seen.has(key)) {
      warn(`duplicate attribute ${name} ignored`);
      continue;
    }
    seen.add(key);
    switch (key) {
      case "id":
        break;
      case "type": {
        const mode = modeOfType(value ?? "");
        if (mode) cell.mode = mode;
        else {
          cell.type = value ?? "";
          warn(`unknown cell type ${quote(value ?? "")}: kept, but the cell will not run`);
        }
        break;
      }
      case "pinned":
        cell.pinned = true;
        break;
      case "hidden":
        cell.hidden = true;
        break;
      case "output":
        if (value !== null) cell.output = value;
        break;
      case "database":
        if (value !== null) cell.database = value;
        break;
      default:
        cell.extra.push({name, value});
    }
  }
  return cell;
}

function attributeValue(attributes: HtmlAttribute[], name: string): string | undefined {
  return attributes.find((attribute) => attribute.name.toLowerCase() === name)?.value ?? undefined;
}

/**
 * Index of the last token of the element starting at `index`: its matching end tag, itself for
 * a void element, the content of an unclosed raw-text element, or -1 when it is never closed.
 */
function elementEnd(tokens: HtmlToken[], index: number): number {
  const start = tokens[index]!;
  if (start.kind !== "startTag" || start.selfClosing || voidElements.has(start.name)) return index;
  const content = tokens[index + 1];
  if (content?.kind === "rawText" && !content.closed) return index + 1;
  let depth = 0;
  for (let i = index; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "startTag" && token.name === start.name) depth++;
    else if (token.kind === "endTag" && token.name === start.name && --depth === 0) return i;
    else if (token.kind === "endTag" && token.name === "notebook") return -1;
  }
  return -1;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text);
}
