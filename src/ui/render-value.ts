import {Inspector} from "@observablehq/inspector";

/** A value as a node: DOM nodes as they are, anything else through the Observable inspector. */
export function renderValue(value: unknown): Node {
  if (isNode(value)) return value;
  const container = document.createElement("div");
  new Inspector(container).fulfilled(value);
  return container;
}

/** True for DOM nodes, including those of another document (iframes, SVG from Plot). */
export function isNode(value: unknown): value is Node {
  return typeof Node !== "undefined" && value instanceof Node;
}
