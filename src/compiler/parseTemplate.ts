import type {Expression} from "acorn";
import {parseExpressionAt, tokens} from "./cellParser.ts";
import {SourceError} from "./sourceError.ts";

/** A md/html/tex/sql cell's source split like a template literal's. */
export interface ParsedTemplate {
  /** The text between interpolations, exactly as the reader sees it (`quasis.length` is one more than `expressions.length`). */
  quasis: string[];
  /** The `${...}` expressions, positioned in the cell's source. */
  expressions: Expression[];
}

/**
 * Splits a cell's source into text and `${...}` interpolations. Every `${` starts an
 * interpolation, except `\${`, which stands for a literal `${` (the backslash is dropped).
 * Backslashes and backticks elsewhere are plain text. Throws a `SyntaxError` with `pos` for an
 * interpolation that does not parse or is not closed.
 */
export function parseTemplate(source: string): ParsedTemplate {
  const quasis: string[] = [];
  const expressions: Expression[] = [];
  let text = "";
  let from = 0;
  for (let i = 0; i < source.length; ) {
    if (source.startsWith("\\${", i)) {
      text += source.slice(from, i) + "${";
      from = i += 3;
    } else if (source.startsWith("${", i)) {
      quasis.push(text + source.slice(from, i));
      text = "";
      const {node, next, nextStart, nextEnd} = parseExpressionAt(source, i + 2);
      if (next !== tokens.braceR) throw new SourceError(nextStart >= source.length ? "Unterminated ${ interpolation" : "Unexpected token", nextStart);
      expressions.push(node);
      from = i = nextEnd;
    } else {
      i++;
    }
  }
  quasis.push(text + source.slice(from));
  return {quasis, expressions};
}

/** `text` escaped to appear verbatim between backticks in JavaScript source. */
export function escapeTemplateText(text: string): string {
  return text.replace(/[\\`\r]|\$\{/g, (match) => (match === "\r" ? "\\r" : "\\" + match));
}
