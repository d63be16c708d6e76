// Packages a notebook may import from npm that ship no type declarations. MAPT only loads them
// for cells (src/stdlib/npm-import.ts), so their modules are typed as opaque.
declare module "d3-geo-projection";
declare module "d3-sankey";
declare module "d3-hexbin";
declare module "versor";
declare module "earcut";
declare module "suncalc";
