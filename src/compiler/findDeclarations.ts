import type {Identifier, Program} from "acorn";
import {patternIdentifiers} from "./patternIdentifiers.ts";
import {SourceError} from "./sourceError.ts";

/**
 * The top-level declarations of a program cell, in source order: const/let/var (with
 * destructuring), function, class and import bindings. These become the cell's outputs.
 * Throws a `SourceError` on `export`, which has no meaning in a cell.
 */
export function findDeclarations(program: Program): Identifier[] {
  const declarations: Identifier[] = [];
  for (const statement of program.body) {
    switch (statement.type) {
      case "VariableDeclaration":
        for (const declarator of statement.declarations) declarations.push(...patternIdentifiers(declarator.id));
        break;
      case "FunctionDeclaration":
      case "ClassDeclaration":
        declarations.push(statement.id);
        break;
      case "ImportDeclaration":
        declarations.push(...statement.specifiers.map((specifier) => specifier.local));
        break;
      case "ExportNamedDeclaration":
      case "ExportDefaultDeclaration":
      case "ExportAllDeclaration":
        throw new SourceError("export is not allowed in a cell; top-level declarations are already visible to other cells", statement.start);
    }
  }
  return declarations;
}
