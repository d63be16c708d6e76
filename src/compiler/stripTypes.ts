import {tsPlugin} from "@sveltejs/acorn-typescript";
import {tokTypes, type Options} from "acorn";
import {CellParser} from "./cellParser.ts";
import {SourceError} from "./sourceError.ts";

// A cell's top level allows await and yield (see cellParser.ts); the plugin needs locations.
const TypeScriptParser = CellParser.extend(tsPlugin());
const options: Options = {ecmaVersion: "latest", sourceType: "module", locations: true};

/** Statements that are only types: blanked whole. */
const typeStatements = new Set(["TSTypeAliasDeclaration", "TSInterfaceDeclaration", "TSDeclareFunction", "TSDeclareMethod", "TSIndexSignature", "TSNamespaceExportDeclaration"]);
/** Properties of a node that hold only a type (annotations, generics). */
const typeProperties = ["typeAnnotation", "returnType", "typeParameters", "typeArguments", "superTypeParameters", "superTypeArguments"];
/** Modifiers TypeScript adds to class members (`static`, `get`, `async`... are JavaScript's). */
const modifiers = /\b(?:public|private|protected|readonly|override|declare|abstract)\b/g;

// acorn-typescript's nodes are acorn's plus TypeScript's, untyped.
type TSNode = {type: string; start: number; end: number; [key: string]: any};

/**
 * A TypeScript cell's source as JavaScript of the same length: every piece of type syntax
 * (annotations, interfaces, type aliases, generics, `as`, `satisfies`, `!`, modifiers,
 * `implements`, `declare`, type-only imports) is replaced by spaces, line breaks kept, so every
 * line:column of the JavaScript is the cell's. Throws a `SyntaxError` with `pos` for a parse
 * error, and a `SourceError` for TypeScript that has run-time behaviour (`enum`, `namespace`,
 * constructor parameter properties), which blanking cannot express.
 */
export function stripTypes(source: string): string {
  const parsed = parseTypeScript(source);
  // Offsets are UTF-16 code units, as acorn counts them.
  const chars = source.split("");
  const blank = (start: number, end: number) => {
    for (let i = start; i < end; ++i) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  };
  const blankMatches = (start: number, end: number, pattern: RegExp) => {
    const span = source.slice(start, end);
    for (const match of span.matchAll(pattern)) blank(start + match.index, start + match.index + match[0].length);
  };
  /** Blanks a statement and the `;` right after it. */
  const blankStatement = (node: TSNode) => blank(node.start, source[node.end] === ";" ? node.end + 1 : node.end);

  const visit = (node: TSNode): void => {
    if (typeStatements.has(node.type) || node.declare === true) return blankStatement(node);
    switch (node.type) {
      case "TSEnumDeclaration":
        throw new SourceError("TypeScript enums are not supported (they create a value at run time): use an object, such as const Color = {Red: 0, Blue: 1}", node.start);
      case "TSModuleDeclaration":
        throw new SourceError("TypeScript namespaces are not supported (they create a value at run time): use an object or declarations at the top of the cell", node.start);
      case "TSImportEqualsDeclaration":
      case "TSExportAssignment":
        throw new SourceError("TypeScript's import = and export = are not supported: use import ... from", node.start);
      case "TSParameterProperty":
        throw new SourceError("Constructor parameter properties are not supported (they assign fields at run time): declare the field and assign it in the constructor", node.start);
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSNonNullExpression":
      case "TSInstantiationExpression":
        // `(a + b) as T`: the expression ends before its `)`, which stays.
        blank(afterClosingParens(source, node.expression.end), node.end);
        return visit(node.expression);
      case "TSTypeAssertion":
        blank(node.start, node.expression.start);
        return visit(node.expression);
      case "ImportDeclaration":
        if (node.importKind === "type") return blankStatement(node);
        blankTypeSpecifiers(node.specifiers);
        return;
      case "ClassDeclaration":
      case "ClassExpression":
        if (node.abstract) blankMatches(node.start, node.id?.start ?? node.body.start, /\babstract\b/g);
        if (node.implements?.length) {
          const from = node.superTypeParameters?.end ?? node.superClass?.end ?? node.typeParameters?.end ?? node.id?.end ?? node.start;
          blank(from, node.implements.at(-1).end);
        }
        break;
      case "PropertyDefinition":
      case "MethodDefinition":
      case "AccessorProperty":
        if (node.abstract || node.value?.type === "TSDeclareMethod") return blankStatement(node);
        blankMatches(node.decorators?.at(-1)?.end ?? node.start, node.key.start, modifiers);
        if (node.optional || node.definite) blankMatches(node.key.end, node.typeAnnotation?.start ?? node.value?.start ?? node.end, /[?!]/g);
        break;
      case "Identifier":
        if (node.optional) blankMatches(node.start + node.name.length, node.typeAnnotation?.start ?? node.end, /\?/g);
        break;
      case "FunctionDeclaration":
      case "FunctionExpression": {
        // `function (this: T, a)`: the `this` parameter only types `this`; blanked with its comma.
        const [first, second] = node.params as TSNode[];
        if (first?.type === "Identifier" && first.name === "this") blank(first.start, second?.start ?? first.end);
        break;
      }
      case "VariableDeclarator":
        if (node.definite) blankMatches(node.id.start + (node.id.name?.length ?? 0), node.id.typeAnnotation?.start ?? node.id.end, /!/g);
        break;
    }
    for (const key of typeProperties) {
      const child = node[key];
      if (child && typeof child.type === "string") blank(child.start, child.end);
    }
    for (const key in node) {
      if (key === "implements" || key === "loc" || typeProperties.includes(key)) continue;
      const child = node[key];
      if (Array.isArray(child)) for (const item of child) isNode(item) && visit(item);
      else if (isNode(child)) visit(child);
    }
  };

  /** `import {type A, b}`: blanks `type A,` (with its comma) and keeps `b`. */
  const blankTypeSpecifiers = (specifiers: TSNode[]) => {
    specifiers.forEach((specifier, i) => {
      if (specifier.importKind !== "type") return;
      const next = specifiers[i + 1];
      if (next) blank(specifier.start, next.start);
      else blank(i > 0 ? specifiers[i - 1]!.end : specifier.start, specifier.end);
    });
  };

  visit(parsed);
  return chars.join("");
}

/** One expression when the cell is one (`{a: 1}` is an object, as in JavaScript cells), else a program. */
function parseTypeScript(source: string): TSNode {
  try {
    const parser = new (TypeScriptParser as any)(options, source, 0);
    parser.nextToken();
    const node = parser.parseExpression();
    if (parser.type === tokTypes.eof) return node;
  } catch {
    // Not one expression: parse the program, whose errors are the ones to report.
  }
  return TypeScriptParser.parse(source, options) as unknown as TSNode;
}

/** The offset after the spaces, comments and `)` that follow `from` (the parentheses around an expression). */
function afterClosingParens(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    if (/\s|\)/.test(source[i]!)) ++i;
    else if (source.startsWith("/*", i)) i = source.includes("*/", i + 2) ? source.indexOf("*/", i + 2) + 2 : source.length;
    else if (source.startsWith("//", i)) i = source.includes("\n", i) ? source.indexOf("\n", i) : source.length;
    else break;
  }
  return i;
}

function isNode(value: unknown): value is TSNode {
  return typeof value === "object" && value !== null && typeof (value as TSNode).type === "string" && typeof (value as TSNode).start === "number";
}
