/** Namespaces of the prefixes `DOM.element` understands (`"svg:g"`, `{"xlink:href": ...}`). */
const NAMESPACES: Readonly<Record<string, string>> = {
  math: "http://www.w3.org/1998/Math/MathML",
  svg: "http://www.w3.org/2000/svg",
  xhtml: "http://www.w3.org/1999/xhtml",
  xlink: "http://www.w3.org/1999/xlink",
  xml: "http://www.w3.org/XML/1998/namespace",
  xmlns: "http://www.w3.org/2000/xmlns/"
};

/** A unique id for SVG references (`fill: ${id}`): `id` for the element, `href` and `toString()` to refer to it. */
export interface Uid {
  id: string;
  href: string;
  /** `url(href)`, as CSS and SVG paint attributes take it. */
  toString(): string;
}

/** The `DOM` builtin: Observable's classic helpers that build elements. */
export interface Dom {
  /** A `<canvas>` of `width` × `height` pixels. */
  canvas(width: number, height: number): HTMLCanvasElement;
  /** The 2D context of a canvas drawn at `width` × `height` CSS pixels and `dpi` (default: the screen's pixel ratio) device pixels per pixel. */
  context2d(width: number, height: number, dpi?: number): CanvasRenderingContext2D;
  /** A button that downloads `value` (a Blob, or a function returning one or its promise) as the file `name`. */
  download(value: Blob | (() => Blob | Promise<Blob>), name?: string, label?: string): HTMLAnchorElement;
  /** An element by name (`"div"`, `"svg:circle"`), with `attributes` set (prefixed ones in their namespace). */
  element(name: string, attributes?: Record<string, string>): Element;
  /** An `<input>` of `type`. */
  input(type?: string): HTMLInputElement;
  /** A range slider from `min` (default 0) to `max` (default 1) by `step` (default: any). */
  range(min?: number, max?: number, step?: number): HTMLInputElement;
  /** A `<select>` with one option per value. */
  select(values: Iterable<unknown>): HTMLSelectElement;
  /** An `<svg>` of `width` × `height` with a matching viewBox. */
  svg(width: number, height: number): SVGSVGElement;
  /** A text node: the value shows as text, never markup. */
  text(value: unknown): Text;
  /** A unique id, `O-name-N`. */
  uid(name?: string): Uid;
}

let uids = 0;

/** The `DOM` helpers building in `document`. */
export function createDom(document: Document): Dom {
  const view = document.defaultView;
  return {
    canvas(width, height) {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      return canvas;
    },
    context2d(width, height, dpi = view?.devicePixelRatio ?? 1) {
      const canvas = document.createElement("canvas");
      canvas.width = width * dpi;
      canvas.height = height * dpi;
      canvas.style.width = `${width}px`;
      const context = canvas.getContext("2d");
      if (context === null) throw new Error("DOM.context2d: this browser gives no 2D canvas context");
      context.scale(dpi, dpi);
      return context;
    },
    download: (value, name = "untitled", label = "Save") => downloadButton(document, value, name, label),
    element(name, attributes = {}) {
      const [prefix, local] = splitName(name);
      const element = prefix in NAMESPACES ? document.createElementNS(NAMESPACES[prefix]!, local) : document.createElement(name);
      for (const [key, value] of Object.entries(attributes)) {
        const [attributePrefix, attributeLocal] = splitName(key);
        if (attributePrefix in NAMESPACES) element.setAttributeNS(NAMESPACES[attributePrefix]!, attributeLocal, value);
        else element.setAttribute(key, value);
      }
      return element;
    },
    input(type) {
      const input = document.createElement("input");
      if (type !== undefined) input.type = type;
      return input;
    },
    range(min = 0, max = 1, step) {
      const input = document.createElement("input");
      input.type = "range";
      input.min = String(min);
      input.max = String(max);
      input.step = step === undefined ? "any" : String(step);
      return input;
    },
    select(values) {
      const select = document.createElement("select");
      for (const value of values) {
        const option = document.createElement("option");
        option.value = option.textContent = String(value);
        select.append(option);
      }
      return select;
    },
    svg(width, height) {
      const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
      svg.setAttribute("width", String(width));
      svg.setAttribute("height", String(height));
      return svg;
    },
    text: (value) => document.createTextNode(String(value)),
    uid(name) {
      const id = `O-${name === undefined ? "" : `${name}-`}${++uids}`;
      const href = new URL(`#${id}`, document.URL).href;
      return {id, href, toString: () => `url(${href})`};
    }
  };
}

/** `"svg:circle"` → `["svg", "circle"]`; `"div"` → `["div", "div"]`. An `xmlns:` name keeps its prefix. */
function splitName(name: string): [string, string] {
  const colon = name.indexOf(":");
  if (colon < 0) return [name, name];
  const prefix = name.slice(0, colon);
  return [prefix, prefix === "xmlns" ? name : name.slice(colon + 1)];
}

/**
 * A link styled as a button: clicking it makes the file (awaiting `value` when it is a function)
 * and downloads it; the object URL is freed once the download has started.
 */
function downloadButton(document: Document, value: Blob | (() => Blob | Promise<Blob>), name: string, label: string): HTMLAnchorElement {
  const link = document.createElement("a");
  const button = link.appendChild(document.createElement("button"));
  button.textContent = label;
  link.download = name;
  link.addEventListener("click", async (event) => {
    if (link.href) return; // the file is ready: this click downloads it
    event.preventDefault();
    button.disabled = true;
    button.textContent = "Saving…";
    try {
      const blob = await (typeof value === "function" ? value() : value);
      link.href = URL.createObjectURL(blob);
      link.click();
      const url = link.href;
      link.removeAttribute("href");
      // The browser has taken the file when click() returns; the delay only spares slow ones.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      button.textContent = label;
    } catch (error) {
      button.textContent = `${label} failed: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  });
  return link;
}
