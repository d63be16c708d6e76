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
  "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "table", "hr", "xmp"
]);

// End tags that close the element of their name when it is in scope, whatever is open inside it.
const closesInScope = new Set([...closesParagraph, "button", "li", "dd", "dt", "applet", "marquee", "object"]);

// Elements that HTML merges into the document's own, so they never open a new element.
const documentElements = new Set(["html", "head", "body"]);

/**
 * The stack of open elements of HTML's tree builder, reduced to what decides which `<script>`
 * elements are inside the first `<notebook>` (Notebook Kit reads `notebook script`) and outside
 * any `<template>`. Each operation is O(1) amortized: for every stack position it keeps the
 * nearest special element and scope boundary below it, and for every name where it is open.
 * Not modelled (they do not occur around notebook cells): tables' and selects' own insertion
 * modes, SVG and MathML, list items closing each other, and the adoption agency for formatting
 * elements.
 */
export class OpenElements {
  private readonly names: string[] = [];
  private readonly special: number[] = [];
  private readonly boundary: number[] = [];
  private readonly buttonBoundary: number[] = [];
  private readonly where = new Map<string, number[]>();
  private notebookAt = -1;
  /** "before" the first `<notebook>`, "open" inside it, "closed" once it ended. */
  notebook: "before" | "open" | "closed" = "before";

  constructor(private readonly counter: StepCounter) {}

  /** Whether a `<script>` starting now is inside `<template>` (so not in the document's tree). */
  get inTemplate(): boolean {
    return (this.where.get("template")?.length ?? 0) > 0;
  }

  /** A start tag (raw-text elements are opened and closed by the caller's skipping them). */
  start(name: string): void {
    if (voidElements.has(name) || documentElements.has(name)) return;
    if (closesParagraph.has(name) && this.inScope("p", this.buttonBoundary)) this.popThrough(this.top("p"));
    if (/^h[1-6]$/.test(name) && /^h[1-6]$/.test(this.names.at(-1) ?? "")) this.popThrough(this.names.length - 1);
    const index = this.names.length;
    this.names.push(name);
    this.special.push(specialElements.has(name) ? index : (this.special[index - 1] ?? -1));
    this.boundary.push(scopeBoundaries.has(name) ? index : (this.boundary[index - 1] ?? -1));
    this.buttonBoundary.push(scopeBoundaries.has(name) || name === "button" ? index : (this.buttonBoundary[index - 1] ?? -1));
    let list = this.where.get(name);
    if (!list) this.where.set(name, (list = []));
    list.push(index);
    if (name === "notebook" && this.notebook === "before") {
      this.notebook = "open";
      this.notebookAt = index;
    }
    this.counter.steps++;
  }

  /** An end tag; returns false when HTML ignores it (nothing of that name open where it could close). */
  end(name: string): boolean {
    this.counter.steps++;
    if (documentElements.has(name)) return true;
    const at = this.top(name);
    if (at === -1) return false;
    if (closesInScope.has(name) || /^h[1-6]$/.test(name)) {
      if (!this.inScope(name, this.boundary)) return false;
    } else if (at < (this.special.at(-1) ?? -1)) {
      // Walking down from the current element, HTML meets a special element before this one.
      return false;
    }
    this.popThrough(at);
    return true;
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
      this.boundary.pop();
      this.buttonBoundary.pop();
      this.where.get(name)!.pop();
      this.counter.steps++;
    }
    if (this.notebookAt >= this.names.length && this.notebook === "open") this.notebook = "closed";
  }
}
