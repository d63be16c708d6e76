import {creator, select} from "d3-selection";
import type * as D3Geo from "d3-geo";

/**
 * What Plot's `plot.js` and `projection.js` import from D3, for the build (see
 * src/vite/import-redirects.ts): D3's selection members as they are, and its geographic members
 * (11 kB gzip, on every page drawing a chart otherwise) as functions that call the d3-geo that
 * src/stdlib/plot-geo-ready.ts provides, which a page's Plot loads with its geo marks or when its
 * cells may need it. A Plot chart without a projection, a geo mark or a GeoJSON clip never calls them.
 */
export {creator, select};

let geo: typeof D3Geo | undefined;

/** Gives Plot d3-geo (plot-geo-ready.ts does, as it loads). */
export function providePlotGeo(module: typeof D3Geo): void {
  geo = module;
}

/** d3-geo, or a message naming what the page did not load. */
function loaded(name: string): typeof D3Geo {
  if (geo === undefined) {
    throw new Error(
      `Plot needs d3.${name} (a map projection, geo mark or GeoJSON clip), which this page did not load: none of its cells mentions a projection. Write the projection option out in a cell (\`projection: ...\`).`
    );
  }
  return geo;
}

// Each forwards its arguments to the d3-geo function of the same name.
export const geoAlbers: typeof D3Geo.geoAlbers = () => loaded("geoAlbers").geoAlbers();
export const geoAlbersUsa: typeof D3Geo.geoAlbersUsa = () => loaded("geoAlbersUsa").geoAlbersUsa();
export const geoAzimuthalEqualArea: typeof D3Geo.geoAzimuthalEqualArea = () => loaded("geoAzimuthalEqualArea").geoAzimuthalEqualArea();
export const geoAzimuthalEquidistant: typeof D3Geo.geoAzimuthalEquidistant = () => loaded("geoAzimuthalEquidistant").geoAzimuthalEquidistant();
export const geoConicConformal: typeof D3Geo.geoConicConformal = () => loaded("geoConicConformal").geoConicConformal();
export const geoConicEqualArea: typeof D3Geo.geoConicEqualArea = () => loaded("geoConicEqualArea").geoConicEqualArea();
export const geoConicEquidistant: typeof D3Geo.geoConicEquidistant = () => loaded("geoConicEquidistant").geoConicEquidistant();
export const geoEqualEarth: typeof D3Geo.geoEqualEarth = () => loaded("geoEqualEarth").geoEqualEarth();
export const geoEquirectangular: typeof D3Geo.geoEquirectangular = () => loaded("geoEquirectangular").geoEquirectangular();
export const geoGnomonic: typeof D3Geo.geoGnomonic = () => loaded("geoGnomonic").geoGnomonic();
export const geoMercator: typeof D3Geo.geoMercator = () => loaded("geoMercator").geoMercator();
export const geoOrthographic: typeof D3Geo.geoOrthographic = () => loaded("geoOrthographic").geoOrthographic();
export const geoStereographic: typeof D3Geo.geoStereographic = () => loaded("geoStereographic").geoStereographic();
export const geoTransverseMercator: typeof D3Geo.geoTransverseMercator = () => loaded("geoTransverseMercator").geoTransverseMercator();
export const geoClipRectangle: typeof D3Geo.geoClipRectangle = (x0, y0, x1, y1) => loaded("geoClipRectangle").geoClipRectangle(x0, y0, x1, y1);
export const geoPath = ((...args: Parameters<typeof D3Geo.geoPath>) => loaded("geoPath").geoPath(...args)) as typeof D3Geo.geoPath;
export const geoStream: typeof D3Geo.geoStream = (object, stream) => loaded("geoStream").geoStream(object, stream);
// Plot makes one transform as its module loads: d3-geo is needed only when it streams geometry.
export const geoTransform = ((methods: Parameters<typeof D3Geo.geoTransform>[0]) => ({
  stream: (stream: D3Geo.GeoStream) => loaded("geoTransform").geoTransform(methods).stream(stream)
})) as typeof D3Geo.geoTransform;
