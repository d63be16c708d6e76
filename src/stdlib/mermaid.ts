import {isDark} from "./dark.ts";

/** The `mermaid` template tag: Mermaid diagram source in, a promise of its `<svg>` out. */
export type MermaidTag = (strings: TemplateStringsArray, ...values: unknown[]) => Promise<SVGSVGElement>;

let diagrams = 0;

/**
 * Loads Mermaid (bundled) and returns the `mermaid` tag drawing in `document`, in Mermaid's dark
 * or neutral theme to match the page. Mermaid's strict security level applies: labels are text,
 * and click handlers and scripts in diagrams are ignored. A diagram error rejects with Mermaid's
 * message.
 */
export async function loadMermaid(document: Document): Promise<MermaidTag> {
  const {default: mermaid} = await import("mermaid");
  return async (strings, ...values) => {
    const source = String.raw({raw: strings.raw ?? strings}, ...values);
    mermaid.initialize({startOnLoad: false, securityLevel: "strict", suppressErrorRendering: true, theme: isDark(document) ? "dark" : "neutral"});
    let svg: string;
    try {
      ({svg} = await mermaid.render(`mapt-mermaid-${++diagrams}`, source));
    } catch (error) {
      throw new SyntaxError(`mermaid: ${(error as Error).message}`, {cause: error});
    }
    const template = document.createElement("template");
    template.innerHTML = svg;
    const element = template.content.firstElementChild;
    if (element === null) throw new Error("mermaid: the diagram drew nothing");
    return element as SVGSVGElement;
  };
}
