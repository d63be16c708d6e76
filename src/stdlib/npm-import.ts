/**
 * The packages a cell may import (`import * as d3 from "npm:d3"`), each behind a static dynamic
 * import so the bundler includes it as a lazily loaded chunk. Keys are package names, or
 * `name/subpath` for a bundled subpath.
 */
const BUNDLED: Record<string, () => Promise<unknown>> = {
  "d3": () => import("d3"),
  "@observablehq/plot": () => import("@observablehq/plot"),
  "@observablehq/inputs": () => import("@observablehq/inputs"),
  "htl": () => import("htl"),
  "arquero": () => import("arquero"),
  "apache-arrow": () => import("apache-arrow"),
  "@duckdb/duckdb-wasm": () => import("@duckdb/duckdb-wasm"),
  "katex": () => import("katex"),
  "markdown-it": () => import("markdown-it")
};

/** The package names {@link importModule} resolves, for messages and the editor's completions. */
const BUNDLED_PACKAGES: readonly string[] = Object.keys(BUNDLED);

/**
 * The `__import` builtin behind a cell's `import`: resolves `npm:NAME`, `npm:NAME@version`,
 * `npm:NAME/path` and bare `NAME` to the copy the app bundles (a version is accepted and the
 * bundled one used). Anything else rejects: nothing is fetched from the network.
 */
export async function importModule(specifier: string): Promise<unknown> {
  const parsed = parseSpecifier(specifier);
  const available = `Available packages: ${BUNDLED_PACKAGES.join(", ")}.`;
  if (parsed === undefined) {
    throw new Error(`Cannot import "${specifier}": MAPT Notebooks fetches nothing from the network; only bundled npm packages can be imported. ${available}`);
  }
  const load = BUNDLED[parsed.path === "" ? parsed.name : `${parsed.name}/${parsed.path}`];
  if (load !== undefined) return load();
  if (parsed.path !== "" && BUNDLED[parsed.name] !== undefined) {
    throw new Error(`Cannot import "${specifier}": the subpath "${parsed.path}" of ${parsed.name} is not bundled; import "npm:${parsed.name}" instead.`);
  }
  throw new Error(`Cannot import "${specifier}": the package ${parsed.name} is not bundled with MAPT Notebooks, and nothing is fetched from the network. ${available}`);
}

/** `npm:@scope/name@1.2/sub/path` → `{name: "@scope/name", path: "sub/path"}`; URLs and `jsr:` → undefined. */
function parseSpecifier(specifier: string): {name: string; path: string} | undefined {
  const bare = specifier.startsWith("npm:") ? specifier.slice(4) : specifier;
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith("/") || bare.startsWith(".")) return undefined;
  const match = /^((?:@[^/@]+\/)?[^/@]+)(?:@[^/]*)?(?:\/(.*))?$/.exec(bare);
  return match === null ? undefined : {name: match[1], path: match[2] ?? ""};
}
