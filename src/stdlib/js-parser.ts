// A small JavaScript parser for reader pages, in place of acorn (35 kB gzip, which does not
// tree-shake). It gives acorn's ESTree tree, offsets included, for what its two users parse:
// Arquero's table expressions (`expr=(...)`, src/vite/import-redirects.ts points Arquero's
// acorn import here) and the functions Arquero generates, which src/stdlib/generated-code.ts
// interprets on pages whose policy refuses `Function`. That is every expression form and the
// statements those functions use; the rest (classes, generators, async functions, modules,
// try, labels, for-in/of) fails with a SyntaxError naming it.
import {ExpressionParser, type FunctionKind, type Node} from "./js-expressions.ts";
import {strictReserved} from "./js-patterns.ts";
import {Scopes, type Binding} from "./js-scopes.ts";
import type {ParseOptions} from "./js-tokenizer.ts";

export type {Node} from "./js-expressions.ts";
export type {ParseOptions} from "./js-tokenizer.ts";

/** Where a statement stands: alone as the body of an `if` or a loop, or in a list. */
type Context = "if" | "loop" | undefined;

const unsupportedStatements = new Map([
  ["try", "try statements"],
  ["with", "with statements"],
  ["class", "class"],
  ["import", "import"],
  ["export", "export"],
  ["debugger", "debugger statements"]
]);

class Parser extends ExpressionParser {
  private inFunction = false;
  /** Loops and switches around the statement, in its function. */
  private breakable = 0;
  /** Loops around the statement, in its function. */
  private loops = 0;
  private scopes = new Scopes();

  parseProgram(): Node {
    this.scopes.enter(true);
    this.next();
    const body = this.parseStatements("eof");
    return {type: "Program", start: 0, end: this.input.length, body, sourceType: "script"};
  }

