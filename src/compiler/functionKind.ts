import type {Node} from "acorn";
import {base, simple, type RecursiveVisitors} from "acorn-walk";

/** Whether a cell's function must be `async` (top-level await) and/or a generator (top-level yield). */
export interface FunctionKind {
  async: boolean;
  generator: boolean;
}

// The default walker, except that it does not enter nested functions: their await is their own.
const topLevel: RecursiveVisitors<unknown> = {...base, Function: () => {}};

/** Finds top-level `await`, `for await` and `yield` in `root`, ignoring nested functions. */
export function functionKind(root: Node): FunctionKind {
  const kind: FunctionKind = {async: false, generator: false};
  simple(
    root,
    {
      AwaitExpression: () => void (kind.async = true),
      ForOfStatement: (node) => void (node.await && (kind.async = true)),
      YieldExpression: () => void (kind.generator = true)
    },
    topLevel
  );
  return kind;
}
