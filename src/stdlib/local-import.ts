import {localModulePath} from "../shared/index.ts";
import type {LocalModules} from "./context.ts";

/**
 * Loads a local module (`./lib/x.js`) of the page's notebook: the copy the build bundled, or in
 * the dev server one it serves. Rejects with what to do when the page has no folder (a draft, an
 * opened file), the file is not there, or the path leaves the notebook's folder.
 */
export function importLocal(specifier: string, modules: LocalModules | undefined): Promise<unknown> {
  const what = `Cannot import "${specifier}"`;
  const {path, error} = localModulePath(specifier);
  if (error !== undefined) return Promise.reject(new Error(error));
  if (modules === undefined) {
    return Promise.reject(new Error(`${what}: this notebook is not a file in a folder (a draft or a file opened in the browser), so it has no modules beside it. Save it as a file in the project's notebooks/ folder, with ${path} beside it, and open it there.`));
  }
  const load = modules.files[path];
  if (load !== undefined) return explained(load(), specifier, what);
  if (modules.served) return explained(import(/* @vite-ignore */ new URL(path, document.baseURI).href), specifier, what);
  return Promise.reject(new Error(`${what}: there is no file ${path} beside ${modules.notebook} in this build (a site bundles the modules its cells imported when it was built: add the file and build again).`));
}

/** A module that fails to load says which import of which notebook file it was. */
async function explained(loading: Promise<unknown>, specifier: string, what: string): Promise<unknown> {
  try {
    return await loading;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A package a local module imports that the project does not install stays a bare import,
    // which the browser cannot resolve (see the Vite plugin).
    const bare = /Failed to resolve module specifier ["']([^"']+)["']/.exec(message);
    if (bare) throw new Error(`${what}: it imports "${bare[1]}", a package this project does not install (run npm install ${bare[1]} in the project, then build again).`, {cause: error});
    throw new Error(`${what}: ${message}`, {cause: error});
  }
}
