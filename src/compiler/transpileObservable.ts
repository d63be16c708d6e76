import {parseCell} from "@observablehq/parser";
import type {Node} from "acorn";
import {base, make, simple} from "acorn-walk";
import type {Cell} from "../notebook/index.ts";
import {assertNever} from "../shared/index.ts";
import {applyEdits, type Edit} from "./applyEdits.ts";
import {compiledCell} from "./compiledCell.ts";
import {guardBuiltin, guardLoops} from "./findLoops.ts";
import {importBuiltin, rewriteImports} from "./rewriteImports.ts";
import {SourceError} from "./sourceError.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";

/** The nodes of @observablehq/parser's cell tree that the compiler reads. */
interface ObservableName {
  type: "Identifier" | "ViewExpression" | "MutableExpression";
  start: number;
  end: number;
  name?: string;
  id?: {name: string};
}

interface ObservableCell {
  id: ObservableName | null;
  body: (Node & {type: string}) | null;
  async: boolean;
  generator: boolean;
  references: ObservableName[];
  fileAttachments: Map<string, unknown>;
}

// acorn-walk's walker taught the two Observable expressions (`viewof x`, `mutable x`).
const observableWalker = make<unknown>(
  {ViewExpression: () => {}, MutableExpression: () => {}} as never,
  base
);

/** The runtime name of a reference: `x`, `viewof x` or `mutable x`. */
function runtimeName(node: ObservableName): string {
  switch (node.type) {
    case "Identifier":
      return node.name!;
    case "ViewExpression":
      return `viewof ${node.id!.name}`;
    case "MutableExpression":
      return `mutable ${node.id!.name}`;
    default:
      return assertNever(node.type, "Observable reference");
  }
}

/** The parameter standing for a runtime name: `x`, `viewof$x`, `mutable$x`. */
function parameterName(name: string): string {
  return name.replace(/^(viewof|mutable) /, "$1$");
}

/**
 * Compiles a legacy Observable JavaScript cell with @observablehq/parser. `x = expr` defines
 * `output` "x"; `viewof x = ...` defines "viewof x" (`autoview`); `mutable x = ...` defines
 * "mutable x" (`automutable`). In the body, `viewof y` reads the parameter `viewof$y` (input
 * "viewof y") and `mutable y` reads and assigns `mutable$y.value` (input "mutable y"); dynamic
 * `import("x")` calls the `__import` builtin as in js cells. Bodies are
 * `function`s (not arrows), so `this` is the cell's previous value as in Observable.
 */
export function transpileObservable(cell: Cell, options: Required<CompileOptions>): CompiledCell {
  const source = cell.source;
  const parsed = parseCell(source, {globals: options.globals}) as ObservableCell;
  const body = parsed.body;
  if (body?.type === "ImportDeclaration") {
    throw new SourceError("Notebook imports (import ... from \"@user/notebook\") are not supported offline", body.start);
  }
  const inputs = [...new Set(parsed.references.map(runtimeName))];
  const edits: Edit[] = [];
  let imports: string[] = [];
  if (body) {
    const rewrite = rewriteImports(body, source, observableWalker);
    edits.push(...rewrite.edits);
    imports = rewrite.imports;
    if (rewrite.usesBuiltin && !inputs.includes(importBuiltin)) inputs.push(importBuiltin);
    const guards = guardLoops(body, source, observableWalker);
    edits.push(...guards);
    if (guards.length && !inputs.includes(guardBuiltin)) inputs.push(guardBuiltin);
  }
  const params = inputs.map(parameterName).join(", ");
  const prefix = `${parsed.async ? "async " : ""}function${parsed.generator ? "*" : ""} (${params})`;
  let text = `${prefix} {}`;
  if (body) {
    simple(
      body,
      {
        ViewExpression: (node: ObservableName) => edits.push({start: node.start, end: node.end, text: `viewof$${node.id!.name}`}),
        MutableExpression: (node: ObservableName) => edits.push({start: node.start, end: node.end, text: `mutable$${node.id!.name}.value`})
      } as never,
      observableWalker
    );
    const code = applyEdits(source, edits, body.start, body.end);
    text = body.type === "BlockStatement" ? `${prefix} ${code}` : `${prefix} {\nreturn (${code});\n}`;
  }
  const compiled = compiledCell(cell, {body: text, inputs, autodisplay: body !== null, files: [...parsed.fileAttachments.keys()], imports});
  if (parsed.id) {
    compiled.output = runtimeName(parsed.id);
    compiled.autoview = parsed.id.type === "ViewExpression";
    compiled.automutable = parsed.id.type === "MutableExpression";
  }
  return compiled;
}
