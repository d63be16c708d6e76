import {existsSync, statSync} from "node:fs";
import path from "node:path";
import {tsPlugin} from "@sveltejs/acorn-typescript";
import {Parser} from "acorn";
import type {CompiledCell} from "../compiler/index.ts";
import {isImportableFile, isLocalSpecifier, localModulePath} from "../shared/index.ts";

/** Extensions of the local modules the build checks before bundling. */
const moduleExtensions = /\.(m?js|m?ts)$/;
const typescriptExtensions = /\.m?ts$/;
const TypeScriptParser = Parser.extend(tsPlugin());

/**
 * The files beside a notebook (in `dir`, its folder, or below) that its cells import, as paths
 * relative to the folder; a name that leaves the folder or has no file is left out (the cell then
 * says so when it runs, see src/stdlib/local-import.ts).
 */
export function localModulesOf(cells: CompiledCell[], dir: string): Array<{path: string; file: string}> {
  const paths = new Set<string>();
  for (const cell of cells) {
    for (const specifier of cell.imports) {
      if (!isLocalSpecifier(specifier)) continue;
      const {path: relative} = localModulePath(specifier);
      if (relative !== undefined) paths.add(relative);
    }
  }
  return [...paths]
    .sort()
    .map((relative) => ({path: relative, file: path.join(dir, ...relative.replace(/\?.*$/, "").split("/"))}))
    .filter(({file}) => existsSync(file) && statSync(file).isFile());
}

/** Whether `file` is a JavaScript or TypeScript module inside one of the notebook folders `dirs`. */
export function isLocalModuleFile(file: string, dirs: Iterable<string>): boolean {
  if (!moduleExtensions.test(file) || file.split(/[\\/]/).includes("node_modules")) return false;
  return folderPath(file, dirs) !== undefined;
}

/** `file`'s path in the first of the notebook folders `dirs` that holds it ("lib/x.js"). */
function folderPath(file: string, dirs: Iterable<string>): string | undefined {
  for (const dir of dirs) {
    const relative = path.relative(dir, file);
    if (relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)) return relative.split(path.sep).join("/");
  }
  return undefined;
}

/**
 * A local module's code, or, when it does not parse, a module that throws its syntax error when
 * loaded, naming the file by its path in the notebook's folder (one of `dirs`): one notebook's
 * broken helper file fails the cells that import it, not the whole build.
 */
export function checkedModuleCode(code: string, file: string, dirs: Iterable<string>): string | undefined {
  const parser = typescriptExtensions.test(file) ? TypeScriptParser : Parser;
  try {
    parser.parse(code, {ecmaVersion: "latest", sourceType: "module", locations: true});
    return undefined;
  } catch (error) {
    const where = folderPath(file, dirs) ?? path.basename(file);
    const message = (error instanceof Error ? error.message : String(error)).replace(/ \(\d+:\d+\)$/, "");
    const loc = (error as {loc?: {line: number; column: number}}).loc;
    const at = loc ? ` (${loc.line}:${loc.column + 1})` : "";
    return `throw new SyntaxError(${JSON.stringify(`${where}${at}: ${message}`)});\n`;
  }
}

/**
 * For a file of a notebook's folder that a module imports but that is not JavaScript (a shader
 * imported without `?raw`): a module that throws saying so, loaded instead of the file, which
 * would otherwise stop the build of every notebook built with it. `undefined` for anything else.
 */
export function nonModuleCode(id: string, dirs: Iterable<string>): string | undefined {
  if (id.startsWith("\0") || id.includes("?") || isImportableFile(id)) return undefined;
  const where = folderPath(id, dirs);
  if (where === undefined || !existsSync(id)) return undefined;
  return `throw new SyntaxError(${JSON.stringify(`${where} is not a JavaScript module: import it with ?raw for its text or ?url for its address (such as "./${where}?raw")`)});\n`;
}
