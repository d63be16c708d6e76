import type {CellMode} from "./types.ts";

const typeByMode: Record<CellMode, string> = {
  js: "module",
  ts: "text/x-typescript",
  ojs: "application/vnd.observable.javascript",
  md: "text/markdown",
  html: "text/html",
  tex: "application/x-tex",
  sql: "application/sql",
  dot: "text/vnd.graphviz",
  node: "application/vnd.node.javascript",
  python: "text/x-python",
  r: "text/x-r"
};

const modeByType = new Map(Object.entries(typeByMode).map(([mode, type]) => [type, mode as CellMode]));

/**
 * The mode of a `<script type>` value (case-insensitive), or `undefined` when the type names no
 * known mode. A missing `type` attribute means `"js"`; callers handle that before asking.
 */
export function modeOfType(type: string): CellMode | undefined {
  return modeByType.get(type.trim().toLowerCase());
}

/** The canonical `<script type>` written for a mode, e.g. `"module"` for js. */
export function typeOfMode(mode: CellMode): string {
  return typeByMode[mode];
}
