// Code that libraries make from strings, run on pages whose policy refuses `Function`.
//
// Arquero compiles every table expression (even `table.object(0)` and the function form
// `d => op.lag(d.x)`, which it re-reads from the function's source) into JavaScript text and
// turns that into a function with `Function`. A strict reader page's Content-Security-Policy
// refuses that, so the build routes Arquero's `Function` here (src/vite/library-edits.ts): where the
// page allows compiling (Edit mode's pages, Node) this is `Function` itself; elsewhere the text
// is parsed with our small parser (./js-parser.ts, which Arquero's expressions also use on reader
// pages) and run by the small interpreter below.
// It covers the JavaScript Arquero writes (expressions, arrow functions, `let`/`const`, `if`,
// `switch`, loops, `return`); what it does not know fails with a message that names it.
import {parse} from "./js-parser.ts";
import {policyCompiles} from "../shared/index.ts";

// The parser's ESTree tree, read loosely: each handler reads the fields of its node type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = any;

let compiles: boolean | undefined;

/** Whether this page may make code from strings: its policy says so (no page policy: yes). */
function pageCompiles(): boolean {
  if (compiles !== undefined) return compiles;
  const policy = typeof document === "undefined" ? undefined : document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]')?.content;
  return (compiles = policy === undefined || policyCompiles(policy));
}

/** `Function(...params, body)` where the page allows it, else the same function interpreted. */
export function makeFunction(...args: string[]): (...values: unknown[]) => unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  if (pageCompiles()) return Function(...args) as (...values: unknown[]) => unknown;
  return interpretFunction(...args);
}

/** The function `Function(...params, body)` would make, run by the interpreter. */
export function interpretFunction(...args: string[]): (...values: unknown[]) => unknown {
  const body = args.pop() ?? "";
  const source = `(function (${args.join(",")}) {\n${body}\n})`;
  return makeClosure(parsed(source), new Scope(globalScope, source)) as (...values: unknown[]) => unknown;
}

/** Parsed function sources by text: a cell re-run by an input asks Arquero for the same code again. */
const parsedSources = new Map<string, Node>();
const PARSED_SOURCES_LIMIT = 256;

/** The function expression of `source`, parsed once (the interpreter never changes a tree). */
function parsed(source: string): Node {
  let expression = parsedSources.get(source);
  if (expression === undefined) {
    expression = parse(source).body[0].expression;
    if (parsedSources.size >= PARSED_SOURCES_LIMIT) parsedSources.delete(parsedSources.keys().next().value!);
    parsedSources.set(source, expression);
  }
  return expression;
}

class Scope {
  readonly vars = new Map<string, unknown>();
  /** The text of the code that runs in the scope: a function made here reads as its part of it. */
  readonly source: string;
  constructor(readonly parent?: Scope, source?: string) {
    this.source = source ?? parent?.source ?? "";
  }
  find(name: string): Scope | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) if (scope.vars.has(name)) return scope;
    return undefined;
  }
}
const globalScope = new Scope();

/** What ends a statement list early. */
class Completion {
  constructor(readonly kind: "return" | "break" | "continue", readonly value?: unknown) {}
}

function unsupported(node: Node): never {
  throw new SyntaxError(`This page runs generated code without eval, and ${node.type} is not supported (open the notebook in Edit mode, whose page compiles code)`);
}

function makeClosure(node: Node, scope: Scope): unknown {
  const arrow = node.type === "ArrowFunctionExpression";
  const closure = function (this: unknown, ...values: unknown[]) {
    const inner = new Scope(scope);
    if (!arrow) inner.vars.set("arguments", values);
    node.params.forEach((param: Node, i: number) => {
      if (param.type === "RestElement") bind(param.argument, values.slice(i), inner);
      else bind(param, values[i], inner);
    });
    if (node.expression) return evaluate(node.body, inner);
    const done = execute(node.body.body, inner);
    return done instanceof Completion && done.kind === "return" ? done.value : undefined;
  };
  // As a compiled function reads: Arquero groups aggregates by their fields' source text
  // (`f + ""`), which would be one and the same for every interpreted function.
  const text = scope.source.slice(node.start, node.end);
  Object.defineProperty(closure, "toString", {value: () => text});
  return closure;
}

