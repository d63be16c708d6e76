import {headingSlug, isAllowedAttribute, renderMarkdown} from "../shared/index.ts";

/** The `md` tagged template: Markdown to a DOM element. */
export type MarkdownTag = (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement;

/**
 * Makes the `md` builtin for `document`. The template's text is the author's Markdown (its raw
 * HTML sanitised by `renderMarkdown`); each interpolated value stays what it is, never markup:
 * a DOM node (a chart, an `html\`...\`` fragment) is inserted as that node, keeping its
 * listeners; anything else is inserted as text, so a data value like `<img onerror=...>` or
 * `**x**` shows as those characters. A value inside an attribute (a link's URL) becomes the
 * attribute's text and is checked like authored markup. Returns a `div.mapt-md`.
 */
export function createMd(document: Document): MarkdownTag {
  return (strings, ...values) => {
    const nonce = Math.random().toString(36).slice(2, 10);
    const slot = (i: number) => `MAPTSLOT${nonce}X${i}X`;
    let source = strings[0];
    values.forEach((_, i) => {
      source += slot(i) + strings[i + 1];
    });
    const root = document.createElement("div");
    root.className = "mapt-md";
    root.innerHTML = renderMarkdown(source);
    // Slots are found in any case: heading ids are lower-cased slugs of the heading's text.
    if (values.length > 0) fillSlots(root, values, new RegExp(`MAPTSLOT${nonce}X(\\d+)X`, "gi"));
    return root;
  };
}

/** Replaces each slot under `root`: in text by its node or by its value as text, in attributes by its value as text. */
function fillSlots(root: HTMLElement, values: unknown[], pattern: RegExp): void {
  const valueAt = (match: RegExpMatchArray): unknown => values[Number(match[1])];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const text of texts) {
    const data = text.data;
    const matches = [...data.matchAll(pattern)];
    if (matches.length === 0) continue;
    const parts: (Node | string)[] = [];
    let at = 0;
    for (const match of matches) {
      const value = valueAt(match);
      // A node used twice is moved, as in a template literal of nodes; as text it is "undefined"
      // for a missing value, never a silent blank where a figure should be.
      parts.push(data.slice(at, match.index), isNode(value) ? value : String(value));
      at = match.index + match[0].length;
    }
    parts.push(data.slice(at));
    text.replaceWith(...parts.filter((part) => part !== ""));
  }
  const named = [...root.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter((heading) => heading.id.search(pattern) !== -1);
  for (const element of root.querySelectorAll("*")) {
    for (const {name, value} of [...element.attributes]) {
      if (value.search(pattern) === -1) continue;
      const filled = value.replace(pattern, (_, i: string) => String(values[Number(i)]));
      if (isAllowedAttribute(name, filled, "trusted")) element.setAttribute(name, filled);
      else element.removeAttribute(name);
    }
  }
  for (const heading of named) renameHeading(heading);
}

/** A heading whose text held a value gets the slug of the text it shows, and its link follows. */
function renameHeading(heading: Element): void {
  const anchor = heading.querySelector(":scope > a.mapt-anchor");
  const text = [...heading.childNodes].filter((node) => node !== anchor).map((node) => node.textContent).join("");
  heading.id = headingSlug(text);
  anchor?.setAttribute("href", `#${heading.id}`);
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).nodeType === "number" && typeof (value as Node).cloneNode === "function";
}
