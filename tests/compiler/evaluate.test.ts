import {describe, expect, it} from "vitest";
import {compileNotebook} from "../../src/compiler/index.ts";
import {createNotebook} from "../../src/notebook/index.ts";
import {sqlTag} from "../../src/stdlib/index.ts";
import {compile, evaluate} from "./compile.ts";
import {Window} from "happy-dom";
import {parseTemplate} from "../../src/compiler/parseTemplate.ts";
import {createMd} from "../../src/stdlib/md.ts";
import {createPrerenderedMd} from "../../src/stdlib/md-fill.ts";

const document = new Window().document as unknown as Document;

/** A stand-in `md`/`html`/`tex` tag: joins the strings and values, so the test sees the text. */
const join = (strings: TemplateStringsArray, ...values: unknown[]) => strings.reduce((out, s, i) => out + String(values[i - 1]) + s);

describe("compileCell bodies evaluate", () => {
  it("compileCell expression bodies return the value", () => {
    expect(evaluate(compile("1 + x"))(2)).toBe(3);
    expect(evaluate(compile("{a: 1, b: x}"))(2)).toEqual({a: 1, b: 2});
  });

  it("compileCell program bodies return their outputs", () => {
    const cell = compile("const a = x * 2;\nconst {b} = {b: a + 1};\nfunction f() { return b; } // last line comment");
    expect(cell.outputs).toEqual(["a", "b", "f"]);
    const result = evaluate(cell)(5);
    expect([result.a, result.b, result.f()]).toEqual([10, 11, 11]);
  });

  it("compileCell names a view whose call ends with a trailing comma (a call split over lines)", () => {
    const cell = compile("const speed = view(\n  slider(3), // the input\n);\nconst level = view(slider(1) /* , */);");
    expect(cell.inputs).toEqual(["view", "slider"]);
    const calls: unknown[][] = [];
    const result = evaluate(cell)((...args: unknown[]) => (calls.push(args), args[0]), (n: number) => n * 10);
    expect(result).toEqual({speed: 30, level: 10});
    expect(calls).toEqual([[30, "speed"], [10, "level"]]);
  });

  it("compileCell async bodies resolve to the value", async () => {
    await expect(evaluate(compile("await Promise.resolve(x) + 1"))(41)).resolves.toBe(42);
    await expect(evaluate(compile("const v = await Promise.resolve(x);"))(7)).resolves.toEqual({v: 7});
  });

  it("compileCell generator bodies yield each value", () => {
    expect([...evaluate(compile("for (let i = 0; i < n; ++i) yield i * 2;"))(3, () => {})]).toEqual([0, 2, 4]);
  });

  it("compileCell makes every loop call __guard on each turn with its line, in nested functions and single-statement bodies too", () => {
    const cell = compile("let n = 0;\nwhile (n < 3) n++;\nconst f = () => {\n  for (const x of [1, 2]) { n += x; }\n};\nf();\ndo n++; while (n < 10);");
    expect(cell.inputs).toEqual(["__guard"]);
    const turns: number[] = [];
    expect(evaluate(cell)((line: number) => turns.push(line))).toEqual({n: 10, f: expect.any(Function)});
    expect(turns).toEqual([2, 2, 2, 4, 4, 7, 7, 7, 7]);
  });

  it("compileCell's loop guard stops a loop by throwing, as the runtime's builtin does past its limit", () => {
    const cell = compile("while (true) {}");
    let turns = 0;
    expect(() => evaluate(cell)(() => {
      if (++turns === 1000) throw new Error("stopped at turn 1000");
    })).toThrow("stopped at turn 1000");
  });

  it("compileCell static imports call __import and bind the names", async () => {
    const modules: Record<string, object> = {"npm:d3": {sum: (a: number[]) => a.reduce((x, y) => x + y), max: Math.max}, x: {default: "dflt"}};
    const cell = compile('import {sum as total, max} from "npm:d3";\nimport d from "x";\nimport * as ns from "x";');
    const result = await evaluate(cell)(async (specifier: string) => modules[specifier]);
    expect([result.total([1, 2]), result.max(1, 3), result.d, result.ns]).toEqual([3, 3, "dflt", modules.x]);
  });

  it("compileCell md bodies show what the md tag shows for the same text and values, with no Markdown renderer in the page", () => {
    const source = "# Deaths in ${country}\n\nBackticks ` and ``` and \\ backslashes \\n and $ and {braces} and \\${not} and **${x}** <a href=\"${url}\">link</a> end\r";
    const cell = compile(source, "md");
    expect(cell.inputs).toEqual(["__md", "country", "x", "url"]);
    const values = ["Kenya", "<b>42</b>", "javascript:alert(1)"];
    const shown = evaluate(cell)(createPrerenderedMd(document), ...values) as HTMLElement;
    const {quasis} = parseTemplate(source);
    const expected = createMd(document)(Object.assign([...quasis], {raw: quasis}), ...values);
    expect(shown.outerHTML).toBe(expected.outerHTML);
    expect(shown.querySelector("h1")!.textContent).toBe("Deaths in Kenya");
    expect(shown.querySelector("strong")!.textContent).toBe("<b>42</b>");
    expect(shown.querySelector("p a")!.hasAttribute("href")).toBe(false);
    expect(shown.textContent).toContain("and ${not} and");
  });

  it("compileCell md bodies never read authored text that looks like a slot as a value", () => {
    const cell = compile("MAPTSLOT0X0X and ${x}", "md");
    expect((evaluate(cell)(createPrerenderedMd(document), 7) as HTMLElement).textContent).toBe("MAPTSLOT0X0X and 7\n");
  });

  it("compileCell tex bodies give the exact text in both cooked and raw strings", () => {
    const tex = {block: (strings: TemplateStringsArray, ...values: unknown[]) => ({raw: String.raw(strings, ...values), cooked: join(strings, ...values)})};
    const cell = compile("\\frac{${a}}{2} \\text{`x`} \\underline{y}", "tex");
    const text = "\\frac{1}{2} \\text{`x`} \\underline{y}";
    expect(evaluate(cell)(tex, 1)).toEqual({raw: text, cooked: text});
  });

  it("compileCell sql bodies hand interpolations to the tag as values", () => {
    const db = {sql: (strings: TemplateStringsArray, ...values: unknown[]) => ({strings: [...strings], values})};
    const cell = compile("SELECT * FROM t\nWHERE a = ${x} AND b LIKE '%`\\%'", "sql");
    expect(cell.inputs).toEqual(["__sql", "db", "invalidation", "x"]);
    expect(evaluate(cell)(sqlTag, db, undefined, "O'Brien; DROP TABLE t")).toEqual({
      strings: ["SELECT * FROM t\nWHERE a = ", " AND b LIKE '%`\\%'"],
      values: ["O'Brien; DROP TABLE t"]
    });
  });

  it("compileCell ojs bodies read viewof and mutable through renamed parameters", () => {
    const cell = compile("total = (viewof n).value + n + (mutable m)", "ojs");
    expect(evaluate(cell)({value: 1}, 2, {value: 3})).toBe(6);
    const assign = compile("{ mutable m = 5; return mutable m; }", "ojs");
    const holder = {value: 0};
    expect(evaluate(assign)(holder)).toBe(5);
    expect(holder.value).toBe(5);
  });

  it("compileNotebook compiles every cell in order", () => {
    const notebook = createNotebook({cells: [{mode: "md", source: "# Hi"}, {source: "1 + 1"}, {source: "1 +"}]});
    const cells = compileNotebook(notebook);
    expect(cells.map((cell) => [cell.id, cell.mode, cell.error === undefined])).toEqual([[1, "md", true], [2, "js", true], [3, "js", false]]);
    expect(cells[0]!.staticHtml).toBe('<h1 id="hi"><a class="mapt-anchor" href="#hi" aria-label="Link to this heading"></a>Hi</h1>\n');
  });
});