  /**
   * Statements up to `close` (not read), with a directive prologue's `directive`; "use strict"
   * turns strict mode on after `checkParams` says the function's parameters allow it.
   */
  private parseStatements(close: string, checkParams = () => {}): Node[] {
    const body: Node[] = [];
    let prologue = true;
    while (close === "eof" ? this.type !== "eof" : !this.is(close)) {
      const statement = this.parseStatement();
      body.push(statement);
      const {expression} = statement;
      prologue &&= statement.type === "ExpressionStatement" && expression.type === "Literal" && typeof expression.value === "string" && /["']/.test(this.input[statement.start]!);
      if (!prologue) continue;
      statement.directive = expression.raw.slice(1, -1);
      if (statement.directive === "use strict" && !this.strict) {
        checkParams();
        this.enterStrict();
      }
    }
    return body;
  }

  /** Declares the names a pattern binds in the current scope. */
  private declare(pattern: Node, binding: Binding): void {
    for (const id of boundIdentifiers(pattern)) {
      if (this.scopes.declare(id.name, binding)) this.raise(id.start, `Identifier '${id.name}' has already been declared`);
    }
  }

  /** A block's statements up to `}`, in a scope of their own. */
  private parseBlock(): Node[] {
    this.scopes.enter(false);
    this.expect("{");
    const body = this.parseStatements("}");
    this.scopes.exit();
    return body;
  }

  protected parseFunctionBody(params: Node[], kind: FunctionKind, noIn: boolean): {body: Node; expression: boolean} {
    const names = params.flatMap(boundIdentifiers).map((id) => id.name);
    const clash = names.find((name, i) => names.indexOf(name) !== i);
    if (clash !== undefined && (kind !== "function" || this.strict || !params.every((param) => param.type === "Identifier"))) this.raise(this.start, "Argument name clash");
    const outer = [this.inFunction, this.breakable, this.loops, this.strict] as const;
    [this.inFunction, this.breakable, this.loops] = [true, 0, 0];
    const simple = params.every((param) => param.type === "Identifier");
    const checkParams = () => {
      if (!simple) this.raise(this.start, "Illegal 'use strict' directive in function with non-simple parameter list");
      const reserved = names.find((name) => strictReserved.has(name) || name === "eval" || name === "arguments");
      if (reserved !== undefined) this.raise(this.start, `Binding ${reserved} in strict mode`);
      if (clash !== undefined) this.raise(this.start, "Argument name clash");
    };
    this.scopes.enter(true);
    for (const param of params) this.declare(param, "var");
    let result: {body: Node; expression: boolean};
    if (kind === "arrow" && !this.is("{")) result = {body: this.parseMaybeAssign(noIn), expression: true};
    else {
      const start = this.start;
      this.expect("{");
      const body = this.parseStatements("}", checkParams);
      this.strict = outer[3];
      this.next();
      result = {body: this.node("BlockStatement", start, {body}), expression: false};
    }
    this.scopes.exit();
    [this.inFunction, this.breakable, this.loops, this.strict] = outer;
    return result;
  }

  private semicolon(): void {
    if (!this.eat(";") && !this.canInsertSemicolon()) this.unexpected();
  }

  private canInsertSemicolon(): boolean {
    return this.type === "eof" || this.is("}") || this.newlineBefore;
  }

  private parseParenExpression(): Node {
    this.expect("(");
    const expression = this.parseExpression();
    this.expect(")");
    return expression;
  }

  /** Whether `let` here starts a declaration (else it is a name). */
  private isLet(): boolean {
    if (!this.isName("let")) return false;
    const after = this.peek();
    return after.type === "name" ? after.value !== "in" && after.value !== "instanceof" : after.value === "[" || after.value === "{";
  }

  private parseStatement(context?: Context): Node {
    const start = this.start;
    const word = this.type === "name" ? (this.value as string) : undefined;
    const unsupported = word === undefined ? undefined : unsupportedStatements.get(word);
    if (unsupported !== undefined) this.unsupported(start, unsupported);
    if (word === "var" || word === "const" || this.isLet()) {
      if (context && word !== "var") this.unexpected();
      const declaration = this.parseVar(false);
      this.semicolon();
      return this.node("VariableDeclaration", start, declaration);
    }
    switch (word) {
      case "function": {
        if (context === "loop" || (context && this.strict)) this.unexpected();
        const declaration = this.parseFunction(start, true);
        this.declare(declaration.id, !this.strict ? "function" : this.scopes.inFunctionScope() ? "var" : "lexical");
        return declaration;
      }
      case "if": {
        this.next();
        const test = this.parseParenExpression();
        const consequent = this.parseStatement("if");
        const alternate = this.isName("else") ? (this.next(), this.parseStatement("if")) : null;
        return this.node("IfStatement", start, {test, consequent, alternate});
      }
      case "for":
        return this.parseFor();
      case "while": {
        this.next();
        const test = this.parseParenExpression();
        return this.node("WhileStatement", start, {test, body: this.parseLoopBody()});
      }
      case "do": {
        this.next();
        const body = this.parseLoopBody();
        if (!this.isName("while")) this.unexpected();
        this.next();
        const test = this.parseParenExpression();
        this.eat(";");
        return this.node("DoWhileStatement", start, {body, test});
      }
      case "switch":
        return this.parseSwitch();
      case "return": {
        if (!this.inFunction) this.raise(start, "'return' outside of function");
        this.next();
        const argument = this.eat(";") || this.canInsertSemicolon() ? null : this.parseExpression();
        if (argument) this.semicolon();
        return this.node("ReturnStatement", start, {argument});
      }
      case "break":
      case "continue": {
        this.next();
        if (this.type === "name" && !this.canInsertSemicolon()) this.unsupported(this.start, "labels");
        this.semicolon();
        if (word === "break" ? this.breakable === 0 : this.loops === 0) this.raise(start, `Unsyntactic ${word}`);
        return this.node(word === "break" ? "BreakStatement" : "ContinueStatement", start, {label: null});
      }
      case "throw": {
        this.next();
        if (this.newlineBefore) this.raise(this.lastEnd, "Illegal newline after throw");
        const argument = this.parseExpression();
        this.semicolon();
        return this.node("ThrowStatement", start, {argument});
      }
    }
    if (this.is("{")) {
      const body = this.parseBlock();
      this.next();
      return this.node("BlockStatement", start, {body});
    }
    if (this.eat(";")) return this.node("EmptyStatement", start, {});
    const expression = this.parseExpression();
    if (expression.type === "Identifier" && this.is(":") && expression.end === this.lastEnd) this.unsupported(start, "labels");
    this.semicolon();
    return this.node("ExpressionStatement", start, {expression});
  }

  private parseLoopBody(): Node {
    this.breakable++;
    this.loops++;
    const body = this.parseStatement("loop");
    this.breakable--;
    this.loops--;
    return body;
  }

  /** `var`/`let`/`const` and its declarators (the caller makes the node: a `for` has no semicolon). */
  private parseVar(noIn: boolean): {declarations: Node[]; kind: string} {
    const kind = this.value as string;
    this.next();
    const declarations: Node[] = [];
    do {
      const start = this.start;
      const id = this.parseBindingAtom();
      if (kind !== "var" && id.type === "Identifier" && id.name === "let") this.raise(id.start, "let is disallowed as a lexically bound name");
      let init: Node | null = null;
      if (this.eat("=")) init = this.parseMaybeAssign(noIn);
      else if (!(noIn && (this.isName("in") || this.isName("of")))) {
        if (kind === "const") this.unexpected();
        if (id.type !== "Identifier") this.raise(this.lastEnd, "Complex binding patterns require an initialization value");
      }
      this.declare(id, kind === "var" ? "var" : "lexical");
      declarations.push(this.node("VariableDeclarator", start, {id, init}));
    } while (this.eat(","));
    return {declarations, kind};
  }

  private parseFor(): Node {
    const start = this.start;
    this.next();
    if (this.isName("await")) this.unsupported(this.start, "for await");
    this.scopes.enter(false);
    this.expect("(");
    let init: Node | null = null;
    if (!this.is(";")) {
      const initStart = this.start;
      if (this.isName("var") || this.isName("const") || this.isLet()) init = this.node("VariableDeclaration", initStart, this.parseVar(true));
      else init = this.parseExpression(true);
      if (this.isName("in") || this.isName("of")) this.unsupported(start, `for-${this.value} loops`);
    }
    this.expect(";");
    const test = this.is(";") ? null : this.parseExpression();
    this.expect(";");
    const update = this.is(")") ? null : this.parseExpression();
    this.expect(")");
    const body = this.parseLoopBody();
    this.scopes.exit();
    return this.node("ForStatement", start, {init, test, update, body});
  }

  private parseSwitch(): Node {
    const start = this.start;
    this.next();
    const discriminant = this.parseParenExpression();
    this.scopes.enter(false);
    this.expect("{");
    this.breakable++;
    const cases: Node[] = [];
    let sawDefault = false;
    while (!this.is("}")) {
      const caseStart = this.start;
      if (!this.isName("case") && !this.isName("default")) this.unexpected();
      const isCase = this.isName("case");
      if (!isCase && sawDefault) this.raise(caseStart, "Multiple default clauses");
      sawDefault ||= !isCase;
      this.next();
      const test = isCase ? this.parseExpression() : null;
      this.expect(":");
      const consequent: Node[] = [];
      while (!this.is("}") && !this.isName("case") && !this.isName("default")) consequent.push(this.parseStatement());
      cases.push(this.node("SwitchCase", caseStart, {test, consequent}));
    }
    this.breakable--;
    this.scopes.exit();
    this.next();
    return this.node("SwitchStatement", start, {discriminant, cases});
  }
}

/** The identifiers a parameter or pattern binds. */
function boundIdentifiers(pattern: Node | null): Node[] {
  if (pattern === null) return [];
  switch (pattern.type) {
    case "Identifier":
      return [pattern];
    case "AssignmentPattern":
      return boundIdentifiers(pattern.left);
    case "RestElement":
      return boundIdentifiers(pattern.argument);
    case "ArrayPattern":
      return pattern.elements.flatMap(boundIdentifiers);
    case "ObjectPattern":
      return pattern.properties.flatMap((p: Node) => boundIdentifiers(p.type === "Property" ? p.value : p));
  }
  return [];
}

/**
 * Parses a script as acorn's `parse` does, for the syntax this parser covers (see the top of
 * this file). Throws a SyntaxError with `(line:column)` and acorn's `pos`/`loc` fields.
 */
export function parse(input: string, options?: ParseOptions): Node {
  return new Parser(String(input), options).parseProgram();
}
