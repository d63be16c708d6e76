import {assertNever} from "../shared/index.ts";
import {OpenElements} from "./openElements.ts";
import {quote} from "./quote.ts";
import {isSpace, rawTextElements, type HtmlToken} from "../shared/index.ts";
import type {StepCounter} from "./types.ts";

type StartTag = HtmlToken & {kind: "startTag"};
type RawText = HtmlToken & {kind: "rawText"};
type EndTag = HtmlToken & {kind: "endTag"};

/** A `<script>` element that is a cell: its start tag, content and end tag (absent at the file's end). */
export interface FoundCell {
  tag: StartTag;
  body: RawText;
  endTag?: EndTag;
  /** Offset just after the element. */
  end: number;
}

/** The parts of a file that make a notebook, found as a browser's parser would find them. */
export interface NotebookParts {
  cells: FoundCell[];
  /** The first `<notebook>` start tag. */
  root?: StartTag;
  /** The first `<title>` and its content. */
  title?: {tag: StartTag; content: RawText};
  /** Offset of the `</notebook>` that closed the first notebook, if one did. */
  rootEnd?: number;
}

/** Reports a problem at an offset of the file. */
export type Report = (offset: number, severity: "warning" | "error", message: string) => void;

/**
 * Finds the cells of a tokenized file as Notebook Kit does with a browser's parser
 * (`querySelectorAll("notebook script")`): the `<script>` elements inside a `<notebook>` element
 * and outside any `<template>`. A file with no `<notebook>` at all is read leniently: every
 * `<script>` is a cell, and that is reported as an error.
 */
export function findCells(text: string, tokens: Iterator<HtmlToken, void>, report: Report, counter: StepCounter): NotebookParts {
  const parts: NotebookParts = {cells: []};
  const outside: Array<{cell: FoundCell; reason: string}> = [];
  const open = new OpenElements(counter);
  const next = () => {
    const step = tokens.next();
    return step.done ? undefined : step.value;
  };

  const element = (token: StartTag) => {
    if (token.name === "notebook" && !open.inTemplate) {
      if (!parts.root) parts.root = token;
      else report(token.start, "warning", "a second <notebook> element: its scripts are cells too, but only the first one's theme and readonly count");
    }
    open.start(token.name);
  };

  const rawTextElement = (token: StartTag, content: RawText, endTag: EndTag | undefined) => {
    if (token.name === "script") {
      const cell: FoundCell = {tag: token, body: content, endTag, end: endTag?.end ?? content.end};
      if (open.inTemplate) report(token.start, "warning", "this <script> is inside <template>, so it is not a cell (Notebook Kit ignores it); kept as it is");
      else if (open.inNotebook) parts.cells.push(cell);
      else outside.push({cell, reason: open.notebookSeen ? "it is not inside <notebook>" : "it comes before <notebook>"});
      return;
    }
    if (token.name === "title" && !parts.title && !open.inTemplate) parts.title = {tag: token, content};
    if (!content.closed) report(token.start, "error", `<${token.name}> is never closed: the rest of the file is read as its text, so no cell after it is read; add </${token.name}>`);
  };

  const other = (token: Exclude<HtmlToken, {kind: "startTag" | "rawText"}>) => {
    switch (token.kind) {
      case "text": {
        const offset = firstNonSpace(text, token.start, token.end);
        counter.steps += (offset === -1 ? token.end : offset) - token.start;
        if (offset === -1) return;
        open.text();
        return report(offset, "warning", `text outside the cells is not shown (Notebook Kit ignores it): ${quote(text.slice(offset, token.end).trim())}`);
      }
      case "comment":
        if (!token.closed) report(token.start, "error", `${quote(text.slice(token.start, token.start + 4))} is never closed: the rest of the file is a comment and no cell after it is read; close it with ${text.startsWith("<!--", token.start) ? "-->" : ">"}`);
        return;
      case "unfinishedTag":
        return report(token.start, "error", `the tag ${quote(text.slice(token.start, token.start + 20))} never ends with ">": a browser ignores it and the rest of the file`);
      case "endTag":
        if (!open.end(token.name)) report(token.start, "warning", `</${token.name}> closes no open element and is ignored`);
        else if (token.name === "notebook" && parts.rootEnd === undefined) parts.rootEnd = token.start;
        return;
      default:
        return assertNever(token, "HTML token");
    }
  };

  for (let token = next(); token; token = next()) {
    if (token.kind === "rawText") continue;
    if (token.kind !== "startTag") {
      other(token);
      continue;
    }
    element(token);
    if (!rawTextElements.has(token.name)) continue;
    // The tokenizer gives a raw-text element's content next, and then (when closed) its end tag.
    const content = next() as RawText;
    const closing = content.closed ? next() : undefined;
    rawTextElement(token, content, closing?.kind === "endTag" ? closing : undefined);
    if (closing && closing.kind !== "endTag") other(closing as Exclude<HtmlToken, {kind: "startTag" | "rawText"}>);
  }

  if (!open.notebookSeen) {
    report(0, "error", "no <notebook> element: this file is not a Notebook Kit notebook; every <script> in it was read as a cell (put the cells inside <notebook> … </notebook>)");
    parts.cells = outside.map(({cell}) => cell);
  } else {
    for (const {cell, reason} of outside) report(cell.tag.start, "warning", `${reason}, so this <script> is not a cell (Notebook Kit ignores it); kept as it is`);
    if (open.inNotebook) report(text.length, "warning", "missing </notebook> end tag");
  }
  return parts;
}

/** The first character that is not whitespace (nor the byte-order mark that opens a file), or -1. */
function firstNonSpace(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && !(i === 0 && c === 0xfeff)) return i;
  }
  return -1;
}
