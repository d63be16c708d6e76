/**
 * The libraries Notebook Kit offers every cell without an import besides the ones MAPT always
 * had (`_`, `vl`, `L`, `echarts`, `React`, `ReactDOM`, `duckdb`). Each loads the copy the app
 * bundles, as its own chunk, the first time a cell names it; nothing is fetched from a CDN.
 */

/** Lodash, as `_` (the whole library, like `import _ from "npm:lodash"`). */
export const loadLodash = (): Promise<unknown> => import("lodash-es").then((m) => m.default);

/**
 * The Vega-Lite API (`vl.markBar().encode(...).render()`), registered with Vega and Vega-Lite.
 * Vega compiles its expressions with `Function`, which a built page's policy refuses; it is
 * registered to parse them to syntax trees and evaluate those with vega-interpreter instead.
 */
export async function loadVegaLite(): Promise<unknown> {
  const [vega, vegaLite, api, {expressionInterpreter}] = await Promise.all([
    import("vega"),
    import("vega-lite"),
    import("vega-lite-api"),
    import("vega-interpreter")
  ]);
  const parse: typeof vega.parse = (spec, config, options) => vega.parse(spec, config, {...options, ast: true});
  return api.register({...vega, parse}, vegaLite, {view: {expr: expressionInterpreter}});
}

/** Leaflet, as `L`, with its stylesheet (marker pictures included) added to the page by the bundle. */
export const loadLeaflet = (): Promise<unknown> => import("./leaflet.ts").then((m) => m.leafletWithIcons());

/** Apache ECharts, the whole module. */
export const loadECharts = (): Promise<unknown> => import("echarts");

/** React, the whole module. */
export const loadReact = (): Promise<unknown> => import("react");

/** ReactDOM, the whole module (with `createRoot` from react-dom/client, as older notebooks call it). */
export const loadReactDOM = (): Promise<unknown> =>
  Promise.all([import("react-dom"), import("react-dom/client")]).then(([dom, client]) => ({...dom, ...client}));

/** DuckDB-WASM's module (`duckdb.AsyncDuckDB`...), not the page's database (that is `db`). */
export const loadDuckDBModule = (): Promise<unknown> => import("@duckdb/duckdb-wasm");
