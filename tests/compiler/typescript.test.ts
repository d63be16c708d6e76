import {describe, expect, it} from "vitest";
import {compile, evaluate} from "./compile.ts";

const ts = (source: string) => compile(source, "ts");
const run = (source: string, ...inputs: unknown[]) => {
  const cell = ts(source);
  expect(cell.error).toBeUndefined();
  return evaluate(cell)(...inputs);
};

describe("compileCell runs TypeScript cells", () => {
  it("compileCell strips annotations of variables, parameters, returns and optional parameters", () => {
    expect(run("const n: number = 40;\nfunction add(a: number, b?: number): number { return a + (b ?? 2); }\nconst total: number = add(n);").total).toBe(42);
    expect(run("(rate: number, years: number = 2): string => (rate * years).toFixed(1)")(1.25)).toBe("2.5");
  });

  it("compileCell drops interfaces and type aliases, which declare no outputs", () => {
    const cell = ts("interface Event { year: number; kind: string }\ntype Events = Event[];\nconst events: Events = [{year: 2011, kind: \"warning\"}];\nconst first = events[0]!.year;");
    expect(cell.outputs).toEqual(["events", "first"]);
    expect(evaluate(cell)().first).toBe(2011);
  });

  it("compileCell strips a function's this parameter, with its comma, leaving the others", () => {
    const source = "const counter = {n: 2, bump: function (this: {n: number}, by: number) { return this.n + by; }};\nfunction self(this: unknown) { return this; }\nconst total = counter.bump(3);\nconst marker = {};\nconst alone = self.call(marker) === marker;";
    expect(run(source)).toMatchObject({total: 5, alone: true});
  });

  it("compileCell strips generics of functions, classes and calls", () => {
    expect(run("function firstOf<T>(items: T[]): T | undefined { return items[0]; }\nconst pick = firstOf<string>([\"a\", \"b\"]);").pick).toBe("a");
    expect(run("class Box<T> { value: T; constructor(value: T) { this.value = value; } }\nconst box = new Box<number>(7);").box.value).toBe(7);
    expect(run("const m = new Map<string, number[]>([[\"k\", [1, 2]]]);\nconst n = m.get(\"k\")!.length;").n).toBe(2);
  });

  it("compileCell strips as, satisfies, non-null assertions and angle-bracket-free casts in expressions", () => {
    expect(run("(x as unknown as number) * 2", 21)).toBe(42);
    expect(run("const config = {width: 640} satisfies {width: number};\nconst w = config.width;").w).toBe(640);
    expect(run("x!.length", "four")).toBe(4);
  });

  it("compileCell keeps the parentheses of a parenthesized expression cast with as, satisfies or !", () => {
    expect(run("const bit = (x ^ 1) as 0 | 1;\nconst sum = ((x + 1) /* cast */) satisfies number;\nconst len = (y)!.length;", 1, "abc")).toEqual({bit: 0, sum: 2, len: 3});
  });

  it("compileCell strips class modifiers, implements, abstract and definite fields", () => {
    const source = [
      "interface Named { name: string }",
      "abstract class Base { abstract label(): string; protected readonly kind: string = \"case\"; }",
      "class Case extends Base implements Named {",
      "  public name!: string;",
      "  private static count?: number = 0;",
      "  override label(): string { return `${this.kind}:${this.name}`; }",
      "}",
      "const c = new Case();",
      "c.name = \"kenya\";",
      "const label = c.label();"
    ].join("\n");
    expect(run(source).label).toBe("case:kenya");
  });

  it("compileCell drops type-only imports and keeps value imports", () => {
    const cell = ts(`import type {Table} from "apache-arrow";\nimport {type Selection, select} from "d3";\nconst t: Table | null = null;`);
    expect(cell.error).toBeUndefined();
    expect(cell.imports).toEqual(["d3"]);
    expect(cell.body).not.toMatch(/Table\b.*=.*__import|Selection/);
  });

  it("compileCell reads a TypeScript expression cell as an expression that displays", () => {
    const cell = ts("{year: 2011 as number, deaths: x}");
    expect(cell.autodisplay).toBe(true);
    expect(evaluate(cell)(5)).toEqual({year: 2011, deaths: 5});
  });
});

describe("compileCell positions TypeScript errors in the cell", () => {
  it("compileCell reports a syntax error after type syntax at the cell's own line and column", () => {
    expect(ts("const a: Array<number> = [1];\nconst b: string = ;").error).toEqual({message: "Unexpected token", line: 2, column: 19});
  });

  it("compileCell reports an assignment error after stripped types at its column", () => {
    expect(ts("const local: number = 1;\nfunction f(p: string): void {}\nx = local as number;").error).toEqual({
      message: "Assignment to external variable 'x'",
      line: 3,
      column: 1
    });
  });

  it("compileCell keeps every line of a TypeScript cell where it was, types spanning lines included", () => {
    const source = "type Row = {\n  year: number;\n};\nconst rows: Row[] = [];\nthrow new Error(\"line five\");";
    const cell = ts(source);
    expect(() => evaluate(cell)()).toThrow("line five");
    // The body is the function's first line, then the cell's lines as they were.
    const bodyLines = cell.body.split("\n");
    expect(bodyLines.findIndex((line) => line.includes("line five"))).toBe(5);
    expect(bodyLines.slice(1, 6).map((line) => line.length)).toEqual(source.split("\n").map((line) => line.length));
  });

  it("compileCell refuses enums and namespaces on their line, saying what to write instead", () => {
    expect(ts("const a = 1;\nenum Color { Red, Blue }").error).toMatchObject({line: 2, column: 1, message: expect.stringMatching(/^TypeScript enums are not supported .*use an object/)});
    expect(ts("namespace N { export const x = 1; }").error?.message).toMatch(/^TypeScript namespaces are not supported/);
    expect(ts("class P { constructor(private x: number) {} }").error).toMatchObject({line: 1, column: 23, message: expect.stringMatching(/parameter properties/)});
  });
});
