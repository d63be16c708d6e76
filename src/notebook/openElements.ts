import {rawTextElements} from "../shared/index.ts";
import type {StepCounter} from "./types.ts";

/** Elements with no end tag: never open. */
const voidElements = new Set([
  "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta",
  "param", "source", "track", "wbr"
]);

// HTML's "special" elements: an end tag of another name that meets one of these is ignored.
const specialElements = new Set([
  "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
  "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
  "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
  "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed",
  "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select",
  "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
  "track", "ul", "wbr", "xmp"
]);

// Where "has an element in scope" stops looking.
const scopeBoundaries = new Set(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]);

// Start tags that first close an open <p> (in button scope).
const closesParagraph = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
  "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2",
  "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "table", "hr", "xmp", "li", "dd", "dt"
]);

// End tags that close the element of their name when it is in scope, whatever is open inside it.
const closesInScope = new Set([...closesParagraph, "button", "li", "dd", "dt", "applet", "marquee", "object"]);

// HTML's "special" elements that do not stop <li>, <dd> and <dt> from closing an open one.
const listItemTransparent = new Set(["address", "div", "p"]);

const headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

function isHeading(name: string): boolean {
  return name.length === 2 && name[0] === "h" && name[1]! >= "1" && name[1]! <= "6";
}

// Elements that HTML merges into the document's own, so they never open a new element.
const documentElements = new Set(["html", "head", "body"]);

// Start tags that keep the parser in the document's head, and those allowed in a <noscript> there.
const headElements = new Set(["html", "head", "base", "basefont", "bgsound", "link", "meta", "title", "style", "script", "noscript", "noframes", "template"]);
const headNoscriptElements = new Set(["basefont", "bgsound", "link", "meta", "noframes", "style"]);

/**
 * The stack of open elements of HTML's tree builder, reduced to what decides which `<script>`
 * elements are inside a `<notebook>` (Notebook Kit reads `notebook script`) and outside any
 * `<template>`. Each operation is O(1) amortized: for every stack position it keeps the nearest
 * special element and scope boundary below it, and for every name where it is open.
 * Not modelled (they do not occur around notebook cells): tables' and selects' own insertion
 * modes, SVG and MathML, and the adoption agency for formatting elements.
 */
export class OpenElements {
  private readonly names: string[] = [];
  private readonly special: number[] = [];
  private readonly listStop: number[] = [];
  private readonly boundary: number[] = [];
  private readonly buttonBoundary: number[] = [];
  private readonly where = new Map<string, number[]>();
  /** Whether a `<notebook>` has been opened (outside `<template>`) so far. */
  notebookSeen = false;
  /** Whether the parser is still in the document's head (nothing of the body seen yet). */
  private inHead = true;

  constructor(private readonly counter: StepCounter) {}

  /** Whether an element starting now is inside `<template>` (so not in the document's tree). */
  get inTemplate(): boolean {
    return this.count("template") > 0;
  }

  /** Whether an element starting now is inside a `<notebook>`. */
  get inNotebook(): boolean {
    return this.count("notebook") > 0;
  }

  /** Text that is not whitespace: it belongs to the body, so the head ends. */
  text(): void {
    if (this.inHead) this.leaveHead();
  }

  /** A start tag (a raw-text element's content and end tag are the caller's to skip). */
  start(name: string): void {
    if (this.inHead) {
      // In the head, <noscript> holds only a few elements; anything else closes it first.
      if (this.count("noscript") > 0 && !headNoscriptElements.has(name)) this.popThrough(this.top("noscript"));
      if (!headElements.has(name)) this.leaveHead();
    }
    if (name === "button" && this.inScope("button", this.boundary)) this.popThrough(this.top("button"));
    if (name === "li") this.closeListItem(["li"]);
    if (name === "dd" || name === "dt") this.closeListItem(["dd", "dt"]);
    if (closesParagraph.has(name) && this.inScope("p", this.buttonBoundary)) this.popThrough(this.top("p"));
    if (isHeading(name) && isHeading(this.names.at(-1) ?? "")) this.popThrough(this.names.length - 1);
    // Raw-text elements hold no elements: opened and closed at once as far as this stack is concerned.
    if (voidElements.has(name) || documentElements.has(name) || rawTextElements.has(name)) return;
    if (name === "notebook" && !this.inTemplate) this.notebookSeen = true;
    const index = this.names.length;
    this.names.push(name);
    const special = specialElements.has(name);
    this.special.push(special ? index : (this.special[index - 1] ?? -1));
    this.listStop.push(special && !listItemTransparent.has(name) ? index : (this.listStop[index - 1] ?? -1));
    this.boundary.push(scopeBoundaries.has(name) ? index : (this.boundary[index - 1] ?? -1));
    this.buttonBoundary.push(scopeBoundaries.has(name) || name === "button" ? index : (this.buttonBoundary[index - 1] ?? -1));
    let list = this.where.get(name);
    if (!list) this.where.set(name, (list = []));
    list.push(index);
    this.counter.steps++;
  }

  /** An end tag; returns false when HTML ignores it (nothing of that name open where it could close). */
  end(name: string): boolean {
    this.counter.steps++;
    if (this.inHead && (name === "head" || name === "body" || name === "html" || name === "br")) this.leaveHead();
    if (documentElements.has(name)) return true;
    // Any heading's end tag closes the nearest open heading of whatever level.
    const at = isHeading(name) ? Math.max(...headings.map((h) => this.top(h))) : this.top(name);
    if (at === -1) return false;
    // </template> closes its template whatever is open inside it; a block's end tag closes it
    // when it is in scope; any other end tag only when, walking down from the current element,
    // HTML meets it before any special element.
    const blockedBelow = name === "template" ? -1 : closesInScope.has(name) || isHeading(name) ? this.boundary.at(-1) : this.special.at(-1);
    if (at < (blockedBelow ?? -1)) return false;
    this.popThrough(at);
    return true;
  }

  private leaveHead(): void {
    if (this.count("noscript") > 0) this.popThrough(this.top("noscript"));
    this.inHead = false;
  }

  /** A new list item closes the open one of `names` unless a special element other than
   * address, div and p lies between. */
  private closeListItem(names: string[]): void {
    const at = Math.max(...names.map((name) => this.top(name)));
    if (at !== -1 && at >= (this.listStop.at(-1) ?? -1)) this.popThrough(at);
  }

  private count(name: string): number {
    return this.where.get(name)?.length ?? 0;
  }

  private top(name: string): number {
    return this.where.get(name)?.at(-1) ?? -1;
  }

  private inScope(name: string, boundaries: number[]): boolean {
    const at = this.top(name);
    return at !== -1 && at >= (boundaries.at(-1) ?? -1);
  }

  private popThrough(index: number): void {
    while (this.names.length > index) {
      const name = this.names.pop()!;
      this.special.pop();
      this.listStop.pop();
      this.boundary.pop();
      this.buttonBoundary.pop();
      this.where.get(name)!.pop();
      this.counter.steps++;
    }
  }
}
