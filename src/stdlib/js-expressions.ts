// Expressions of the reader's small JavaScript parser (js-parser.ts has the statements). Each
// `parseX` starts at the current token and leaves the token after what it read. Nodes are
// acorn's ESTree nodes: same types, fields, operators and `start`/`end`.
import {keywords, PatternParser, type Node} from "./js-patterns.ts";
import type {TemplatePart} from "./js-tokenizer.ts";

export type {Node} from "./js-patterns.ts";

const binaryPrecedence: Record<string, number> = {
  "??": 1, "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5,
  "==": 6, "!=": 6, "===": 6, "!==": 6,
  "<": 7, ">": 7, "<=": 7, ">=": 7, in: 7, instanceof: 7,
  "<<": 8, ">>": 8, ">>>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10
};
const assignment = /^(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=$/;
const prefixOperators = new Set(["!", "~", "+", "-", "++", "--", "typeof", "void", "delete"]);

/** What a function is, for its parameters' rules: only a plain function's may repeat a name. */
export type FunctionKind = "function" | "method" | "arrow";

/** The expression half of the parser; the statements (and function bodies) come from js-parser.ts. */
export abstract class ExpressionParser extends PatternParser {
  /** Where an arrow function may start (the start of an assignment expression). */
  private arrowAt = -1;

  /** A function's body (an arrow's may be an expression), with the parser's state for a new function. */
  protected abstract parseFunctionBody(params: Node[], kind: FunctionKind, noIn: boolean): {body: Node; expression: boolean};

  protected parseExpression(noIn = false): Node {
    const start = this.start;
    const first = this.parseMaybeAssign(noIn);
    if (!this.is(",")) return first;
    const expressions = [first];
    while (this.eat(",")) expressions.push(this.parseMaybeAssign(noIn));
    return this.node("SequenceExpression", start, {expressions});
  }

  protected parseMaybeAssign(noIn = false, cover = false): Node {
    const start = (this.arrowAt = this.start);
    const mark = this.cover.length;
    const left = this.parseMaybeConditional(noIn);
    const operator = this.value as string;
    if (this.type === "punc" && assignment.test(operator)) {
      if (this.ecmaVersion < 12 && operator.length === 3 && /[&|?]/.test(operator[0]!)) this.unexpected();
      const target = operator === "=" ? this.toPattern(left, false) : this.checkSimpleTarget(left);
      this.cover.length = mark;
      this.next();
      return this.node("AssignmentExpression", start, {operator, left: target, right: this.parseMaybeAssign(noIn)});
    }
    if (!cover) this.checkCover(mark);
    return left;
  }

  protected checkCover(mark: number): void {
    const error = this.cover[mark];
    if (error) this.raise(...error);
  }

  private parseMaybeConditional(noIn: boolean): Node {
    const start = this.start;
    const test = this.parseExprOp(this.parseMaybeUnary(noIn), start, -1, noIn);
    if (isArrowAt(test, start) || !this.eat("?")) return test;
    const consequent = this.parseMaybeAssign();
    this.expect(":");
    return this.node("ConditionalExpression", start, {test, consequent, alternate: this.parseMaybeAssign(noIn)});
  }

  private parseExprOp(left: Node, start: number, minPrecedence: number, noIn: boolean): Node {
    const operator = this.value as string;
    let precedence = this.type === "punc" || this.isName("in") || this.isName("instanceof") ? binaryPrecedence[operator] : undefined;
    if (precedence === undefined || precedence <= minPrecedence || (noIn && this.isName("in")) || isArrowAt(left, start)) return left;
    const logical = operator === "||" || operator === "&&";
    const coalesce = operator === "??";
    // `a ?? b || c` needs parentheses: the right side of `??` stops before `||` and `&&`.
    if (coalesce) precedence = binaryPrecedence["&&"]!;
    this.next();
    const rightStart = this.start;
    const right = this.parseExprOp(this.parseMaybeUnary(noIn), rightStart, precedence, noIn);
    const node = this.node(logical || coalesce ? "LogicalExpression" : "BinaryExpression", start, {left, operator, right});
    if ((logical && this.is("??")) || (coalesce && (this.is("||") || this.is("&&")))) {
      this.raise(this.start, "Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses");
    }
    return this.parseExprOp(node, start, minPrecedence, noIn);
  }

  private parseMaybeUnary(noIn: boolean, sawUnary = false, update = false): Node {
    const start = this.start;
    const operator = this.value as string;
    let expression: Node;
    if ((this.type === "punc" || this.type === "name") && prefixOperators.has(operator)) {
      const isUpdate = operator === "++" || operator === "--";
      this.next();
      const argument = this.parseMaybeUnary(noIn, true, isUpdate);
      if (isUpdate) this.checkSimpleTarget(argument);
      else if (this.strict && operator === "delete" && argument.type === "Identifier") this.raise(start, "Deleting local variable in strict mode");
      else sawUnary = true;
      expression = this.node(isUpdate ? "UpdateExpression" : "UnaryExpression", start, {operator, prefix: true, argument});
    } else {
      expression = this.parseExprSubscripts(noIn);
      while ((this.is("++") || this.is("--")) && !this.newlineBefore) {
        this.checkSimpleTarget(expression);
        const operator = this.value;
        this.next();
        expression = this.node("UpdateExpression", start, {operator, prefix: false, argument: expression});
      }
    }
    if (update || isArrowAt(expression, start) || !this.eat("**")) return expression;
    if (sawUnary) this.unexpected(this.lastEnd - 2);
    return this.node("BinaryExpression", start, {left: expression, operator: "**", right: this.parseMaybeUnary(noIn)});
  }

  private parseExprSubscripts(noIn: boolean): Node {
    const start = this.start;
    const mark = this.cover.length;
    const atom = this.parseExprAtom(noIn);
    if (atom.type === "ArrowFunctionExpression" && this.input[this.lastEnd - 1] !== ")") return atom;
    const result = this.parseSubscripts(atom, start, false);
    if (result !== atom) this.checkCover(mark);
    return result;
  }

  private parseSubscripts(base: Node, start: number, noCalls: boolean): Node {
    let chained = false;
    for (;;) {
      const optional = this.eat("?.");
      if (optional && noCalls) this.raise(this.lastEnd - 2, "Optional chaining cannot appear in the callee of new expressions");
      chained ||= optional;
      const computed = this.eat("[");
      if (computed || (optional && !this.is("(") && !this.is("`")) || this.eat(".")) {
        const property = computed ? this.parseExpression() : this.parseIdent(true);
        if (computed) this.expect("]");
        base = this.node("MemberExpression", start, {object: base, property, computed, optional});
      } else if (!noCalls && this.eat("(")) {
        const args = this.parseExprList(")");
        if (base.type === "Identifier" && base.name === "async" && this.is("=>") && !this.newlineBefore) this.unsupported(start, "async arrow functions");
        base = this.node("CallExpression", start, {callee: base, arguments: args, optional});
      } else if (this.is("`")) {
        if (chained) this.raise(this.start, "Optional chaining cannot appear in the tag of tagged template expressions");
        const quasi = this.parseTemplate(true);
        base = this.node("TaggedTemplateExpression", start, {tag: base, quasi});
      } else break;
    }
    return chained ? this.node("ChainExpression", start, {expression: base}) : base;
  }

  private parseExprAtom(noIn = false): Node {
    const start = this.start;
    const canArrow = start === this.arrowAt;
    const raw = () => this.input.slice(start, this.end);
    switch (this.type) {
      case "name": {
        const word = this.value as string;
        switch (word) {
          case "this":
            this.next();
            return this.node("ThisExpression", start, {});
          case "null":
          case "true":
          case "false": {
            this.next();
            return this.node("Literal", start, {value: word === "null" ? null : word === "true", raw: word});
          }
          case "function":
            return this.parseFunction(start, false);
          case "new":
            return this.parseNew();
          case "class":
          case "super":
          case "import":
            return this.unsupported(start, word);
          case "async": {
            const after = this.peek();
            if (!after.newlineBefore && after.type === "name" && after.value !== "in" && after.value !== "instanceof") this.unsupported(start, after.value === "function" ? "async functions" : "async arrow functions");
          }
        }
        const id = this.parseIdent();
        if (canArrow && this.is("=>") && !this.newlineBefore) return this.parseArrow(start, [id], noIn);
        return id;
      }
      case "num":
      case "string": {
        const value = this.value;
        const text = raw();
        this.next();
        return this.node("Literal", start, typeof value === "bigint" ? {value, raw: text, bigint: value.toString()} : {value, raw: text});
      }
      case "eof":
        return this.unexpected();
    }
    switch (this.value) {
      case "(":
        return this.parseParenAndDistinguish(canArrow, noIn);
      case "[": {
        this.next();
        return this.node("ArrayExpression", start, {elements: this.parseExprList("]", true)});
      }
      case "{":
        return this.parseObject();
      case "`":
        return this.parseTemplate(false);
      case "/":
      case "/=": {
        const {pattern, flags, value} = this.readRegex();
        const text = raw();
        this.next();
        return this.node("Literal", start, {value, raw: text, regex: {pattern, flags}});
      }
    }
    return this.unexpected();
  }

  /** A list of expressions up to `close`, with holes for an array. */
  private parseExprList(close: string, array = false): Array<Node | null> {
    return this.parseList(close, () => {
      if (array && this.is(",")) return null;
      const start = this.start;
      if (!this.eat("...")) return this.parseMaybeAssign(false, array);
      return this.node("SpreadElement", start, {argument: this.parseMaybeAssign(false, array)});
    });
  }

  private parseNew(): Node {
    const start = this.start;
    this.next();
    if (this.is(".")) this.unsupported(start, "new.target");
    const calleeStart = this.start;
    const callee = this.parseSubscripts(this.parseExprAtom(), calleeStart, true);
    const args = this.eat("(") ? this.parseExprList(")") : [];
    return this.node("NewExpression", start, {callee, arguments: args});
  }

  private parseParenAndDistinguish(canArrow: boolean, noIn: boolean): Node {
    const start = this.start;
    const mark = this.cover.length;
    this.next();
    const innerStart = this.start;
    const list: Node[] = [];
    let trailingComma = false;
    let restAt = -1;
    while (!this.is(")")) {
      if (list.length > 0) {
        this.expect(",");
        if (this.is(")")) {
          trailingComma = true;
          break;
        }
      }
      if (this.is("...")) {
        restAt = this.start;
        list.push(this.restEnds(")", this.parseRest()));
        break;
      }
      list.push(this.parseMaybeAssign(false, true));
    }
    const innerEnd = this.lastEnd;
    this.expect(")");
    if (canArrow && this.is("=>") && !this.newlineBefore) {
      this.cover.length = mark;
      return this.parseArrow(start, list.map((param) => this.toPattern(param, true)), noIn);
    }
    if (list.length === 0 || trailingComma) this.unexpected(this.lastEnd - 1);
    if (restAt >= 0) this.unexpected(restAt);
    this.checkCover(mark);
    const value = list.length > 1 ? {type: "SequenceExpression", start: innerStart, end: innerEnd, expressions: list} : list[0]!;
    this.parenthesized.add(value);
    return value;
  }

  private parseArrow(start: number, params: Node[], noIn: boolean): Node {
    this.next();
    const {body, expression} = this.parseFunctionBody(params, "arrow", noIn);
    return this.node("ArrowFunctionExpression", start, {id: null, expression, generator: false, async: false, params, body});
  }

  /** `function name(params) {...}`, from the `function` keyword. */
  protected parseFunction(start: number, statement: boolean): Node {
    this.next();
    if (this.is("*")) this.unsupported(start, "generator functions");
    const id = statement || this.type === "name" ? this.parseIdent() : null;
    return this.parseFunctionRest(start, statement ? "FunctionDeclaration" : "FunctionExpression", id, "function");
  }

  private parseFunctionRest(start: number, type: string, id: Node | null, kind: FunctionKind): Node {
    this.expect("(");
    const params = this.parseBindingList(")") as Node[];
    const {body} = this.parseFunctionBody(params, kind, false);
    return this.node(type, start, {id, expression: false, generator: false, async: false, params, body});
  }

  private parseObject(): Node {
    const start = this.start;
    this.next();
    let sawProto = false;
    const properties = this.parseList("}", () => {
      const property = this.parseProperty();
      if (property.type === "Property" && property.kind === "init" && !property.computed && !property.method && !property.shorthand && (property.key.name ?? property.key.value) === "__proto__") {
        if (sawProto) this.cover.push([property.key.start, "Redefinition of __proto__ property"]);
        sawProto = true;
      }
      return property;
    });
    return this.node("ObjectExpression", start, {properties});
  }

  private parseProperty(): Node {
    const start = this.start;
    if (this.eat("...")) return this.node("SpreadElement", start, {argument: this.parseMaybeAssign(false, true)});
    if (this.is("*")) this.unsupported(start, "generator methods");
    let kind = "init";
    if (this.type === "name" && /^(get|set|async)$/.test(this.value as string)) {
      const after = this.peek();
      const modifies = after.type !== "punc" || after.value === "[" || after.value === "*";
      if (this.value === "async") {
        if (modifies && !after.newlineBefore) this.unsupported(start, "async methods");
      } else if (modifies) {
        kind = this.value as string;
        this.next();
      }
    }
    const keyIsWord = this.type === "name";
    const {key, computed} = this.parsePropertyName();
    if (kind !== "init" || this.is("(")) {
      const value = this.parseFunctionRest(this.start, "FunctionExpression", null, "method");
      const count = value.params.length;
      if (kind === "get" && count !== 0) this.raise(value.start, "getter should have no params");
      if (kind === "set" && (count !== 1 || value.params[0].type === "RestElement")) this.raise(value.start, "setter should have exactly one param");
      return this.node("Property", start, {method: kind === "init", shorthand: false, computed, key, value, kind});
    }
    if (this.eat(":")) return this.node("Property", start, {method: false, shorthand: false, computed, key, value: this.parseMaybeAssign(false, true), kind});
    if (!keyIsWord || computed || !(this.is(",") || this.is("}") || this.is("="))) this.unexpected();
    if (keywords.has(key.name)) this.raise(key.start, `Unexpected keyword '${key.name}'`);
    let value: Node = {...key};
    if (this.is("=")) {
      this.cover.push([this.start, "Shorthand property assignments are valid only in destructuring patterns"]);
      this.next();
      value = this.node("AssignmentPattern", key.start, {left: value, right: this.parseMaybeAssign()});
    }
    return this.node("Property", start, {method: false, shorthand: true, computed, key, value, kind});
  }

  protected parsePropertyName(): {key: Node; computed: boolean} {
    if (this.eat("[")) {
      const key = this.parseMaybeAssign();
      this.expect("]");
      return {key, computed: true};
    }
    const key = this.type === "num" || this.type === "string" ? this.parseExprAtom() : this.parseIdent(true);
    return {key, computed: false};
  }

  private parseTemplate(tagged: boolean): Node {
    const start = this.start;
    const quasis: Node[] = [];
    const expressions: Node[] = [];
    for (;;) {
      const part: TemplatePart = this.readTemplatePart();
      if (part.cooked === null && !tagged) this.raise(part.badEscape!, "Bad escape sequence in untagged template literal");
      quasis.push({type: "TemplateElement", start: part.start, end: part.end, value: {raw: part.raw, cooked: part.cooked}, tail: part.tail});
      if (part.tail) break;
      this.next();
      expressions.push(this.parseExpression());
      if (!this.is("}")) this.unexpected();
    }
    this.next();
    return this.node("TemplateLiteral", start, {expressions, quasis});
  }
}

/** An arrow function that starts at `start`, not in parentheses: nothing may follow it in an expression. */
function isArrowAt(node: Node, start: number): boolean {
  return node.type === "ArrowFunctionExpression" && node.start === start;
}
