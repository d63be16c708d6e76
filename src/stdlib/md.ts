import {renderMarkdown} from "../shared/index.ts";
import {fillSlots, slotPattern} from "./md-fill.ts";

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
    if (values.length > 0) fillSlots(root, values, slotPattern(`MAPTSLOT${nonce}X`));
    return root;
  };
}