/** Declares the names of a binding pattern in `scope`. */
function bind(pattern: Node, value: unknown, scope: Scope): void {
  switch (pattern.type) {
    case "Identifier":
      return void scope.vars.set(pattern.name, value);
    case "AssignmentPattern":
      return bind(pattern.left, value === undefined ? evaluate(pattern.right, scope) : value, scope);
    case "ArrayPattern": {
      const items = [...(value as Iterable<unknown>)];
      pattern.elements.forEach((element: Node, i: number) => {
        if (element === null) return;
        if (element.type === "RestElement") bind(element.argument, items.slice(i), scope);
        else bind(element, items[i], scope);
      });
      return;
    }
    case "ObjectPattern": {
      const object = value as Record<PropertyKey, unknown>;
      const used = new Set<PropertyKey>();
      for (const property of pattern.properties) {
        if (property.type === "RestElement") {
          bind(property.argument, Object.fromEntries(Object.entries(object).filter(([key]) => !used.has(key))), scope);
          continue;
        }
        const key = property.computed ? (evaluate(property.key, scope) as PropertyKey) : property.key.name ?? property.key.value;
        used.add(key);
        bind(property.value, object[key], scope);
      }
      return;
    }
    default:
      unsupported(pattern);
  }
}

function execute(statements: Node[], scope: Scope): Completion | undefined {
  for (const statement of statements) {
    const done = run(statement, scope);
    if (done) return done;
  }
  return undefined;
}

function run(node: Node, scope: Scope): Completion | undefined {
  switch (node.type) {
    case "ExpressionStatement":
      evaluate(node.expression, scope);
      return undefined;
    case "VariableDeclaration":
      for (const declaration of node.declarations) bind(declaration.id, declaration.init ? evaluate(declaration.init, scope) : undefined, scope);
      return undefined;
    case "FunctionDeclaration":
      scope.vars.set(node.id.name, makeClosure(node, scope));
      return undefined;
    case "ReturnStatement":
      return new Completion("return", node.argument ? evaluate(node.argument, scope) : undefined);
    case "BlockStatement":
      return execute(node.body, new Scope(scope));
    case "EmptyStatement":
      return undefined;
    case "IfStatement":
      if (evaluate(node.test, scope)) return run(node.consequent, scope);
      return node.alternate ? run(node.alternate, scope) : undefined;
    case "BreakStatement":
      return new Completion("break");
    case "ContinueStatement":
      return new Completion("continue");
    case "ThrowStatement":
      throw evaluate(node.argument, scope);
    case "SwitchStatement": {
      const value = evaluate(node.discriminant, scope);
      const inner = new Scope(scope);
      let index = node.cases.findIndex((c: Node) => c.test !== null && evaluate(c.test, inner) === value);
      if (index < 0) index = node.cases.findIndex((c: Node) => c.test === null);
      if (index < 0) return undefined;
      for (const c of node.cases.slice(index)) {
        const done = execute(c.consequent, inner);
        if (done?.kind === "break") return undefined;
        if (done) return done;
      }
      return undefined;
    }
    case "ForStatement": {
      const inner = new Scope(scope);
      if (node.init) node.init.type === "VariableDeclaration" ? run(node.init, inner) : evaluate(node.init, inner);
      for (; node.test ? evaluate(node.test, inner) : true; node.update && evaluate(node.update, inner)) {
        const done = run(node.body, inner);
        if (done?.kind === "break") break;
        if (done?.kind === "return") return done;
      }
      return undefined;
    }
    case "WhileStatement":
      while (evaluate(node.test, scope)) {
        const done = run(node.body, scope);
        if (done?.kind === "break") break;
        if (done?.kind === "return") return done;
      }
      return undefined;
    default:
      unsupported(node);
  }
}

