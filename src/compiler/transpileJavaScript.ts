import type {Cell} from "../notebook/index.ts";
import {applyEdits} from "./applyEdits.ts";
import {checkAssignments} from "./checkAssignments.ts";
import {collectInputs} from "./collectInputs.ts";
import {compiledCell} from "./compiledCell.ts";
import {findDeclarations} from "./findDeclarations.ts";
import {findFiles} from "./findFiles.ts";
import {findReferences} from "./findReferences.ts";
import {functionKind} from "./functionKind.ts";
import {parseJavaScript} from "./parseJavaScript.ts";
import {importBuiltin, rewriteImports} from "./rewriteImports.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";
import {wrapExpression, wrapStatements} from "./wrapBody.ts";

/**
 * Compiles a js cell. An expression cell displays its value: `(x, Plot) => (expr)`. A program
 * cell exposes its top-level declarations: `(x) => {\n...\nreturn {a, b};\n}`, and displays only
 * through `display()`. Throws a `SyntaxError` with `pos` for the user's mistakes.
 */
export function transpileJavaScript(cell: Cell, options: Required<CompileOptions>): CompiledCell {
  const source = cell.source;
  const parsed = parseJavaScript(source);
  const free = findReferences(parsed.node);
  checkAssignments(parsed.node, free);
  const files = findFiles(parsed.node, free);
  const outputs = parsed.kind === "program" ? findDeclarations(parsed.node).map((id) => id.name) : [];
  const imports = rewriteImports(parsed.node, source);
  const kind = functionKind(parsed.node);
  kind.async ||= imports.hasStatic;
  const inputs = collectInputs(free, options.globals);
  if (imports.usesBuiltin && !inputs.includes(importBuiltin)) inputs.push(importBuiltin);
  const body =
    parsed.kind === "expression"
      ? wrapExpression(inputs, kind, applyEdits(source, imports.edits, parsed.node.start, parsed.node.end))
      : wrapStatements(inputs, kind, applyEdits(source, imports.edits), outputs);
  return compiledCell(cell, {body, inputs, outputs, autodisplay: parsed.kind === "expression", files, imports: imports.imports});
}
