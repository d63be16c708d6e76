// Leaflet with its stylesheet: the CSS (and the pictures it names) is bundled with this chunk and
// added to the page when a cell first reads `L`, where Notebook Kit links jsDelivr's copy.
// Every import is dynamic: modules that only name this file (the build's own tools, which load
// the stdlib's index in Node) must not load a stylesheet, pictures or a browser-only library.

let leaflet: Promise<unknown> | undefined;

/**
 * Leaflet's module, its default marker drawn with the bundled pictures. (Leaflet finds them by
 * cutting "marker-icon.png" off the stylesheet's picture address, which the bundler renames.)
 */
export function leafletWithIcons(): Promise<unknown> {
  return (leaflet ??= (async () => {
    const [L, retina, icon, shadow] = await Promise.all([
      import("leaflet/dist/leaflet-src.esm.js"),
      import("leaflet/dist/images/marker-icon-2x.png?url"),
      import("leaflet/dist/images/marker-icon.png?url"),
      import("leaflet/dist/images/marker-shadow.png?url"),
      import("leaflet/dist/leaflet.css")
    ]);
    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({iconUrl: icon.default, iconRetinaUrl: retina.default, shadowUrl: shadow.default});
    return L;
  })());
}