function lookup(name: string, scope: Scope): unknown {
  const owner = scope.find(name);
  if (owner) return owner.vars.get(name);
  if (name in globalThis) return (globalThis as Record<string, unknown>)[name];
  throw new ReferenceError(`${name} is not defined`);
}

/** The object and key a member expression names (`undefined` object: an optional chain ended). */
function member(node: Node, scope: Scope): {object: unknown; key: PropertyKey} {
  const object = evaluate(node.object, scope);
  const key = node.computed ? (evaluate(node.property, scope) as PropertyKey) : node.property.name;
  return {object, key};
}

const optionalEnd = Symbol("optional chain ended");

function evaluate(node: Node, scope: Scope): unknown {
  const value = evaluateInChain(node, scope);
  return value === optionalEnd ? undefined : value;
}

function evaluateInChain(node: Node, scope: Scope): unknown {
  switch (node.type) {
    case "Literal":
      return node.regex ? new RegExp(node.regex.pattern, node.regex.flags) : node.value;
    case "Identifier":
      return node.name === "undefined" ? undefined : lookup(node.name, scope);
    case "ThisExpression":
      return undefined;
    case "TemplateLiteral":
      return node.quasis.map((q: Node, i: number) => q.value.cooked + (i < node.expressions.length ? String(evaluate(node.expressions[i], scope)) : "")).join("");
    case "ChainExpression":
      return evaluate(node.expression, scope);
    case "MemberExpression": {
      const object = evaluateInChain(node.object, scope);
      if (object === optionalEnd || (node.optional && object == null)) return optionalEnd;
      const key = node.computed ? (evaluate(node.property, scope) as PropertyKey) : node.property.name;
      return (object as Record<PropertyKey, unknown>)[key];
    }
    case "CallExpression": {
      let self: unknown;
      let callee: unknown;
      if (node.callee.type === "MemberExpression") {
        const object = evaluateInChain(node.callee.object, scope);
        if (object === optionalEnd || (node.callee.optional && object == null)) return optionalEnd;
        self = object;
        callee = (object as Record<PropertyKey, unknown>)[node.callee.computed ? (evaluate(node.callee.property, scope) as PropertyKey) : node.callee.property.name];
      } else callee = evaluateInChain(node.callee, scope);
      if (callee === optionalEnd || (node.optional && callee == null)) return optionalEnd;
      if (typeof callee !== "function") throw new TypeError(`${describe(node.callee)} is not a function`);
      return Reflect.apply(callee, self, list(node.arguments, scope));
    }
    case "NewExpression": {
      const constructor = evaluate(node.callee, scope) as new (...args: unknown[]) => unknown;
      return Reflect.construct(constructor, list(node.arguments, scope));
    }
    case "ArrayExpression":
      return list(node.elements, scope);
    case "ObjectExpression": {
      const object: Record<PropertyKey, unknown> = {};
      for (const property of node.properties) {
        if (property.type === "SpreadElement") Object.assign(object, evaluate(property.argument, scope));
        else if (property.kind !== "init") unsupported(property);
        else {
          const key = property.computed ? (evaluate(property.key, scope) as PropertyKey) : property.key.name ?? property.key.value;
          const value = evaluate(property.value, scope);
          // As in a literal: a plain `__proto__:` key sets the prototype (or nothing); any other key is defined.
          if (key === "__proto__" && !property.computed && !property.shorthand) {
            if (typeof value === "object") Object.setPrototypeOf(object, value);
          } else Object.defineProperty(object, key, {value, writable: true, enumerable: true, configurable: true});
        }
      }
      return object;
    }
    case "ArrowFunctionExpression":
    case "FunctionExpression":
      return makeClosure(node, scope);
    case "SequenceExpression":
      return node.expressions.reduce((_: unknown, e: Node) => evaluate(e, scope), undefined);
    case "ConditionalExpression":
      return evaluate(node.test, scope) ? evaluate(node.consequent, scope) : evaluate(node.alternate, scope);
    case "LogicalExpression": {
      const left = evaluate(node.left, scope);
      if (node.operator === "&&") return left && evaluate(node.right, scope);
      if (node.operator === "||") return left || evaluate(node.right, scope);
      return left ?? evaluate(node.right, scope);
    }
    case "BinaryExpression":
      return binary(node.operator, evaluate(node.left, scope), evaluate(node.right, scope));
    case "UnaryExpression": {
      if (node.operator === "typeof" && node.argument.type === "Identifier" && node.argument.name !== "undefined" && !scope.find(node.argument.name) && !(node.argument.name in globalThis)) return "undefined";
      if (node.operator === "delete") {
        if (node.argument.type !== "MemberExpression") return true;
        const {object, key} = member(node.argument, scope);
        return delete (object as Record<PropertyKey, unknown>)[key];
      }
      const value = evaluate(node.argument, scope) as number;
      switch (node.operator) {
        case "!": return !value;
        case "-": return -value;
        case "+": return +value;
        case "~": return ~value;
        case "typeof": return typeof value;
        case "void": return undefined;
      }
      return unsupported(node);
    }
    case "UpdateExpression": {
      const old = Number(evaluate(node.argument, scope));
      const next = node.operator === "++" ? old + 1 : old - 1;
      assign(node.argument, next, scope);
      return node.prefix ? next : old;
    }
    case "AssignmentExpression": {
      if (node.operator === "=") {
        const value = evaluate(node.right, scope);
        assign(node.left, value, scope);
        return value;
      }
      const current = evaluate(node.left, scope);
      if (node.operator === "&&=" || node.operator === "||=" || node.operator === "??=") {
        const keep = node.operator === "&&=" ? !current : node.operator === "||=" ? current : current != null;
        if (keep) return current;
        const value = evaluate(node.right, scope);
        assign(node.left, value, scope);
        return value;
      }
      const value = binary(node.operator.slice(0, -1), current, evaluate(node.right, scope));
      assign(node.left, value, scope);
      return value;
    }
    default:
      return unsupported(node);
  }
}

