import {decodeHTMLAttribute} from "entities/decode";

/** Counts the work done reading a file (characters visited, elements opened and closed), so
 * tests and benchmarks can check that reading is linear in the file's size. */
export interface StepCounter {
  steps: number;
}

/** An attribute as written in a start tag. */
export interface TagAttribute {
  /** As written (case kept); HTML compares names case-insensitively. */
  name: string;
  /** Entity-decoded value; `null` when written without `=`. */
  value: string | null;
  /** Offset of the attribute's name (in the file, or in its tag's `text` within a `TagText`). */
  start: number;
  /** Offset just after its value (after the closing quote), or after its name when it has none. */
  end: number;
}

/** A tag read by `scanTag`. */
export interface ScannedTag {
  /** Lower-cased, as HTML compares tag names. */
  name: string;
  /** Offset just after the tag's name. */
  nameEnd: number;
  attributes: TagAttribute[];
  /** Written `<x ... />` (HTML ignores this on elements that are not void). */
  selfClosing: boolean;
  /** Offset just after the closing `>`, or -1 when the file ends inside the tag. */
  end: number;
}

/**
 * Reads a tag whose name starts at `at` (just after `<` or `</`) the way an HTML tokenizer does:
 * attributes end only at `>` outside quotes, a stray `<` or quote is part of a name or value, and
 * `/` before `>` marks it self-closing. Visits each character once.
 */
export function scanTag(text: string, at: number, counter: StepCounter): ScannedTag {
  const n = text.length;
  let i = at;
  while (i < n && !endsName(text.charCodeAt(i))) i++;
  const tag: ScannedTag = {name: lowerAscii(text.slice(at, i)), nameEnd: i, attributes: [], selfClosing: false, end: -1};
  const end = scanAttributes(text, i, tag);
  counter.steps += (end === -1 ? n : end) - at;
  tag.end = end;
  return tag;
}

/** Reads attributes from `i` into `tag`; returns the offset after the tag's `>`, or -1 at the file's end. */
function scanAttributes(text: string, i: number, tag: ScannedTag): number {
  const n = text.length;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return -1;
    let c = text.charCodeAt(i);
    if (c === gt) return i + 1;
    if (c === slash) {
      i++;
      if (i >= n) return -1;
      if (text.charCodeAt(i) === gt) {
        tag.selfClosing = true;
        return i + 1;
      }
      continue;
    }
    // An attribute name: its first character may be `=`, later ones end at space, `/`, `>` or `=`.
    const start = i++;
    while (i < n && !endsName((c = text.charCodeAt(i))) && c !== equals) i++;
    const name = text.slice(start, i);
    let after = i;
    while (after < n && isSpace(text.charCodeAt(after))) after++;
    if (after >= n) return -1;
    if (text.charCodeAt(after) !== equals) {
      tag.attributes.push({name, value: null, start, end: i});
      i = after;
      continue;
    }
    i = after + 1;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return -1;
    c = text.charCodeAt(i);
    let raw: string;
    if (c === doubleQuote || c === singleQuote) {
      const close = text.indexOf(text[i]!, i + 1);
      if (close === -1) return -1;
      raw = text.slice(i + 1, close);
      i = close + 1;
    } else if (c === gt) {
      tag.attributes.push({name, value: "", start, end: i});
      return i + 1;
    } else {
      const valueStart = i;
      while (i < n && !isSpace((c = text.charCodeAt(i))) && c !== gt) i++;
      if (i >= n) return -1;
      raw = text.slice(valueStart, i);
    }
    tag.attributes.push({name, value: decodeValue(raw), start, end: i});
  }
}

const gt = 62;
const slash = 47;
const equals = 61;
const doubleQuote = 34;
const singleQuote = 39;

/** HTML's whitespace in tags: tab, line feed, form feed, carriage return, space. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

function endsName(c: number): boolean {
  return isSpace(c) || c === slash || c === gt;
}

/** Lower-cases ASCII letters only, as HTML does for tag and attribute names. */
function lowerAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (s) => s.toLowerCase()) : text;
}

function decodeValue(raw: string): string {
  // Most values have nothing to decode: skip the decoder for them (same result, less work).
  if (!/[&\r\0]/.test(raw)) return raw;
  return decodeHTMLAttribute(raw.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD"));
}
