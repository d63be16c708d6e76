import type {Identifier} from "acorn";
import type {Cell} from "../notebook/index.ts";
import {renderMarkdown} from "../shared/index.ts";
import {applyEdits, type Edit} from "./applyEdits.ts";
import {checkAssignments} from "./checkAssignments.ts";
import {collectInputs} from "./collectInputs.ts";
import {compiledCell} from "./compiledCell.ts";
import {findFiles} from "./findFiles.ts";
import {findReferences} from "./findReferences.ts";
import {functionKind, type FunctionKind} from "./functionKind.ts";
import {escapeTemplateText, parseTemplate} from "./parseTemplate.ts";
import {importBuiltin, rewriteImports} from "./rewriteImports.ts";
import type {CompiledCell, CompileOptions} from "./types.ts";
import {wrapExpression} from "./wrapBody.ts";

/** How a template-literal mode becomes a tagged template. */
export interface TemplateTag {
  /** The cell's input holding the tag (`md`, `html`, `tex`, or a sql cell's database). */
  input: string;
  /** The tag expression in the body (`md`, `tex.block`, `db.sql`). */
  expression: string;
  /**
   * Call the tag with a strings array whose `raw` is also the exact text, for tags that read
   * `strings.raw` as Observable's `tex` does (so `\frac` works in JavaScript cells too).
   */
  raw?: boolean;
}

/** The parts of a compiled template cell that each mode completes. */
export interface CompiledTemplate {
  cell: CompiledCell;
  /** The text of a cell without interpolations, as the tag receives it; `undefined` otherwise. */
  staticText?: string;
}

/**
 * Compiles a cell whose source is a template literal body: `(md, x) => md\`...${x}...\``. The tag
 * receives the exact text of the cell in its cooked `strings` (never rely on `strings.raw`).
 */
export function transpileTemplate(cell: Cell, tag: TemplateTag, options: Required<CompileOptions>): CompiledTemplate {
  const source = cell.source;
  const {quasis, expressions} = parseTemplate(source);
  const free: Identifier[] = [];
  const edits: Edit[] = [];
  const files: string[] = [];
  const imports: string[] = [];
  const kind: FunctionKind = {async: false, generator: false};
  let usesImport = false;
  for (const expression of expressions) {
    const references = findReferences(expression);
    checkAssignments(expression, references);
    free.push(...references);
    files.push(...findFiles(expression, references));
    const rewrite = rewriteImports(expression, source);
    edits.push(...rewrite.edits);
    imports.push(...rewrite.imports);
    usesImport ||= rewrite.usesBuiltin;
    const {async, generator} = functionKind(expression);
    kind.async ||= async;
    kind.generator ||= generator;
  }
  const inputs = collectInputs(free, options.globals, [tag.input]);
  if (usesImport && !inputs.includes(importBuiltin)) inputs.push(importBuiltin);
  const code = expressions.map((expression) => applyEdits(source, edits, expression.start, expression.end));
  const call = tag.raw ? rawCall(tag.expression, quasis, code) : templateCall(tag.expression, quasis, code);
  const body = wrapExpression(inputs, kind, call);
  return {
    cell: compiledCell(cell, {body, inputs, autodisplay: true, files: [...new Set(files)], imports}),
    staticText: expressions.length === 0 ? quasis[0] : undefined
  };
}

function templateCall(tag: string, quasis: string[], code: string[]): string {
  let template = escapeTemplateText(quasis[0]!);
  code.forEach((expression, i) => (template += "${" + expression + "}" + escapeTemplateText(quasis[i + 1]!)));
  return `${tag}\`${template}\``;
}

/** `tag(strings, ...values)` with `strings` and `strings.raw` both the exact text. */
function rawCall(tag: string, quasis: string[], code: string[]): string {
  const strings = JSON.stringify(quasis);
  return `${tag}(Object.freeze(Object.assign(${strings}, {raw: ${strings}}))${code.map((c) => `, (${c})`).join("")})`;
}

/** md: `md\`...\``, pre-rendered with `renderMarkdown` when it has no interpolation. */
export function transpileMarkdown(cell: Cell, options: Required<CompileOptions>): CompiledCell {
  const {cell: compiled, staticText} = transpileTemplate(cell, {input: "md", expression: "md"}, options);
  if (staticText !== undefined) compiled.staticHtml = renderMarkdown(staticText);
  return compiled;
}

/** html: `html\`...\`` (htl), its source used as is when it has no interpolation. */
export function transpileHtml(cell: Cell, options: Required<CompileOptions>): CompiledCell {
  const {cell: compiled, staticText} = transpileTemplate(cell, {input: "html", expression: "html"}, options);
  if (staticText !== undefined) compiled.staticHtml = staticText;
  return compiled;
}

/** tex: `tex.block\`...\`` (display math); never pre-rendered. */
export function transpileTex(cell: Cell, options: Required<CompileOptions>): CompiledCell {
  return transpileTemplate(cell, {input: "tex", expression: "tex.block", raw: true}, options).cell;
}
