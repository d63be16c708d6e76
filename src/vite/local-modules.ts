import {existsSync, statSync} from "node:fs";
import path from "node:path";
import {tsPlugin} from "@sveltejs/acorn-typescript";
import {Parser, type Node} from "acorn";
import {base, simple, type RecursiveVisitors} from "acorn-walk";
import type {CompiledCell} from "../compiler/index.ts";
import {isImportableFile, isLocalSpecifier, localModulePath, npmPackageOfUrl, parseNpmSpecifier} from "../shared/index.ts";
import {isBundledPackage} from "../stdlib/index.ts";

/** Extensions of the local modules the build checks before bundling. */
const moduleExtensions = /\.(m?js|m?ts)$/;
const typescriptExtensions = /\.m?ts$/;
const TypeScriptParser = Parser.extend(tsPlugin());
/** acorn-walk's walker, passing over the nodes it does not know (TypeScript's own: interfaces, type annotations). */
const skippingUnknownNodes = new Proxy(base, {get: (target, type: string) => (target as Record<string, unknown>)[type] ?? (() => {})}) as RecursiveVisitors<unknown>;

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
    .map((relative) => ({path: relative, file: moduleFile(path.join(dir, ...relative.replace(/\?.*$/, "").split("/")))}))
    .filter((entry): entry is {path: string; file: string} => entry.file !== undefined);
}

/** The TypeScript extension a module written in TypeScript has where its import names the JavaScript it compiles to. */
const typescriptTwins: Record<string, string> = {".js": ".ts", ".jsx": ".tsx", ".mjs": ".mts", ".cjs": ".cts"};

/**
 * The file an import of `file` loads: `file` itself, or, when it does not exist and names a
 * JavaScript file, the TypeScript file of the same name (`./x.js` → `x.ts`), as Vite and the
 * TypeScript compiler resolve it in TypeScript projects. `undefined` when neither is a file.
 */
export function moduleFile(file: string): string | undefined {
  if (isFile(file)) return file;
  const extension = path.extname(file);
  const twin = typescriptTwins[extension] === undefined ? undefined : file.slice(0, -extension.length) + typescriptTwins[extension];
  return twin !== undefined && isFile(twin) ? twin : undefined;
}

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

/**
 * The packages a notebook's cells import (`npm:name`, bare `name`, a jsDelivr address) that the
 * app does not bundle but the notebook's project installs: each found in a `node_modules` folder
 * from the notebook's folder `dir` up to its project's root `projectRoot`, as Node and Vite look
 * for them (Notebook Kit resolves a bare import this way; it fetches an `npm:` one from jsDelivr,
 * which the installed copy stands in for). `name` is the package, or `package/subpath`; `file`
 * the folder (or subpath) Vite bundles.
 */
export function projectPackagesOf(cells: CompiledCell[], dir: string, projectRoot: string): Array<{name: string; file: string}> {
  const found = new Map<string, string>();
  for (const cell of cells) {
    for (const specifier of cell.imports) {
      const parsed = isLocalSpecifier(specifier) ? undefined : parseNpmSpecifier(specifier);
      if (parsed === undefined) continue;
      const key = parsed.path === "" ? parsed.name : `${parsed.name}/${parsed.path}`;
      if (found.has(key) || isBundledPackage(key) || isBundledPackage(parsed.name)) continue;
      const folder = installedPackageFolder(parsed.name, dir, projectRoot);
      if (folder !== undefined) found.set(key, parsed.path === "" ? folder : path.join(folder, ...parsed.path.split("/")));
    }
  }
  return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([name, file]) => ({name, file}));
}

function installedPackageFolder(name: string, dir: string, projectRoot: string): string | undefined {
  const root = path.resolve(projectRoot);
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const folder = path.join(at, "node_modules", ...name.split("/"));
    if (existsSync(path.join(folder, "package.json"))) return folder;
    if (at === root || path.dirname(at) === at || path.relative(root, at).startsWith("..")) return undefined;
  }
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
  // Pages (a notebook's .html) are Vite's entries, not imports.
  if (id.startsWith("\0") || id.includes("?") || isImportableFile(id) || /\.html?$/i.test(id)) return undefined;
  const where = folderPath(id, dirs);
  if (where === undefined || !existsSync(id)) return undefined;
  return `throw new SyntaxError(${JSON.stringify(`${where} is not a JavaScript module: import it with ?raw for its text or ?url for its address (such as "./${where}?raw")`)});\n`;
}

/**
 * The jsDelivr addresses of packages a local module imports (`import {html} from
 * "https://cdn.jsdelivr.net/npm/htl/+esm"`, as helpers copied from observablehq.com do), each
 * with the package it names and where its string literal stands in `code`. Empty when the
 * module does not parse (`checkedModuleCode` reports that).
 */
export function packageAddressesOf(code: string, file: string): Array<{start: number; end: number; name: string}> {
  const parser = typescriptExtensions.test(file) ? TypeScriptParser : Parser;
  let program: Node;
  try {
    program = parser.parse(code, {ecmaVersion: "latest", sourceType: "module"});
  } catch {
    return [];
  }
  const found: Array<{start: number; end: number; name: string}> = [];
  const visit = (source: Node | null | undefined) => {
    if (source?.type !== "Literal") return;
    const value = (source as Node & {value: unknown}).value;
    const name = typeof value === "string" ? npmPackageOfUrl(value) : undefined;
    if (name !== undefined) found.push({start: source.start, end: source.end, name});
  };
  simple(program, {
    ImportDeclaration: (node) => visit(node.source),
    ExportNamedDeclaration: (node) => visit(node.source),
    ExportAllDeclaration: (node) => visit(node.source),
    ImportExpression: (node) => visit(node.source)
  }, skippingUnknownNodes);
  return found.sort((a, b) => b.start - a.start);
}
