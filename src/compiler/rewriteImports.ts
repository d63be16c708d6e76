import type {ImportDeclaration, Node} from "acorn";
import {base, simple, type RecursiveVisitors} from "acorn-walk";
import {isLocalSpecifier, localModulePath} from "../shared/index.ts";
import type {Edit} from "./applyEdits.ts";
import {SourceError} from "./sourceError.ts";

/** The builtin a compiled cell calls to load a module: `__import(specifier, options?)`. */
export const importBuiltin = "__import";

/** What `rewriteImports` found and how to rewrite it. */
export interface ImportRewrite {
  edits: Edit[];
  /** Specifiers of static imports and of dynamic imports of a literal string, in source order. */
  imports: string[];
  /** Whether the cell has a static import (its body must then be async). */
  hasStatic: boolean;
  /** Whether the cell now calls `__import`. */
  usesBuiltin: boolean;
}

/**
 * Rewrites module imports into calls of the `__import` builtin, so the runtime decides how a
 * specifier resolves (bundled npm packages, offline):
 * `import {a as b, c} from "npm:d3"` → `const {a: b, c} = await __import("npm:d3");`,
 * `import * as d3 from "d3"` → `const d3 = await __import("d3");`,
 * `import d from "x"` → `const {default: d} = await __import("x");`,
 * `import("x")` → `__import("x")`. Replacements keep the source's line count. `walker` is
 * acorn-walk's base unless the tree has other node types (Observable's `viewof`). Throws a
 * `SourceError` at the specifier for a local import that leaves the notebook's folder.
 */
export function rewriteImports(root: Node, source: string, walker: RecursiveVisitors<unknown> = base): ImportRewrite {
  const rewrite: ImportRewrite = {edits: [], imports: [], hasStatic: false, usesBuiltin: false};
  simple(root, {
    ImportDeclaration(node) {
      rewrite.hasStatic = rewrite.usesBuiltin = true;
      checkLocal(String(node.source.value), node.source.start);
      rewrite.imports.push(String(node.source.value));
      const lines = source.slice(node.start, node.end).split("\n").length - 1;
      rewrite.edits.push({start: node.start, end: node.end, text: staticImport(node) + "\n".repeat(lines)});
    },
    ImportExpression(node) {
      rewrite.usesBuiltin = true;
      if (node.source.type === "Literal" && typeof node.source.value === "string") {
        checkLocal(node.source.value, node.source.start);
        rewrite.imports.push(node.source.value);
      }
      rewrite.edits.push({start: node.start, end: node.start + "import".length, text: importBuiltin});
    }
  }, walker);
  return rewrite;
}

/** A local import must name a file of the notebook's folder (see `localModulePath`). */
function checkLocal(specifier: string, pos: number): void {
  if (!isLocalSpecifier(specifier)) return;
  const {error} = localModulePath(specifier);
  if (error !== undefined) throw new SourceError(error, pos);
}

function staticImport(node: ImportDeclaration): string {
  const call = `await ${importBuiltin}(${JSON.stringify(node.source.value)}${importOptions(node)})`;
  const namespace = node.specifiers.find((specifier) => specifier.type === "ImportNamespaceSpecifier");
  const named = node.specifiers.flatMap((specifier) => {
    switch (specifier.type) {
      case "ImportDefaultSpecifier":
        return [`default: ${specifier.local.name}`];
      case "ImportSpecifier": {
        const imported = specifier.imported.type === "Identifier" ? specifier.imported.name : JSON.stringify(specifier.imported.value);
        return [imported === specifier.local.name ? imported : `${imported}: ${specifier.local.name}`];
      }
      case "ImportNamespaceSpecifier":
        return [];
    }
  });
  if (namespace) {
    const rest = named.length > 0 ? `, {${named.join(", ")}} = ${namespace.local.name}` : "";
    return `const ${namespace.local.name} = ${call}${rest};`;
  }
  if (named.length > 0) return `const {${named.join(", ")}} = ${call};`;
  return `${call};`;
}

/**
 * The builtin's options: the import attributes (`with`), and the names the declaration imports,
 * which the builtin checks the module exports (a misspelt name fails the cell, as in Notebook
 * Kit, instead of reading `undefined`).
 */
function importOptions(node: ImportDeclaration): string {
  const options: string[] = [];
  const attributes = node.attributes ?? [];
  if (attributes.length > 0) {
    const entries = attributes.map(({key, value}) => {
      const name = key.type === "Identifier" ? key.name : String(key.value);
      return `${JSON.stringify(name)}: ${JSON.stringify(value.value)}`;
    });
    options.push(`with: {${entries.join(", ")}}`);
  }
  const names = node.specifiers.flatMap((specifier) => {
    if (specifier.type === "ImportDefaultSpecifier") return ["default"];
    if (specifier.type === "ImportSpecifier") return [specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value)];
    return [];
  });
  if (names.length > 0) options.push(`names: ${JSON.stringify(names)}`);
  return options.length > 0 ? `, {${options.join(", ")}}` : "";
}
