import {renderMarkdown} from "../shared/index.ts";

/** The `md` tagged template: Markdown to a DOM element. */
export type MarkdownTag = (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement;

/**
 * Makes the `md` builtin for `document`. Interpolated DOM nodes are inserted as nodes (a chart
 * inside a paragraph keeps its listeners); any other value joins the Markdown source as text, as
 * in Observable (so `${"**bold**"}` is bold). Returns a `div.mapt-md` holding the rendered HTML.
 */
export function createMd(document: Document): MarkdownTag {
  return (strings, ...values) => {
    const nonce = Math.random().toString(36).slice(2, 10);
    const slot = (i: number) => `MAPTSLOT${nonce}X${i}X`;
    const nodes = new Map<string, Node>();
    let source = strings[0];
    values.forEach((value, i) => {
      if (isNode(value)) {
        nodes.set(slot(i), value);
        source += slot(i);
      } else {
        // As in a template literal: a missing value shows as "undefined", never as a silent blank
        // where a figure should be.
        source += String(value);
      }
      source += strings[i + 1];
    });
    const root = document.createElement("div");
    root.className = "mapt-md";
    root.innerHTML = renderMarkdown(source);
    if (nodes.size > 0) insertNodes(root, nodes, new RegExp(`MAPTSLOT${nonce}X\\d+X`, "g"));
    return root;
  };
}

/** Replaces each slot token in the text under `root` by its node. */
function insertNodes(root: HTMLElement, nodes: Map<string, Node>, pattern: RegExp): void {
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
      parts.push(data.slice(at, match.index), nodes.get(match[0]) ?? match[0]);
      at = match.index + match[0].length;
    }
    parts.push(data.slice(at));
    text.replaceWith(...parts.filter((part) => part !== ""));
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).nodeType === "number" && typeof (value as Node).cloneNode === "function";
}
