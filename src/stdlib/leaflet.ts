// Leaflet with its stylesheet: the CSS (and the pictures it names) is bundled with this chunk and
// added to the page when a cell first reads `L`, where Notebook Kit links jsDelivr's copy.
import "leaflet/dist/leaflet.css";
import * as L from "leaflet/dist/leaflet-src.esm.js";
import iconRetinaUrl from "leaflet/dist/images/marker-icon-2x.png?url";
import iconUrl from "leaflet/dist/images/marker-icon.png?url";
import shadowUrl from "leaflet/dist/images/marker-shadow.png?url";

let iconsSet = false;

/**
 * Leaflet's module, its default marker drawn with the bundled pictures. (Leaflet finds them by
 * cutting "marker-icon.png" off the stylesheet's picture address, which the bundler renames.)
 */
export function leafletWithIcons(): unknown {
  if (!iconsSet) {
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({iconUrl, iconRetinaUrl, shadowUrl});
    iconsSet = true;
  }
  return L;
}
