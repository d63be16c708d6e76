// Patterns of the reader's small JavaScript parser, and what expressions and statements share:
// its nodes, names and comma-separated lists. Arrow parameters and assignment targets are first
// read as expressions and turned into patterns here (`toPattern`), as acorn does.
import {Tokenizer} from "./js-tokenizer.ts";

/** An ESTree node, as acorn makes it. */
export interface Node {
  type: string;
  start: number;
  end: number;
  // The fields of each node type, as in ESTree.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

export const keywords = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with".split(" ")
);
/** Names strict mode code may not bind or use. */
export const strictReserved = new Set("implements interface let package private protected public static yield".split(" "));

/** The parser's patterns and shared readers; expressions and statements come from the subclasses. */
export abstract class PatternParser extends Tokenizer {
  /** Expressions parsed as arrow parameters and patterns are checked later: `[pos, message]` of each error they would be. */
  protected cover: Array<[number, string]> = [];
  /** Nodes written in parentheses. */
  protected parenthesized = new WeakSet<Node>();

  /** An assignment expression; with `cover`, a pattern's errors are left to the caller. */
  protected abstract parseMaybeAssign(noIn?: boolean, cover?: boolean): Node;
  protected abstract parsePropertyName(): {key: Node; computed: boolean};

  protected node(type: string, start: number, fields: Record<string, unknown>): Node {
    return {type, start, end: this.lastEnd, ...fields};
  }

  protected eat(p: string): boolean {
    if (!this.is(p)) return false;
    this.next();
    return true;
  }

  protected expect(p: string): void {
    if (!this.eat(p)) this.unexpected();
  }

  protected unexpected(pos = this.start): never {
    return this.raise(pos, this.type === "eof" ? "Unexpected end of input" : "Unexpected token");
  }

  /** The token after this one, without moving. */
  protected peek(): {type: string; value: unknown; newlineBefore: boolean} {
    const state = this.save();
    this.next();
    const token = {type: this.type, value: this.value, newlineBefore: this.newlineBefore};
    this.restore(state);
    return token;
  }

  protected parseIdent(anyWord = false): Node {
    if (this.type !== "name") this.unexpected();
    const name = this.value as string;
    if (!anyWord && keywords.has(name)) this.raise(this.start, `Unexpected keyword '${name}'`);
    if (!anyWord && this.strict && strictReserved.has(name)) this.raise(this.start, `The keyword '${name}' is reserved`);
    const start = this.start;
    this.next();
    return this.node("Identifier", start, {name});
  }

  /** Items separated by commas up to `close` (read), a trailing comma allowed; `item` reads one. */
  protected parseList<T>(close: string, item: () => T): T[] {
    const list: T[] = [];
    for (let first = true; !this.eat(close); first = false) {
      if (!first) {
        this.expect(",");
        if (this.eat(close)) break;
      }
      list.push(item());
    }
    return list;
  }

  /** `...pattern` in parameters and binding patterns. */
  protected parseRest(): Node {
    const start = this.start;
    this.next();
    return this.node("RestElement", start, {argument: this.parseBindingAtom()});
  }

  protected parseBindingAtom(): Node {
    const start = this.start;
    if (this.eat("[")) return this.node("ArrayPattern", start, {elements: this.parseBindingList("]", true)});
    if (!this.is("{")) return this.checkName(this.parseIdent(), true);
    this.next();
    const properties = this.parseList("}", () => {
      const propertyStart = this.start;
      if (this.eat("...")) return this.restEnds("}", this.node("RestElement", propertyStart, {argument: this.checkName(this.parseIdent(), true)}));
      const keyIsWord = this.type === "name";
      const {key, computed} = this.parsePropertyName();
      const shorthand = !this.eat(":");
      if (shorthand && (!keyIsWord || computed)) this.unexpected();
      if (shorthand && keywords.has(key.name)) this.raise(key.start, `Unexpected keyword '${key.name}'`);
      const value = shorthand ? this.parseMaybeDefault(key.start, this.checkName({...key}, true)) : this.parseMaybeDefault(this.start, this.parseBindingAtom());
      return this.node("Property", propertyStart, {method: false, shorthand, computed, key, value, kind: "init"});
    });
    return this.node("ObjectPattern", start, {properties});
  }

