import * as d3Geo from "d3-geo";
import {providePlotGeo} from "./plot-geo.ts";

/**
 * d3-geo for Plot's projections, provided as this module loads (see plot-geo.ts). The build
 * points the `d3` import of Plot's geo marks here (any page with all of Plot, or a geo mark,
 * loads them), and a trimmed Plot whose page's cells may need a projection imports it.
 */
providePlotGeo(d3Geo);

export * from "d3-geo";
