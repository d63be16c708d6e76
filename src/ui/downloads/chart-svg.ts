import {escapeHtml} from "../../shared/index.ts";

/** A chart drawn as one standalone SVG file, at the size the page shows it (CSS pixels). */
export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

const SVG_NS = "http://www.w3.org/2000/svg";

// Style properties that SVG inherits: written on a copied element only where they differ from
// its parent, so the file stays close to the chart's own markup.
const INHERITED = [
  "fill", "fill-opacity", "stroke", "stroke-opacity", "stroke-width", "stroke-dasharray", "stroke-linecap",
  "stroke-linejoin", "paint-order", "font-family", "font-size", "font-weight", "font-style",
  "font-variant-numeric", "text-anchor", "color"
] as const;

/**
 * Draws `target` (a chart's `<svg>`, or the `<figure>` around one with its title, subtitle,
 * legends and caption) into one SVG, as the page lays it out now: every SVG inside is copied in
 * place with its computed colours and fonts written on it (a page's stylesheet does not travel
 * with the file), and every line of text around it becomes a `<text>` where the page shows it.
 * The background is the page's, so a chart copied from a dark page stays readable.
 */
export function chartSvg(target: Element): ChartImage {
  const view = target.ownerDocument.defaultView!;
  const box = target.getBoundingClientRect();
  const width = Math.ceil(box.width);
  const height = Math.ceil(box.height);
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === node.TEXT_NODE) return void parts.push(...textLines(node as Text, box, view));
    if (!(node instanceof view.Element)) return;
    if (node instanceof view.SVGSVGElement) return void parts.push(copySvg(node, box, view));
    if (node instanceof view.HTMLCanvasElement) return void parts.push(canvasImage(node, box));
    if (!isShown(node, view)) return;
    for (const child of node.childNodes) walk(child);
  };
  walk(target);
  const background = pageBackground(target.ownerDocument, view);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="${background}"/>` +
    parts.join("") +
    `</svg>`;
  return {svg, width, height};
}

/** False for what the page does not show: no layout, hidden, styles and scripts, text only for screen readers. */
function isShown(element: Element, view: Window): boolean {
  if (/^(style|script|template|input|select|textarea|button)$/i.test(element.tagName)) return false;
  const style = view.getComputedStyle(element);
  if (style.display === "none" || style.visibility === "hidden") return false;
  const rect = element.getBoundingClientRect();
  return !(style.overflow === "hidden" && (rect.width <= 1 || rect.height <= 1));
}

/**
 * One `<text>` per line the page shows of a text node: the words of each line where the first
 * one sits, in the colour and font of the text's element.
 */
function textLines(text: Text, box: DOMRect, view: Window): string[] {
  const parent = text.parentElement;
  if (parent === null || !text.data.trim()) return [];
  const style = view.getComputedStyle(parent);
  if (style.visibility === "hidden") return [];
  const range = text.ownerDocument.createRange();
  const lines: Array<{x: number; bottom: number; words: string[]}> = [];
  for (const word of text.data.matchAll(/\S+/g)) {
    range.setStart(text, word.index);
    range.setEnd(text, word.index + word[0].length);
    const rect = range.getClientRects()[0];
    if (rect === undefined || rect.width === 0) continue;
    const last = lines.at(-1);
    if (last !== undefined && Math.abs(last.bottom - rect.bottom) < 2) last.words.push(word[0]);
    else lines.push({x: rect.left, bottom: rect.bottom, words: [word[0]]});
  }
  const fontSize = parseFloat(style.fontSize);
  const font =
    `font-family="${escapeHtml(style.fontFamily)}" font-size="${style.fontSize}" font-weight="${style.fontWeight}"` +
    (style.fontStyle === "normal" ? "" : ` font-style="${style.fontStyle}"`) +
    ` fill="${plainColor(style.color)}"`;
  // A word's box runs from the font's ascent to its descent; the baseline sits about a fifth of
  // the font size above the bottom.
  return lines.map(
    (line) =>
      `<text x="${round(line.x - box.left)}" y="${round(line.bottom - box.top - 0.21 * fontSize)}" ${font} xml:space="preserve">${escapeHtml(line.words.join(" "))}</text>`
  );
}

/** A copy of a chart's SVG, placed and sized as shown, with its computed styles written on it. */
function copySvg(svg: SVGSVGElement, box: DOMRect, view: Window): string {
  const rect = svg.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return "";
  const copy = svg.cloneNode(true) as SVGSVGElement;
  if (!copy.hasAttribute("viewBox")) {
    const w = svg.width.baseVal.value || rect.width;
    const h = svg.height.baseVal.value || rect.height;
    copy.setAttribute("viewBox", `0 0 ${w} ${h}`);
  }
  copy.setAttribute("x", String(round(rect.left - box.left)));
  copy.setAttribute("y", String(round(rect.top - box.top)));
  copy.setAttribute("width", String(round(rect.width)));
  copy.setAttribute("height", String(round(rect.height)));
  copy.removeAttribute("style");
  copy.removeAttribute("class");
  inlineStyles(svg, copy, view, null);
  const style = view.getComputedStyle(svg);
  // The chart's own font and colour, which its marks inherit ("currentColor" among them).
  copy.setAttribute("style", `color:${plainColor(style.color)};font-family:${style.fontFamily};font-size:${style.fontSize};overflow:visible`);
  return new XMLSerializer().serializeToString(copy);
}

/** Writes on each copied element the styles the page computed for the original. */
function inlineStyles(original: Element, copy: Element, view: Window, parent: CSSStyleDeclaration | null): void {
  const style = view.getComputedStyle(original);
  if (style.display === "none") return void copy.remove();
  if (parent !== null) {
    const declarations: string[] = [];
    for (const name of INHERITED) {
      const value = style.getPropertyValue(name);
      // url(#gradient) references: the element's own attribute already says them right.
      if (value && value !== parent.getPropertyValue(name) && !value.startsWith("url(")) declarations.push(`${name}:${plainColor(value)}`);
    }
    if (style.opacity !== "1") declarations.push(`opacity:${style.opacity}`);
    if (style.visibility === "hidden") declarations.push("visibility:hidden");
    const own = copy.getAttribute("style");
    if (declarations.length) copy.setAttribute("style", (own ? own + ";" : "") + declarations.join(";"));
  }
  const originals = original.children;
  const copies = [...copy.children];
  for (let i = 0; i < copies.length; ++i) inlineStyles(originals[i]!, copies[i]!, view, style);
}

function canvasImage(canvas: HTMLCanvasElement, box: DOMRect): string {
  const rect = canvas.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return "";
  return `<image x="${round(rect.left - box.left)}" y="${round(rect.top - box.top)}" width="${round(rect.width)}" height="${round(rect.height)}" href="${canvas.toDataURL("image/png")}"/>`;
}

/** The colour behind the chart: the first ancestor with a background, else white. */
function pageBackground(document: Document, view: Window): string {
  for (const element of [document.body, document.documentElement]) {
    const color = view.getComputedStyle(element).backgroundColor;
    if (color && color !== "transparent" && color !== "rgba(0, 0, 0, 0)") return plainColor(color);
  }
  return "white";
}

/**
 * A computed colour in the `rgb()` form every SVG reader knows: browsers compute `color-mix()`
 * (the themes' muted text) as `color(srgb r g b)`, which drawing programs do not read.
 */
function plainColor(value: string): string {
  const srgb = /^color\(srgb ([\d.e+-]+) ([\d.e+-]+) ([\d.e+-]+)(?: \/ ([\d.e+-]+))?\)$/.exec(value);
  if (srgb === null) return value;
  const [r, g, b] = [srgb[1], srgb[2], srgb[3]].map((c) => Math.round(Math.min(1, Math.max(0, Number(c))) * 255));
  return srgb[4] === undefined ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Number(srgb[4])})`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
