/** Whether an import specifier names a file (`./x.js`, `../x.js`, `/x.js`) rather than a package. */
export function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/");
}

/**
 * The extensions of the files a cell or module may import without `?raw` or `?url`: modules,
 * and the files Vite turns into an address by themselves (pictures, media, fonts, as in
 * Notebook Kit). Anything else (a shader, a CSV) is not JavaScript and needs a suffix.
 */
const IMPORTABLE_EXTENSIONS = new Set([
  "js", "mjs", "cjs", "jsx", "ts", "mts", "tsx", "json", "css", "wasm",
  "apng", "bmp", "png", "jpg", "jpeg", "jfif", "pjpeg", "pjp", "gif", "svg", "ico", "webp", "avif", "cur", "jxl",
  "mp4", "webm", "ogg", "mp3", "wav", "flac", "aac", "opus", "mov", "m4a", "vtt",
  "woff", "woff2", "eot", "ttf", "otf", "webmanifest", "pdf", "txt"
]);

/** Whether a file of this name may be imported without `?raw` or `?url` (see IMPORTABLE_EXTENSIONS); a name without an extension may. */
export function isImportableFile(name: string): boolean {
  const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  return extension === undefined || IMPORTABLE_EXTENSIONS.has(extension);
}

/** A local import's file, relative to the notebook's folder, or why a cell may not import it. */
export type LocalModulePath = {path: string; error?: undefined} | {path?: undefined; error: string};

/**
 * Where a local import specifier points inside the notebook's folder: `./lib/../x.js` → `x.js`.
 * A notebook's modules are the files of its folder and below, so that a notebook copied with its
 * folder keeps working and a cell cannot reach the project's other files: `../` that climbs out
 * of the folder, and `/` (the site's root, in Notebook Kit), are refused with the rule to follow.
 * Vite's `?raw` (the file's text) and `?url` (its address) suffixes are kept, as Notebook Kit
 * builds with Vite: `./shaders/a.wgsl?raw` → `shaders/a.wgsl?raw`. Other suffixes are dropped.
 */
export function localModulePath(specifier: string): LocalModulePath {
  if (specifier.startsWith("/")) {
    return {error: `Import "${specifier}" starts at the site's root: a cell imports files of its notebook's folder, written relative to the notebook (such as "./lib/thing.js")`};
  }
  const parts: string[] = [];
  for (const part of specifier.split(/[?#]/, 1)[0]!.split("/")) {
    if (part === "." || part === "") continue;
    if (part !== "..") parts.push(part);
    else if (parts.pop() === undefined) {
      return {error: `Import "${specifier}" leaves the notebook's folder: a cell may import only files in its notebook's folder or below it (such as "./lib/thing.js")`};
    }
  }
  if (parts.length === 0) return {error: `Import "${specifier}" names a folder, not a file: name the module's file (such as "./lib/thing.js")`};
  const suffix = /\?(raw|url)$/.exec(specifier.split("#", 1)[0]!)?.[0] ?? "";
  if (suffix === "" && !isImportableFile(parts.at(-1)!)) {
    return {error: `Import "${specifier}" names a file that is not a JavaScript module: add ?raw to import its text or ?url for its address (such as "${specifier}?raw")`};
  }
  return {path: parts.join("/") + suffix};
}

/**
 * The npm package (with its subpath, if any) that a jsDelivr address names, as Notebook Kit
 * writes `npm:` imports (`https://cdn.jsdelivr.net/npm/htl@0.3/+esm` → `htl`,
 * `https://cdn.jsdelivr.net/npm/d3-geo@3/+esm` → `d3-geo`): such an import can load the copy
 * installed here instead, with nothing fetched. The version is not kept (the installed one
 * serves). Any other address → undefined.
 */
export function npmPackageOfUrl(url: string): string | undefined {
  const match = /^https:\/\/cdn\.jsdelivr\.net\/npm\/((?:@[^/@]+\/)?[^/@]+)(?:@[^/]*)?(\/[^?#]*)?$/.exec(url);
  if (match === null) return undefined;
  const subpath = (match[2] ?? "").replace(/\/\+esm$/, "").replace(/^\/$/, "");
  // A file of the package's own layout (`/dist/x.min.js`) is not a module name we can map.
  if (/\.[a-z]+$/i.test(subpath)) return undefined;
  return match[1] + subpath;
}

/**
 * The package and subpath an import names, as written in a cell or module (`npm:@scope/name@1.2/sub`,
 * bare `name/sub`, or a jsDelivr address of a package): `{name: "@scope/name", path: "sub"}`.
 * The version is dropped. Local paths, other URLs and `jsr:` → undefined.
 */
export function parseNpmSpecifier(specifier: string): {name: string; path: string} | undefined {
  const fromUrl = npmPackageOfUrl(specifier);
  const bare = fromUrl ?? (specifier.startsWith("npm:") ? specifier.slice(4) : specifier);
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith("/") || bare.startsWith(".")) return undefined;
  const match = /^((?:@[^/@]+\/)?[^/@]+)(?:@[^/]*)?(?:\/(.*))?$/.exec(bare);
  return match === null ? undefined : {name: match[1]!, path: match[2] ?? ""};
}
