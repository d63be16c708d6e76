import type {Identifier, Node, Program} from "acorn";
import type {Edit} from "./applyEdits.ts";

/**
 * Names the inputs a program declares with `const name = view(input)` (top level, the `view`
 * being the cell's own): each such call gets the name as a second argument, so the runtime
 * knows which input a name stands for (a share link restores it by name). `free` is the cell's
 * free references (the `view` identifiers that are not locals).
 */
export function findViews(program: Program, free: readonly Identifier[], source: string): {names: string[]; edits: Edit[]} {
  const external = new Set<Node>(free);
  const names: string[] = [];
  const edits: Edit[] = [];
  for (const statement of program.body) {
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (declarator.id.type !== "Identifier" || init?.type !== "CallExpression") continue;
      if (init.callee.type !== "Identifier" || init.callee.name !== "view" || !external.has(init.callee) || init.arguments.length !== 1) continue;
      names.push(declarator.id.name);
      // `view(input,)` (a trailing comma, as Prettier writes a call split over lines) already has the comma.
      const separator = hasTrailingComma(source.slice(init.arguments[0]!.end, init.end - 1)) ? " " : ", ";
      edits.push({start: init.end - 1, end: init.end - 1, text: `${separator}${JSON.stringify(declarator.id.name)}`});
    }
  }
  return {names, edits};
}

/** Whether the text between a call's last argument and its `)` holds a comma (comments aside). */
function hasTrailingComma(between: string): boolean {
  return between.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "").includes(",");
}
