import {decodeEntities} from "./entities.ts";

/** An attribute as written in a start tag. */
export interface HtmlAttribute {
  /** As written (case kept, so unknown attributes round-trip). */
  name: string;
  /** Entity-decoded value; `null` when written without `=`. */
  value: string | null;
}

/** One piece of an HTML file; `start`/`end` are offsets into the file. */
export type HtmlToken =
  | {kind: "text"; start: number; end: number}
  | {kind: "comment"; start: number; end: number; closed: boolean}
  | {kind: "doctype"; start: number; end: number}
  | {kind: "startTag"; start: number; end: number; name: string; attributes: HtmlAttribute[]; selfClosing: boolean}
  | {kind: "endTag"; start: number; end: number; name: string}
  /** The content of a raw-text element (`script`, `style`, `title`, `textarea`), undecoded. */
  | {kind: "rawText"; start: number; end: number; closed: boolean};

const rawTextElements = new Set(["script", "style", "title", "textarea"]);

/**
 * Splits an HTML file into tokens without building a tree: just what the notebook format needs.
 * Never throws. An unclosed raw-text element or comment ends (with `closed: false`) at the line
 * where the next cell or `</notebook>` begins, so that one missing `</script>` costs one cell,
 * not the rest of the file.
 */
export function tokenizeHtml(text: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const lower = text.toLowerCase();
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) tokens.push({kind: "text", start: textStart, end});
  };
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt === -1) break;
    const next = text[lt + 1] ?? "";
    if (text.startsWith("<!--", lt)) {
      flushText(lt);
      const close = text.indexOf("-->", lt + 4);
      const end = close === -1 ? findRecovery(lower, lt + 4, columnOf(text, lt)) : close + 3;
      tokens.push({kind: "comment", start: lt, end, closed: close !== -1});
      i = textStart = end;
    } else if (next === "!" || next === "?") {
      flushText(lt);
      const close = text.indexOf(">", lt);
      const end = close === -1 ? text.length : close + 1;
      tokens.push({kind: "doctype", start: lt, end});
      i = textStart = end;
    } else if (next === "/" && /[a-zA-Z]/.test(text[lt + 2] ?? "")) {
      flushText(lt);
      const close = text.indexOf(">", lt);
      const end = close === -1 ? text.length : close + 1;
      const name = readName(lower, lt + 2);
      tokens.push({kind: "endTag", start: lt, end, name});
      i = textStart = end;
    } else if (/[a-zA-Z]/.test(next)) {
      flushText(lt);
      const tag = readStartTag(text, lt);
      tokens.push(tag);
      i = textStart = tag.end;
      if (rawTextElements.has(tag.name) && !tag.selfClosing) {
        const close = findClose(lower, tag.name, i);
        const recovery = findRecovery(lower, i, columnOf(text, lt));
        const closed = close !== -1 && close < recovery;
        const contentEnd = closed ? close : recovery;
        tokens.push({kind: "rawText", start: i, end: contentEnd, closed});
        i = textStart = contentEnd;
      }
    } else {
      i = lt + 1;
    }
  }
  flushText(text.length);
  return tokens;
}

function readStartTag(text: string, start: number): HtmlToken & {kind: "startTag"} {
  const name = readName(text, start + 1);
  const attributes: HtmlAttribute[] = [];
  const pattern = /\s*(?:(\/?>)|([^\s"'=<>/]+|\/)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?)/y;
  let selfClosing = false;
  let end = text.length;
  for (let pos = start + 1 + name.length; pos < text.length; ) {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    if (!match) {
      nonSpace.lastIndex = pos;
      if (!nonSpace.test(text)) break;
      const at = nonSpace.lastIndex - 1;
      // An unterminated tag: stop before the next tag rather than swallowing it.
      if (text[at] === "<") {
        end = at;
        break;
      }
      pos = at + 1;
      continue;
    }
    pos = pattern.lastIndex;
    if (match[1] !== undefined) {
      selfClosing = match[1] === "/>";
      end = pos;
      break;
    }
    if (match[2] === "/") continue;
    const raw = match[3] ?? match[4] ?? match[5];
    attributes.push({name: match[2]!, value: raw === undefined ? null : decodeEntities(raw)});
  }
  return {kind: "startTag", start, end, name: name.toLowerCase(), attributes, selfClosing};
}

const namePattern = /[^\s/>]+/y;
const nonSpace = /\s*\S/y;

/** The tag name starting at `at` (sticky regexes: no copy of the rest of the file per tag). */
function readName(text: string, at: number): string {
  namePattern.lastIndex = at;
  return namePattern.exec(text)![0];
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset) + 1);
}

/** Offset of the `</name` that closes a raw-text element, or -1. */
function findClose(lower: string, name: string, from: number): number {
  const pattern = new RegExp(`</${name}[\\s/>]`, "g");
  pattern.lastIndex = from;
  const match = pattern.exec(lower);
  return match ? match.index : -1;
}

/**
 * Where an unclosed raw-text element most likely ends: the start of a line that opens a cell
 * (`<script`) or closes the notebook, indented no deeper than the element's own start tag or the
 * two spaces we indent cells by (a `<script` nested in an html cell's body is indented deeper).
 */
function findRecovery(lower: string, from: number, column: number): number {
  const pattern = /\n([ \t]*)(?:<script[\s/>]|<\/notebook[\s>])/g;
  pattern.lastIndex = from;
  for (let match; (match = pattern.exec(lower)); ) {
    if (match[1]!.length <= Math.max(column, 2)) return match.index + 1;
  }
  return lower.length;
}
