import type {Node} from "acorn";
import {base, simple, type RecursiveVisitors} from "acorn-walk";
import type {Edit} from "./applyEdits.ts";

/** The builtin a loop calls on every turn, so a loop that never ends stops with an error. */
export const guardBuiltin = "__guard";

type Loop = Node & {type: "ForStatement" | "ForInStatement" | "ForOfStatement" | "WhileStatement" | "DoWhileStatement"; body: Node};

/**
 * Edits that make every loop of `root` (in nested functions too) call `__guard(line)` at the
 * start of each turn: `while (x) stmt` becomes `while (x) { __guard(3); stmt }`. The line (of
 * `source`, 1-based) is the loop's, for the error to name it. `walker` is acorn-walk's base
 * unless the tree has other node types (Observable's `viewof`).
 */
export function guardLoops(root: Node, source: string, walker: RecursiveVisitors<unknown> = base): Edit[] {
  const edits: Edit[] = [];
  let line = 1;
  let counted = 0;
  const lineOf = (offset: number) => {
    // Loops are visited in source order, so counting on from the last one stays linear.
    if (offset < counted) (line = 1), (counted = 0);
    for (; counted < offset; counted++) if (source.charCodeAt(counted) === 10) line++;
    return line;
  };
  const guard = (loop: Loop) => {
    const body = loop.body;
    const call = `${guardBuiltin}(${lineOf(loop.start)});`;
    if (body.type === "BlockStatement") edits.push({start: body.start + 1, end: body.start + 1, text: ` ${call}`});
    else edits.push({start: body.start, end: body.start, text: `{ ${call} `}, {start: body.end, end: body.end, text: " }"});
  };
  simple(root, {
    ForStatement: (node) => guard(node as Loop),
    ForInStatement: (node) => guard(node as Loop),
    ForOfStatement: (node) => guard(node as Loop),
    WhileStatement: (node) => guard(node as Loop),
    DoWhileStatement: (node) => guard(node as Loop)
  }, walker);
  return edits;
}
