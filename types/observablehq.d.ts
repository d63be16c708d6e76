// @observablehq/runtime, inspector and inputs ship no type declarations (observablehq/runtime#326).
// These cover the parts MAPT uses.

declare module "@observablehq/runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export interface VariableOptions {
    /** Per-variable inputs that shadow the module scope (runtime v6). */
    shadow?: Record<string, (...args: any[]) => unknown>;
  }
  export class Variable {
    define(name: string | null, inputs: string[], definition: (...args: any[]) => unknown): this;
    define(inputs: string[], definition: (...args: any[]) => unknown): this;
    define(definition: (...args: any[]) => unknown): this;
    import(remote: string, name: string, module: Module): this;
    import(name: string, module: Module): this;
    delete(): this;
  }
  export class Module {
    variable(observer?: Observer | boolean, options?: VariableOptions): Variable;
    define(name: string, inputs: string[], definition: (...args: any[]) => unknown): Variable;
    redefine(name: string, inputs: string[], definition: (...args: any[]) => unknown): Variable;
    value(name: string): Promise<unknown>;
    derive(specifiers: Array<string | {name: string; alias: string}>, source: Module): Module;
    builtin(name: string, value: unknown): void;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    input?: string;
  }
}

declare module "@observablehq/inspector" {
  export class Inspector {
    constructor(element: Element);
    pending(): void;
    fulfilled(value: unknown, name?: string | null): void;
    rejected(error: unknown, name?: string | null): void;
    static into(container: Element | string): () => Inspector;
  }
}

declare module "@observablehq/inputs" {
  type Input = HTMLElement & {value: any};
  export function table(data: unknown, options?: Record<string, unknown>): Input;
  export function range(extent?: [number, number], options?: Record<string, unknown>): Input;
  export function select(data: unknown, options?: Record<string, unknown>): Input;
  export function file(options?: Record<string, unknown>): Input;
}

declare module "@observablehq/parser" {
  export function parseCell(input: string, options?: Record<string, unknown>): any;
  export function parseModule(input: string, options?: Record<string, unknown>): any;
  export class CellParser {}
}
