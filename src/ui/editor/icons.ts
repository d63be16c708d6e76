/**
 * The editor's icons as inline SVG (24-unit paths, drawn with the text colour), so they render
 * in every browser without an icon font or a glyph the system may lack.
 */
const paths = {
  run: "M7 4.5v15l12-7.5z",
  stop: "M6 6h12v12H6z",
  above: "M12 4v10M7 9l5-5 5 5M5 20h14",
  below: "M12 20V10M7 15l5 5 5-5M5 4h14",
  up: "M12 19V5M6 11l6-6 6 6",
  down: "M12 5v14M6 13l6 6 6-6",
  duplicate: "M9 9h10v10H9zM5 15V5h10",
  code: "M9 7l-5 5 5 5M15 7l5 5-5 5",
  hide: "M3 12s3.5-6 9-6 9 6 9 6-3.5 6-9 6-9-6-9-6zM4 4l16 16",
  delete: "M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13",
  drag: "M9 5h.01M15 5h.01M9 12h.01M15 12h.01M9 19h.01M15 19h.01"
} as const;

/** The name of an icon. */
export type IconName = keyof typeof paths;

/** An inline SVG icon, hidden from assistive technology (its button carries the label). */
export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.classList.add("mapt-icon");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", paths[name]);
  path.setAttribute("fill", name === "run" || name === "stop" ? "currentColor" : "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", name === "drag" ? "3.5" : "2");
  path.setAttribute("stroke-linecap", "round");
  path.setAttribute("stroke-linejoin", "round");
  svg.append(path);
  return svg;
}
