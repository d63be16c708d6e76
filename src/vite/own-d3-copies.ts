import type {Plugin} from "vite";

/** Marks a module of D3 that a package below imports: a copy apart from the one Plot's pages share. */
export const ownD3Query = "?mapt-own-d3";

/**
 * Packages a cell may load that import D3's modules (`d3-scale`, `d3-interpolate`...) for more of
 * them than Plot does. The build puts each D3 package in one chunk that every page with a chart
 * loads (`d3PackageChunk` in config.ts), and a module keeps every export any importer uses: Vega's
 * scales and interpolators made every reader page ~2 kB larger. These packages get copies of their
 * own, in their own chunks, downloaded only by a page whose cells load them.
 */
const ownsD3Copies = /node_modules[\\/]vega[^\\/]*[\\/]/;

/** Whether `id` is one of those copies (kept out of the shared D3 chunks). */
export function isOwnD3Copy(id: string): boolean {
  return id.endsWith(ownD3Query);
}

/**
 * Build only: resolves a D3 import of a package of {@link ownsD3Copies}, and every D3 import of
 * such a copy, to a copy marked with {@link ownD3Query}. Imports outside D3 (`internmap`) stay shared.
 */
export function ownD3Copies(): Plugin {
  return {
    name: "mapt:own-d3-copies",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (importer === undefined) return;
      const file = importer.split("?")[0]!;
      const inCopy = isOwnD3Copy(importer);
      if (!inCopy && !(ownsD3Copies.test(file) && /^d3-[a-z-]+(\/|$)/.test(source))) return;
      const resolved = await this.resolve(source, file, {...options, skipSelf: true});
      if (!resolved || resolved.external || !/node_modules[\\/]d3-[a-z-]+[\\/]/.test(resolved.id)) return resolved;
      return {...resolved, id: resolved.id.split("?")[0] + ownD3Query};
    }
  };
}
