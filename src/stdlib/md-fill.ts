import {headingSlug, isAllowedAttribute} from "../shared/index.ts";

/**
 * Where a Markdown template's values go: the build renders the text once with a slot for each
 * value, the prefix then the value's index then `X` (a prefix found nowhere in the text), and the page fills the
 * slots. So a Markdown cell needs no Markdown renderer in the page.
 */
export const slotPattern = (prefix: string) => new RegExp(`${prefix}(\\d+)X`, "gi");

/** The tag a Markdown cell's compiled body calls: `__md(html, prefix)(...values)` (see compiler). */
export type PrerenderedMarkdown = (html: string, prefix: string) => (...values: unknown[]) => HTMLElement;

/**
 * Makes the `__md` builtin for `document`: the Markdown the build rendered (`html`, sanitised,
 * with slots), each value put in its slot as `md` does (see {@link fillSlots}). A `div.mapt-md`.
 */
export function createPrerenderedMd(document: Document): PrerenderedMarkdown {
  return (html, prefix) => (...values) => {
    const root = document.createElement("div");
    root.className = "mapt-md";
    root.innerHTML = html;
    if (values.length > 0) fillSlots(root, values, slotPattern(prefix));
    return root;
  };
}

/** Replaces each slot under `root`: in text by its node or by its value as text, in attributes by its value as text. */
export function fillSlots(root: HTMLElement, values: unknown[], pattern: RegExp): void {
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
