import type {Identifier, Node, Pattern} from "acorn";
import {simple} from "acorn-walk";
import {patternIdentifiers} from "./patternIdentifiers.ts";
import {SourceError} from "./sourceError.ts";

/**
 * Throws a `SourceError` when `root` assigns to a variable it does not declare (another cell's
 * output, a builtin or a global): `x = 2`, `x++`, `[x] = a`, `for (x of a)`. Mutating a property
 * (`x.y = 2`) is allowed. `free` is `findReferences(root)`.
 */
export function checkAssignments(root: Node, free: readonly Identifier[]): void {
  const external = new Set<Node>(free);
  const check = (target: Pattern | Node) => {
    const identifiers = target.type === "VariableDeclaration" ? [] : patternIdentifiers(target as Pattern);
    for (const identifier of identifiers) {
      if (external.has(identifier)) throw new SourceError(`Assignment to external variable '${identifier.name}'`, identifier.start);
    }
  };
  simple(root, {
    AssignmentExpression: (node) => check(node.left),
    UpdateExpression: (node) => check(node.argument),
    ForInStatement: (node) => check(node.left),
    ForOfStatement: (node) => check(node.left)
  });
}
