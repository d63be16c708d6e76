import type {Inspector} from "@observablehq/inspector";

/** A value's node, and for one the inspector draws, when it is drawn. */
export interface RenderedValue {
  node: Node;
  /** Resolves once the inspector has drawn the value (it loads on first use); absent for DOM nodes. */
  drawn?: Promise<void>;
}

let inspector: Promise<typeof Inspector> | undefined;

/**
 * A value as a node: DOM nodes as they are, anything else through the Observable inspector,
 * loaded the first time a page shows such a value (most cells show DOM: charts, tables, text).
 */
export function renderValue(value: unknown): RenderedValue {
  if (isNode(value)) return {node: value};
  const container = document.createElement("div");
  inspector ??= import("@observablehq/inspector").then((module) => module.Inspector);
  const drawn = inspector.then(
    (Inspector) => void new Inspector(container).fulfilled(value),
    (error: unknown) => {
      inspector = undefined;
      container.textContent = `The value could not be shown: the inspector did not load (${error instanceof Error ? error.message : String(error)}).`;
    }
  );
  return {node: container, drawn};
}

/** True for DOM nodes, including those of another document (iframes, SVG from Plot). */
export function isNode(value: unknown): value is Node {
  return typeof Node !== "undefined" && value instanceof Node;
}
