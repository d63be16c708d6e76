import type {Identifier, Node} from "acorn";
import {simple} from "acorn-walk";
import {SourceError} from "./sourceError.ts";

/**
 * The names passed to `FileAttachment(...)` (the global one, not a local of that name), so the
 * build can resolve them. Throws a `SourceError` unless each call has one literal string argument.
 */
export function findFiles(root: Node, free: readonly Identifier[]): string[] {
  const external = new Set<Node>(free);
  const files: string[] = [];
  simple(root, {
    CallExpression(node) {
      const callee = node.callee;
      if (callee.type !== "Identifier" || callee.name !== "FileAttachment" || !external.has(callee)) return;
      const [argument] = node.arguments;
      let name: string | undefined;
      if (node.arguments.length === 1 && argument!.type === "Literal" && typeof argument!.value === "string") name = argument!.value;
      else if (node.arguments.length === 1 && argument!.type === "TemplateLiteral" && argument!.expressions.length === 0) {
        name = argument!.quasis[0]!.value.cooked ?? undefined;
      }
      if (name === undefined) throw new SourceError("FileAttachment requires a single literal string argument", node.start);
      if (!files.includes(name)) files.push(name);
    }
  });
  return files;
}
