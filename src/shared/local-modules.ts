/** Whether an import specifier names a file (`./x.js`, `../x.js`, `/x.js`) rather than a package. */
export function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("/");
}

/** A local import's file, relative to the notebook's folder, or why a cell may not import it. */
export type LocalModulePath = {path: string; error?: undefined} | {path?: undefined; error: string};

/**
 * Where a local import specifier points inside the notebook's folder: `./lib/../x.js` → `x.js`.
 * A notebook's modules are the files of its folder and below, so that a notebook copied with its
 * folder keeps working and a cell cannot reach the project's other files: `../` that climbs out
 * of the folder, and `/` (the site's root, in Notebook Kit), are refused with the rule to follow.
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
  return {path: parts.join("/")};
}
