import {instance} from "@viz-js/viz";

/**
 * A colour no diagram uses (black at 1/255 opacity), given to Graphviz as the default so the
 * SVG can tell default colours apart and make them `currentColor`: diagrams then take the text
 * colour of the page's theme, dark or light.
 */
const SENTINEL = "#00000101";
const SENTINEL_RGB = "#000001";

/** The `dot` template tag: Graphviz DOT source in, an `<svg>` of the laid-out graph out. */
export type DotTag = (strings: TemplateStringsArray, ...values: unknown[]) => SVGSVGElement;

/**
 * Loads Graphviz (WebAssembly, bundled) and returns the `dot` tag building SVG in `document`.
 * Interpolated values become DOT text; a DOT error throws Graphviz's message (with its line).
 */
export async function loadDot(document: Document): Promise<DotTag> {
  const viz = await instance();
  const view = document.defaultView as (Window & typeof globalThis) | null;
  if (view === null) throw new Error("dot needs a document in a window, to parse the SVG it draws");
  return (strings, ...values) => {
    const source = String.raw({raw: strings.raw ?? strings}, ...values);
    const result = viz.render(source, {
      format: "svg",
      graphAttributes: {bgcolor: "none", color: SENTINEL, fontcolor: SENTINEL, fontname: "sans-serif", fontsize: "12"},
      nodeAttributes: {color: SENTINEL, fontcolor: SENTINEL, fontname: "sans-serif", fontsize: "12"},
      edgeAttributes: {color: SENTINEL, fontcolor: SENTINEL, fontname: "sans-serif", fontsize: "12"}
    });
    if (result.status === "failure") {
      const messages = result.errors.filter((e) => e.level !== "warning").map((e) => e.message.trim());
      throw new SyntaxError(`dot: ${messages.join("; ") || "Graphviz could not draw this graph"}`);
    }
    const parsed = new view.DOMParser().parseFromString(result.output, "image/svg+xml").documentElement;
    const svg = document.importNode(parsed, true) as unknown as SVGSVGElement;
    for (const paint of ["fill", "stroke"]) {
      for (const element of Array.from(svg.querySelectorAll(`[${paint}="${SENTINEL_RGB}"]`))) {
        element.setAttribute(paint, "currentColor");
        element.removeAttribute(`${paint}-opacity`);
      }
    }
    svg.setAttribute("style", "max-width: 100%; height: auto;");
    return svg;
  };
}
