import {isLocalSpecifier, parseNpmSpecifier} from "../shared/index.ts";
import type {LocalModules} from "./context.ts";
import {importLocal} from "./local-import.ts";

/** The modules of D3 7, each of which `d3` re-exports whole. */
const D3_MODULES = [
  "array", "axis", "brush", "chord", "color", "contour", "delaunay", "dispatch", "drag", "dsv", "ease", "fetch",
  "force", "format", "geo", "hierarchy", "interpolate", "path", "polygon", "quadtree", "random", "scale",
  "scale-chromatic", "selection", "shape", "time", "time-format", "timer", "transition", "zoom"
].map((name) => `d3-${name}`);

/**
 * The packages a cell may import (`import * as d3 from "npm:d3"`) or `require`, each behind a
 * static dynamic import so the bundler includes it as a lazily loaded chunk. Keys are package
 * names, or `name/subpath` for a bundled subpath. D3's own modules (`d3-array`...) load `d3`,
 * which exports every one of their names.
 */
const BUNDLED: Record<string, () => Promise<unknown>> = {
  "d3": () => import("d3"),
  ...Object.fromEntries(D3_MODULES.map((name) => [name, () => import("d3")])),
  "@observablehq/plot": () => import("@observablehq/plot"),
  "@observablehq/inputs": () => import("@observablehq/inputs"),
  "htl": () => import("htl"),
  "arquero": () => import("arquero"),
  "apache-arrow": () => import("apache-arrow"),
  "@duckdb/duckdb-wasm": () => import("@duckdb/duckdb-wasm"),
  "katex": () => import("katex"),
  "markdown-it": () => import("markdown-it"),
  "topojson-client": () => import("topojson-client"),
  "topojson-simplify": () => import("topojson-simplify"),
  "@viz-js/viz": () => import("@viz-js/viz"),
  "mermaid": () => import("mermaid"),
  "@observablehq/inspector": () => import("@observablehq/inspector"),
  // Small packages that Notebook Kit's own examples and other published notebooks import from npm.
  "d3-geo-projection": () => import("d3-geo-projection"),
  "d3-sankey": () => import("d3-sankey"),
  "d3-hexbin": () => import("d3-hexbin"),
  "versor": () => import("versor"),
  "regl": () => import("regl"),
  "earcut": () => import("earcut"),
  "suncalc": () => import("suncalc"),
  // Notebook Kit's recommended libraries (its builtins `_`, `vl`, `L`, `echarts`, `React`, `ReactDOM`).
  "lodash": () => import("lodash-es"),
  "lodash-es": () => import("lodash-es"),
  "vega": () => import("vega"),
  "vega-lite": () => import("vega-lite"),
  "vega-lite-api": () => import("vega-lite-api"),
  "leaflet": () => import("./leaflet.ts").then((m) => m.leafletWithIcons()),
  "echarts": () => import("echarts"),
  "react": () => import("react"),
  "react-dom": () => import("react-dom"),
  "react-dom/client": () => import("react-dom/client"),
  // Packages published notebooks often import from npm (statistics, 3D, geometry, colour, parsing).
  "simple-statistics": () => import("simple-statistics"),
  "three": () => import("three"),
  "gl-matrix": () => import("gl-matrix"),
  "seedrandom": () => import("seedrandom"),
  "simplex-noise": () => import("simplex-noise"),
  "chroma-js": () => import("chroma-js"),
  "papaparse": () => import("papaparse"),
  "delaunator": () => import("delaunator"),
  "luxon": () => import("luxon"),
  "ndarray": () => import("ndarray"),
  "simplify-js": () => import("simplify-js"),
  "he": () => import("he"),
  "icosphere": () => import("icosphere"),
  "wgsl_reflect": () => import("wgsl_reflect"),
  "regl-gpu-lines": () => import("regl-gpu-lines"),
  "nurbs": () => import("nurbs"),
  "numeric": () => import("./numeric.ts").then((m) => m.loadNumeric()),
  "ndarray-fft": () => import("./ndarray-fft.ts").then((m) => m.loadNdarrayFft()),
  "matter-js": () => import("matter-js"),
  "toxiclibsjs": () => import("toxiclibsjs"),
  "sprintf-js": () => import("sprintf-js")
};

