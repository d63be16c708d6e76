import type {FunctionKind} from "./functionKind.ts";

/**
 * The source of a cell function returning `expression`: an arrow `(a, b) => (expr)` unless it
 * must be a generator, then `function* (a, b) { return (expr); }`; `async` as needed.
 */
export function wrapExpression(params: readonly string[], kind: FunctionKind, expression: string): string {
  const prefix = kind.async ? "async " : "";
  if (kind.generator) return `${prefix}function* (${params.join(", ")}) {\nreturn (${expression});\n}`;
  return `${prefix}(${params.join(", ")}) => (${expression})`;
}

/**
 * The source of a cell function whose body is `statements` (placed on lines of their own so a
 * trailing line comment cannot swallow what follows), then `return {a, b};` when it has outputs.
 */
export function wrapStatements(params: readonly string[], kind: FunctionKind, statements: string, outputs: readonly string[]): string {
  const prefix = kind.async ? "async " : "";
  const head = kind.generator ? `${prefix}function* (${params.join(", ")})` : `${prefix}(${params.join(", ")}) =>`;
  const result = outputs.length > 0 ? `return {${outputs.join(", ")}};\n` : "";
  return `${head} {\n${statements}\n${result}}`;
}