  /** Binding elements up to `close`: parameters, or an array pattern's elements with holes. */
  protected parseBindingList(close: string, array = false): Array<Node | null> {
    return this.parseList(close, () => {
      if (array && this.is(",")) return null;
      if (this.is("...")) return this.restEnds(close, this.parseRest());
      return this.parseMaybeDefault(this.start, this.parseBindingAtom());
    });
  }

  /** A rest element, which `close` must follow. */
  protected restEnds(close: string, rest: Node): Node {
    if (this.is(",")) this.raise(this.start, "Comma is not permitted after the rest element");
    if (!this.is(close)) this.unexpected();
    return rest;
  }

  protected parseMaybeDefault(start: number, left: Node): Node {
    return this.eat("=") ? this.node("AssignmentPattern", start, {left, right: this.parseMaybeAssign()}) : left;
  }

  /** The pattern an expression stands for: an assignment's target or, `binding`, an arrow's parameter. */
  protected toPattern(node: Node, binding: boolean): Node {
    // In parentheses, only a name or a member may be assigned to, and nothing bound.
    if (this.parenthesized.has(node) && (binding || (node.type !== "Identifier" && node.type !== "MemberExpression"))) {
      this.raise(node.start, binding ? "Parenthesized pattern" : "Assigning to rvalue");
    }
    switch (node.type) {
      case "Identifier":
        return this.checkName(node, binding);
      case "MemberExpression":
        if (binding) break;
        return node;
      case "ChainExpression":
        return this.raise(node.start, "Optional chaining cannot appear in left-hand side");
      case "AssignmentPattern":
      case "RestElement":
      case "ObjectPattern":
      case "ArrayPattern":
        return node;
      case "ObjectExpression":
      case "ArrayExpression": {
        const object = node.type === "ObjectExpression";
        const items: Array<Node | null> = object ? node.properties : node.elements;
        items.forEach((item, i) => {
          if (item === null) return;
          if (item.type === "SpreadElement") {
            if (i < items.length - 1 || (!object && this.input.slice(item.end, node.end - 1).includes(","))) this.raise(item.start, "Comma is not permitted after the rest element");
            const argument = this.toPattern(item.argument, binding);
            if (argument.type === "AssignmentPattern" || (object && argument.type !== "Identifier" && argument.type !== "MemberExpression")) this.raise(argument.start, "Unexpected token");
            item.type = "RestElement";
            item.argument = argument;
          } else if (object) {
            if (item.kind !== "init" || item.method) this.raise(item.key.start, "Object pattern can't contain getter or setter");
            item.value = this.toPattern(item.value, binding);
          } else items[i] = this.toPattern(item, binding);
        });
        node.type = object ? "ObjectPattern" : "ArrayPattern";
        return node;
      }
      case "AssignmentExpression":
        if (node.operator !== "=") this.raise(node.left.end, "Only '=' operator can be used for specifying default value.");
        delete node.operator;
        node.type = "AssignmentPattern";
        node.left = this.toPattern(node.left, binding);
        return node;
    }
    return this.raise(node.start, "Assigning to rvalue");
  }

  protected checkSimpleTarget(node: Node): Node {
    if (node.type === "ChainExpression") this.raise(node.start, "Optional chaining cannot appear in left-hand side");
    if (node.type !== "Identifier" && node.type !== "MemberExpression") this.raise(node.start, "Assigning to rvalue");
    return node.type === "Identifier" ? this.checkName(node, false) : node;
  }

  /** Strict mode code may neither bind nor assign `eval` and `arguments`. */
  protected checkName(node: Node, binding: boolean): Node {
    if (this.strict && (node.name === "eval" || node.name === "arguments")) this.raise(node.start, `${binding ? "Binding" : "Assigning to"} ${node.name} in strict mode`);
    return node;
  }
}