/** The package names {@link importModule} resolves (D3's modules as "d3-*"), for messages. */
const AVAILABLE = [...Object.keys(BUNDLED).filter((name) => !D3_MODULES.includes(name)), "d3-* (D3's own modules)"].join(", ");

/**
 * The `__import` builtin behind a cell's `import`: resolves `npm:NAME`, `npm:NAME@version`,
 * `npm:NAME/path`, bare `NAME` and jsDelivr's address of a package to the copy the app bundles
 * (a version is accepted and the bundled one used), and `./path` to a module beside the notebook's file (`modules`, see
 * `importLocal`). Anything else rejects: nothing is fetched from the network. `names` are the
 * exports the cell's declaration imports; a module that lacks one rejects, naming it.
 */
export async function importModule(specifier: string, modules?: LocalModules, names: readonly string[] = []): Promise<unknown> {
  const module = await (isLocalSpecifier(specifier) ? importLocal(specifier, modules) : loadPackage(specifier, modules));
  const missing = names.filter((name) => !(name in (module as object)));
  if (missing.length > 0) {
    throw new SyntaxError(`${missing.map((name) => (name === "default" ? "a default export" : `export '${name}'`)).join(", ")} not found in "${specifier}"`);
  }
  return module;
}

/**
 * The `require` builtin (Observable's older way to load a package): `require("d3@7")` resolves
 * to the bundled module like an import; with several names, to one object with all their
 * exports. Anything not bundled rejects naming it: nothing is fetched from the network.
 */
export function requirePackage(...specifiers: string[]): Promise<unknown> {
  if (specifiers.length === 0) return Promise.reject(new Error("require() needs the name of a package, such as require(\"d3\")"));
  const load = (specifier: string) => loadBundled(String(specifier), `require("${specifier}")`);
  if (specifiers.length === 1) return load(specifiers[0]!);
  return Promise.all(specifiers.map(load)).then((modules) => Object.assign({}, ...modules));
}

/** Whether the app bundles `name` (a package, or `package/subpath`), for the build: see {@link importModule}. */
export function isBundledPackage(name: string): boolean {
  return name in BUNDLED;
}

/**
 * A cell's package import: the app's copy, else the one the notebook's project installs (the
 * build bundled what the cells named, see `ResolvedModules.packages`), else the bundled-packages error.
 */
function loadPackage(specifier: string, modules: LocalModules | undefined): Promise<unknown> {
  const parsed = parseNpmSpecifier(specifier);
  const key = parsed && (parsed.path === "" ? parsed.name : `${parsed.name}/${parsed.path}`);
  const installed = key === undefined || BUNDLED[key] !== undefined ? undefined : modules?.packages?.[key];
  return installed !== undefined ? installed() : loadBundled(specifier, `Cannot import "${specifier}"`);
}

function loadBundled(specifier: string, what: string): Promise<unknown> {
  if (isLocalSpecifier(specifier)) {
    return Promise.reject(new Error(`${what}: require loads bundled packages only; load a module beside the notebook with import {…} from "${specifier}"`));
  }
  // A jsDelivr address of a package (`https://cdn.jsdelivr.net/npm/d3@7/+esm`) is that package.
  const parsed = parseNpmSpecifier(specifier);
  if (parsed === undefined) {
    return Promise.reject(new Error(`${what}: MAPT Notebooks fetches nothing from the network; only bundled npm packages load. Available packages: ${AVAILABLE}.`));
  }
  const load = BUNDLED[parsed.path === "" ? parsed.name : `${parsed.name}/${parsed.path}`];
  if (load !== undefined) return load();
  if (parsed.path !== "" && BUNDLED[parsed.name] !== undefined) {
    return Promise.reject(new Error(`${what}: the subpath "${parsed.path}" of ${parsed.name} is not bundled; use "${parsed.name}" instead.`));
  }
  return Promise.reject(new Error(`${what}: the package ${parsed.name} is not bundled with MAPT Notebooks, and nothing is fetched from the network: install it in the notebook's project (npm install ${parsed.name}) and build again. Bundled packages: ${AVAILABLE}.`));
}
