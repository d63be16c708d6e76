import {Parser, tokTypes, type Expression, type Options} from "acorn";

// acorn's scope flags (acorn/src/scopeflags.js); not exported by the package.
const SCOPE_ASYNC = 4;
const SCOPE_GENERATOR = 8;

/** Options for every JavaScript parse of a cell: latest syntax, module code, locations off. */
const parseOptions: Options = {ecmaVersion: "latest", sourceType: "module"};

/** The parts of acorn's parser instance that the compiler drives directly. */
interface ParserInstance {
  type: unknown;
  start: number;
  end: number;
  nextToken(): void;
  parseExpression(): Expression;
  unexpected(pos?: number): never;
  scopeStack: Array<{flags: number}>;
}

/**
 * An acorn parser whose top level behaves like the body of an async generator function, so that
 * a cell may use `await` and `yield` at top level (the runtime calls the cell as a function).
 */
export const CellParser = class extends Parser {
  constructor(options: Options, input: string, startPos?: number) {
    super(options, input, startPos);
    (this as unknown as ParserInstance).scopeStack[0]!.flags |= SCOPE_ASYNC | SCOPE_GENERATOR;
  }
};

/** Parses `source` as a whole module-like program with top-level await and yield. */
export function parseProgram(source: string) {
  return CellParser.parse(source, parseOptions);
}

/**
 * Parses one expression starting at `start`. Returns the expression and the token after it
 * (its type and start offset), so callers decide what may follow.
 */
export function parseExpressionAt(source: string, start: number): {node: Expression; next: unknown; nextStart: number; nextEnd: number} {
  const parser = new CellParser(parseOptions, source, start) as unknown as ParserInstance;
  parser.nextToken();
  const node = parser.parseExpression();
  return {node, next: parser.type, nextStart: parser.start, nextEnd: parser.end};
}

/** The token types `parseExpressionAt` callers compare `next` against. */
export const tokens = {eof: tokTypes.eof, braceR: tokTypes.braceR};
