import {scanScriptData} from "./scanScriptData.ts";
import {scanTag} from "./scanTag.ts";
import type {StepCounter, TagAttribute} from "./scanTag.ts";

/** One piece of an HTML file; `start`/`end` are offsets into the file. */
export type HtmlToken =
  | {kind: "text"; start: number; end: number}
  /** `<!-- -->`, and what HTML also reads as a comment: `<!doctype>`, `<!x>`, `<?x>`, `</ x>`. */
  | {kind: "comment"; start: number; end: number; closed: boolean}
  | {kind: "startTag"; start: number; end: number; name: string; nameEnd: number; attributes: TagAttribute[]; selfClosing: boolean}
  | {kind: "endTag"; start: number; end: number; name: string}
  /** The content of a raw-text element (`script`, `style`, `title`...), undecoded; `closed` is
   * false when the file ends first. */
  | {kind: "rawText"; start: number; end: number; closed: boolean}
  /** A tag the file ends inside of, which HTML drops. */
  | {kind: "unfinishedTag"; start: number; end: number};

/** Elements whose content is text up to their own end tag (HTML's script data, RCDATA, RAWTEXT and
 * PLAINTEXT), with scripting disabled as in `DOMParser`, so `<noscript>` holds markup. */
export const rawTextElements = new Set(["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

/**
 * Splits an HTML file into tokens the way a browser's tokenizer does (without building a tree):
 * an unclosed `<script>` runs to the next `</script>` or the end of the file, a comment to the
 * next `-->`, a tag to its `>`. A raw-text element's start tag is always followed by its
 * `rawText`, and that (when closed) by its end tag. Never throws, and visits each character a
 * bounded number of times (counted in `counter.steps`), so reading is linear in the file's size.
 * Tokens are produced one at a time, so a large file's tokens are never all held at once.
 */
export function* tokenizeHtml(text: string, counter: StepCounter = {steps: 0}): Generator<HtmlToken, void, undefined> {
  const n = text.length;
  let i = 0;
  let textStart = 0;
  while (i < n) {
    const lt = text.indexOf("<", i);
    counter.steps += (lt === -1 ? n : lt) - i + 1;
    if (lt === -1) break;
    const token = markupAt(text, lt, counter);
    if (!token) {
      i = lt + 1;
      continue;
    }
    if (token.start > textStart) yield {kind: "text", start: textStart, end: token.start};
    yield token;
    i = textStart = token.end;
    if (token.kind === "startTag" && rawTextElements.has(token.name)) {
      const content = scanRawText(text, token.name, token.end, counter);
      yield content;
      i = textStart = content.end;
    }
  }
  if (n > textStart) yield {kind: "text", start: textStart, end: n};
}

/** The markup that starts with the `<` at `lt`, or `undefined` when that `<` is text. */
function markupAt(text: string, lt: number, counter: StepCounter): HtmlToken | undefined {
  const next = text.charCodeAt(lt + 1);
  if (text.startsWith("<!--", lt)) return scanComment(text, lt, counter);
  if (next === bang || next === question) return bogusComment(text, lt, lt + 2, counter);
  if (next === slash) {
    const after = text.charCodeAt(lt + 2);
    if (isAsciiAlpha(after)) {
      const tag = scanTag(text, lt + 2, counter);
      return tag.end === -1 ? {kind: "unfinishedTag", start: lt, end: text.length} : {kind: "endTag", start: lt, end: tag.end, name: tag.name};
    }
    // `</>` is dropped; `</` and anything else but the end of the file starts a comment.
    if (after === gt) return {kind: "comment", start: lt, end: lt + 3, closed: true};
    return lt + 2 < text.length ? bogusComment(text, lt, lt + 2, counter) : undefined;
  }
  if (!isAsciiAlpha(next)) return undefined;
  const tag = scanTag(text, lt + 1, counter);
  if (tag.end === -1) return {kind: "unfinishedTag", start: lt, end: text.length};
  const {name, nameEnd, attributes, selfClosing} = tag;
  return {kind: "startTag", start: lt, end: tag.end, name, nameEnd, attributes, selfClosing};
}

const bang = 33;
const question = 63;
const slash = 47;
const gt = 62;

function isAsciiAlpha(c: number): boolean {
  return (c | 0x20) >= 97 && (c | 0x20) <= 122;
}

/** A `<!--` comment: `<!-->` and `<!--->` close at once; otherwise the first `-->` or `--!>`. */
function scanComment(text: string, start: number, counter: StepCounter): HtmlToken {
  const from = start + 4;
  if (text.charCodeAt(from) === gt) return {kind: "comment", start, end: from + 1, closed: true};
  if (text.startsWith("->", from)) return {kind: "comment", start, end: from + 2, closed: true};
  commentEnd.lastIndex = from;
  const match = commentEnd.exec(text);
  const end = match ? match.index + match[0].length : text.length;
  counter.steps += end - from;
  return {kind: "comment", start, end, closed: match !== null};
}

const commentEnd = /--!?>/g;

/** What HTML reads as a comment up to the next `>`: `<!doctype ...>`, `<!x>`, `<?x>`, `</ x>`. */
function bogusComment(text: string, start: number, from: number, counter: StepCounter): HtmlToken {
  const close = text.indexOf(">", from);
  const end = close === -1 ? text.length : close + 1;
  counter.steps += end - from;
  return {kind: "comment", start, end, closed: close !== -1};
}

/** The content of a raw-text element that starts at `from`, up to its end tag (not included). */
function scanRawText(text: string, name: string, from: number, counter: StepCounter): HtmlToken {
  let end: number;
  if (name === "script") end = scanScriptData(text, from, counter);
  else if (name === "plaintext") end = -1;
  else {
    const pattern = endTagPattern(name);
    pattern.lastIndex = from;
    end = pattern.exec(text)?.index ?? -1;
    counter.steps += (end === -1 ? text.length : end) - from;
  }
  return {kind: "rawText", start: from, end: end === -1 ? text.length : end, closed: end !== -1};
}

const endTagPatterns = new Map<string, RegExp>();

/** `</name` followed by what ends a tag name, any case (names here are ASCII letters only). */
function endTagPattern(name: string): RegExp {
  let pattern = endTagPatterns.get(name);
  if (!pattern) endTagPatterns.set(name, (pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, "gi")));
  return pattern;
}
