import {applyEdits} from "./applyEdits.ts";
import type {CellJavaScript} from "./cellJavaScript.ts";
import {collectInputs} from "./collectInputs.ts";
import {parseJavaScript} from "./parseJavaScript.ts";
import {compilePasses, type CellAnalysis} from "./passes.ts";
import {guardBuiltin} from "./findLoops.ts";
import {importBuiltin} from "./rewriteImports.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";
import {wrapExpression, wrapStatements} from "./wrapBody.ts";

/** The parts of a compiled cell that its JavaScript decides. */
export type TranspiledJavaScript = Pick<CompiledCell, "body" | "inputs" | "outputs" | "autodisplay" | "files" | "imports" | "views">;

/**
 * Compiles a cell's JavaScript (see `javascriptOfMode`) through the compiler's passes. An
 * expression displays its value: `(x, Plot) => (expr)`. A program exposes its top-level
 * declarations: `(x) => {\n...\nreturn {a, b};\n}`, and displays only through `display()`.
 * Throws a `SyntaxError` with `pos` (an offset into `js.source`) for the user's mistakes.
 */
export function transpileJavaScript(js: CellJavaScript, options: Required<CompileOptions>): TranspiledJavaScript {
  const source = js.source;
  const parsed = parseJavaScript(source);
  const analysis: CellAnalysis = {
    source, parsed, free: [], outputs: [], files: [], imports: [], edits: [], async: false, generator: false, usesImport: false, views: [], usesGuard: false
  };
  for (const pass of compilePasses) pass(analysis);
  const inputs = collectInputs(analysis.free, options.globals);
  if (analysis.usesImport && !inputs.includes(importBuiltin)) inputs.push(importBuiltin);
  if (analysis.usesGuard && !inputs.includes(guardBuiltin)) inputs.push(guardBuiltin);
  const kind = {async: analysis.async, generator: analysis.generator};
  const body =
    parsed.kind === "expression"
      ? wrapExpression(inputs, kind, applyEdits(source, analysis.edits, parsed.node.start, parsed.node.end))
      : wrapStatements(inputs, kind, applyEdits(source, analysis.edits), analysis.outputs);
  return {
    body,
    inputs,
    outputs: analysis.outputs,
    autodisplay: js.autodisplay ?? parsed.kind === "expression",
    files: analysis.files,
    imports: analysis.imports,
    views: analysis.views
  };
}
