import type {Expression, Program} from "acorn";
import {parseExpressionAt, parseProgram, tokens} from "./cellParser.ts";

/** A js cell's syntax tree: a single expression (displayed) or a program (declarations). */
export type ParsedJavaScript = {kind: "expression"; node: Expression} | {kind: "program"; node: Program};

/**
 * Parses a js cell. A source that is exactly one expression (no trailing semicolon) is an
 * expression cell; `{a: 1}` is an object literal, as in Notebook Kit. Named function and class
 * expressions are declarations instead, so that they define their name. Throws acorn's
 * `SyntaxError` (with `pos`) for a program that does not parse.
 */
export function parseJavaScript(source: string): ParsedJavaScript {
  const expression = maybeParseExpression(source);
  if (expression) return {kind: "expression", node: expression};
  return {kind: "program", node: parseProgram(source)};
}

function maybeParseExpression(source: string): Expression | undefined {
  try {
    const {node, next} = parseExpressionAt(source, 0);
    if (next !== tokens.eof) return undefined;
    if ((node.type === "FunctionExpression" || node.type === "ClassExpression") && node.id) return undefined;
    return node;
  } catch {
    return undefined;
  }
}
