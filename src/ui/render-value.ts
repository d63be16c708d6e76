import type {Inspector} from "@observablehq/inspector";

/** A value's node, and for one the inspector draws, when it is drawn. */
export interface RenderedValue {
  node: Node;
  /** Resolves once the inspector has drawn the value (it loads on first use); absent for DOM nodes. */
  drawn?: Promise<void>;
}

let inspector: Promise<typeof Inspector> | undefined;

/**
 * A value as a node: DOM nodes as they are; a primitive the inspector shows as one line of text
 * (see {@link inspectPrimitive}) at once, as the inspector would; anything else through the
 * Observable inspector, loaded the first time a page shows such a value (most cells show DOM:
 * charts, tables, text; a countdown's numbers or strings need none of the inspector's 3.7 kB).
 */
export function renderValue(value: unknown): RenderedValue {
  if (isNode(value)) return {node: value};
  const container = document.createElement("div");
  const primitive = inspectPrimitive(value, document);
  if (primitive) {
    container.classList.add("observablehq");
    container.append(primitive);
    return {node: container};
  }
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

/**
 * The inspector's markup for a top-level boolean, number, bigint, null, undefined, or a string it
 * shows in double quotes (one with fewer quotes and line breaks than backticks and `${`), built
 * here as `Inspector.fulfilled` builds it (`inspect.js`, `formatString.js` of
 * @observablehq/inspector): `<span class="observablehq--inspect"><span class="observablehq--
 * {type}">{text}</span></span>`. `undefined` for every other value.
 */
export function inspectPrimitive(value: unknown, document: Document): HTMLElement | undefined {
  let type: string = typeof value;
  let text: string;
  if (value === null) [type, text] = ["null", "null"];
  else if (type === "boolean" || type === "undefined") text = String(value);
  else if (type === "number") text = Object.is(value, -0) ? "-0" : String(value);
  else if (type === "bigint") text = `${String(value)}n`;
  else if (type === "string" && count(value as string, /["\n]/g) <= count(value as string, /`|\$\{/g)) text = JSON.stringify(value);
  else return undefined;
  const span = document.createElement("span");
  span.className = "observablehq--inspect";
  const inner = span.appendChild(document.createElement("span"));
  inner.className = `observablehq--${type}`;
  inner.textContent = text;
  return span;
}

const count = (string: string, pattern: RegExp) => string.match(pattern)?.length ?? 0;

/** True for DOM nodes, including those of another document (iframes, SVG from Plot). */
export function isNode(value: unknown): value is Node {
  return typeof Node !== "undefined" && value instanceof Node;
}
