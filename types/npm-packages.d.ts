// Packages a notebook may import from npm that ship no type declarations. MAPT only loads them
// for cells (src/stdlib/npm-import.ts), so their modules are typed as opaque.
declare module "d3-geo-projection";
declare module "d3-sankey";
declare module "d3-hexbin";
declare module "versor";
declare module "earcut";
declare module "suncalc";
// Notebook Kit's recommended libraries (src/stdlib/recommended-libraries.ts), handed to cells as they are.
declare module "leaflet/dist/leaflet-src.esm.js";
declare module "lodash-es";
declare module "vega-lite-api";
declare module "react";
declare module "react-dom";
declare module "react-dom/client";
// Packages published notebooks often import (src/stdlib/npm-import.ts), handed to cells as they are.
declare module "chroma-js";
declare module "he";
declare module "icosphere";
declare module "luxon";
declare module "ndarray";
declare module "papaparse";
declare module "seedrandom";
declare module "three";
declare module "regl-gpu-lines";
declare module "nurbs";
declare module "numeric";
declare module "ndarray-fft";
declare module "matter-js";
declare module "toxiclibsjs";
declare module "sprintf-js";
