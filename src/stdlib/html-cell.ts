import {html} from "htl";
import {sanitizeNode} from "../shared/index.ts";

/**
 * The template of an HTML cell: htl's `html` (each `${...}` value is text or an attribute's
 * value, a node stays a node), then the result sanitised as the author's markup in a trusted
 * notebook is (`sanitizeNode`, trusted policy): no `<script>`, inline `on*` handler,
 * `javascript:` URL or `srcdoc` survives, whether written in the cell or given as a value.
 * Handlers given as functions (`onclick=${() => ...}`) are properties, not markup, and stay.
 */
export function htmlCell(strings: TemplateStringsArray, ...values: unknown[]): Node | null {
  const node = html(strings, ...values);
  return node === null ? null : sanitizeNode(node, "trusted");
}