function list(nodes: Node[], scope: Scope): unknown[] {
  const values: unknown[] = [];
  for (const node of nodes) {
    if (node === null) values.length++;
    else if (node.type === "SpreadElement") values.push(...(evaluate(node.argument, scope) as Iterable<unknown>));
    else values.push(evaluate(node, scope));
  }
  return values;
}

function assign(target: Node, value: unknown, scope: Scope): void {
  if (target.type === "Identifier") {
    const owner = scope.find(target.name);
    if (!owner) throw new ReferenceError(`${target.name} is not defined`);
    owner.vars.set(target.name, value);
  } else if (target.type === "MemberExpression") {
    const {object, key} = member(target, scope);
    (object as Record<PropertyKey, unknown>)[key] = value;
  } else bind(target, value, scope);
}

function binary(operator: string, a: unknown, b: unknown): unknown {
  // The operands are any values, as in the generated code; TypeScript sees them as numbers.
  const x = a as number;
  const y = b as number;
  switch (operator) {
    case "+": return x + y;
    case "-": return x - y;
    case "*": return x * y;
    case "/": return x / y;
    case "%": return x % y;
    case "**": return x ** y;
    case "==": return a == b;
    case "!=": return a != b;
    case "===": return a === b;
    case "!==": return a !== b;
    case "<": return x < y;
    case "<=": return x <= y;
    case ">": return x > y;
    case ">=": return x >= y;
    case "<<": return x << y;
    case ">>": return x >> y;
    case ">>>": return x >>> y;
    case "&": return x & y;
    case "|": return x | y;
    case "^": return x ^ y;
    case "in": return (a as PropertyKey) in (b as object);
    case "instanceof": return a instanceof (b as new () => unknown);
  }
  throw new SyntaxError(`This page runs generated code without eval, and the operator ${operator} is not supported`);
}

function describe(node: Node): string {
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression" && !node.computed) return `${describe(node.object)}.${node.property.name}`;
  return "the callee";
}
