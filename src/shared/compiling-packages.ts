import {parseNpmSpecifier} from "./local-modules.ts";

/**
 * Bundled packages that make their own code from strings at run time and have no other way to
 * work: regl compiles every draw command with `Function` (regl-gpu-lines draws through it), nurbs
 * its evaluators, numeric its element-wise operations as it loads, ndarray-fft its loops (through
 * ndarray-ops). A reader page whose cells import one has a policy that allows it (as the
 * editing pages do); every other reader page stays strict.
 */
const COMPILING_PACKAGES: ReadonlySet<string> = new Set(["regl", "regl-gpu-lines", "nurbs", "numeric", "ndarray-fft"]);

/**
 * Whether a cell's imports (specifiers as written: `npm:regl@2`, `regl`, a jsDelivr address)
 * name a package of {@link COMPILING_PACKAGES}.
 */
export function importsCompilingPackage(specifiers: readonly string[]): boolean {
  return specifiers.some((specifier) => {
    const name = parseNpmSpecifier(specifier)?.name;
    return name !== undefined && COMPILING_PACKAGES.has(name);
  });
}
