// The names each scope declares, for the parser's one check of them: a name declared twice
// where JavaScript forbids it (`let a; var a`, `function f(a) { let a }`).

/** How a name is declared: `var` (and parameters), `let`/`const`, or a sloppy-mode function. */
export type Binding = "var" | "lexical" | "function";

interface Scope {
  /** A function's (or the script's) scope, where `var` stops; else a block's. */
  function: boolean;
  var: Set<string>;
  lexical: Set<string>;
  functions: Set<string>;
}

/** The scopes around the parser's position, innermost last. */
export class Scopes {
  private stack: Scope[] = [];

  enter(isFunction: boolean): void {
    this.stack.push({function: isFunction, var: new Set(), lexical: new Set(), functions: new Set()});
  }

  exit(): void {
    this.stack.pop();
  }

  /** Declares `name`; whether that declares it again where JavaScript forbids it. */
  declare(name: string, binding: Binding): boolean {
    const scope = this.stack.at(-1)!;
    switch (binding) {
      case "lexical": {
        const again = scope.lexical.has(name) || scope.functions.has(name) || scope.var.has(name);
        scope.lexical.add(name);
        return again;
      }
      case "function": {
        // A function scope's functions are as its vars; a block's are as its lexical names.
        const again = scope.lexical.has(name) || (!scope.function && scope.var.has(name));
        scope.functions.add(name);
        return again;
      }
      case "var":
        for (let i = this.stack.length - 1; i >= 0; i--) {
          const outer = this.stack[i]!;
          if (outer.lexical.has(name) || (!outer.function && outer.functions.has(name))) return true;
          outer.var.add(name);
          if (outer.function) break;
        }
        return false;
    }
  }

  /** Whether the innermost scope is a function's (or the script's). */
  inFunctionScope(): boolean {
    return this.stack.at(-1)!.function;
  }
}
