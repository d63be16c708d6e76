import type {AnyNode, Identifier, Node} from "acorn";
import {ancestor, type AncestorVisitors} from "acorn-walk";
import {patternIdentifiers} from "./patternIdentifiers.ts";

type Scopes = Map<Node, Set<string>>;

/**
 * Every identifier in `root` that reads or writes a variable not declared inside `root`, in
 * source order (one entry per occurrence). Globals are included; callers filter them. Handles
 * var hoisting to functions, block-scoped let/const/class/function, parameters, catch bindings,
 * named function and class expressions, imports and `arguments` in non-arrow functions.
 */
export function findReferences(root: Node): Identifier[] {
  const scopes = declareScopes(root);
  const free: Identifier[] = [];
  const visit = (node: Identifier, _state: unknown, ancestors: AnyNode[]) => {
    if (!isDeclared(node.name, ancestors, scopes)) free.push(node);
  };
  // "VariablePattern" is how acorn-walk visits identifiers being bound or assigned.
  ancestor(root as AnyNode, {Identifier: visit, VariablePattern: visit} as AncestorVisitors<unknown>);
  return free.sort((a, b) => a.start - b.start);
}

function isDeclared(name: string, ancestors: AnyNode[], scopes: Scopes): boolean {
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const node = ancestors[i]!;
    if (scopes.get(node)?.has(name)) return true;
    if (name === "arguments" && (node.type === "FunctionDeclaration" || node.type === "FunctionExpression")) return true;
  }
  return false;
}

function isBlockScope(node: AnyNode): boolean {
  switch (node.type) {
    case "Program":
    case "BlockStatement":
    case "StaticBlock":
    case "ForStatement":
    case "ForInStatement":
    case "ForOfStatement":
    case "SwitchStatement":
      return true;
    default:
      return isFunction(node);
  }
}

function isFunction(node: AnyNode): boolean {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression";
}

/** The scope each declaration belongs to, keyed by the node that opens the scope. */
function declareScopes(root: Node): Scopes {
  const scopes: Scopes = new Map();
  const declare = (scope: Node, names: Identifier[]) => {
    let set = scopes.get(scope);
    if (!set) scopes.set(scope, (set = new Set()));
    for (const {name} of names) set.add(name);
  };
  // The innermost ancestor (excluding the node itself) that satisfies `test`; the root otherwise.
  const nearest = (ancestors: AnyNode[], test: (node: AnyNode) => boolean) => {
    for (let i = ancestors.length - 2; i >= 0; i--) if (test(ancestors[i]!)) return ancestors[i]!;
    return root;
  };
  ancestor(root as AnyNode, {
    VariableDeclaration(node, _state, ancestors) {
      const scope = nearest(ancestors, node.kind === "var" ? (n) => isFunction(n) || n.type === "Program" : isBlockScope);
      for (const declarator of node.declarations) declare(scope, patternIdentifiers(declarator.id));
    },
    FunctionDeclaration(node, _state, ancestors) {
      if (node.id) declare(nearest(ancestors, isBlockScope), [node.id]);
      declare(node, node.params.flatMap(patternIdentifiers));
    },
    FunctionExpression(node) {
      declare(node, [...(node.id ? [node.id] : []), ...node.params.flatMap(patternIdentifiers)]);
    },
    ArrowFunctionExpression(node) {
      declare(node, node.params.flatMap(patternIdentifiers));
    },
    ClassDeclaration(node, _state, ancestors) {
      if (node.id) declare(nearest(ancestors, isBlockScope), [node.id]);
    },
    ClassExpression(node) {
      if (node.id) declare(node, [node.id]);
    },
    CatchClause(node) {
      if (node.param) declare(node, patternIdentifiers(node.param));
    },
    ImportDeclaration(node) {
      declare(root, node.specifiers.map((specifier) => specifier.local));
    }
  });
  return scopes;
}
