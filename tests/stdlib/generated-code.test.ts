import {readFileSync} from "node:fs";
import path from "node:path";
import * as aq from "arquero";
import {describe, expect, it} from "vitest";
import {interpretFunction} from "../../src/stdlib/generated-code.ts";
import {libraryEdits} from "../../src/vite/library-edits.ts";

const root = path.resolve(import.meta.dirname, "../..");
const {op} = aq;

const refugees = () =>
  aq.table({
    year: [2010, 2011, 2012, 2013, 2014, 2015],
    iso3: ["SYR", "SYR", "SYR", "KEN", "KEN", "KEN"],
    refugees: [18, 20_000, 730_000, 8_000, null, 9_500]
  });

// Table work as notebooks write it: every verb here makes Arquero generate code.
const operations: Record<string, () => unknown> = {
  "object and objects": () => [refugees().object(0), refugees().objects()],
  "orderby with desc": () => refugees().orderby(aq.desc("refugees"), "year").objects(),
  "derive with a window op (getting-started)": () =>
    refugees()
      .orderby("year")
      .derive({change: (d: {refugees: number}) => d.refugees - op.lag(d.refugees, 1)})
      .filter((d: {change: number | null}) => d.change != null)
      .orderby(aq.desc("year"))
      .objects(),
  "a column named __proto__": () => aq.table({__proto__: [1, 2], b: [3, 4]} as object).objects(),
  "string expressions": () => refugees().derive({big: "d.refugees > 10000 ? 'large' : `small ${d.iso3}`", half: "d.refugees / 2"}).objects(),
  "groupby and rollup": () => refugees().groupby("iso3").rollup({total: op.sum("refugees"), n: op.count(), top: op.max("refugees")}).objects(),
  "rollup over several fields (Arquero groups aggregates by their fields' source text)": () =>
    refugees()
      .groupby("iso3")
      .rollup({years: op.array_agg("year"), total: op.sum("refugees"), top: (d: {year: number}) => op.max(d.year), span: (d: {year: number}) => op.max(d.year) - op.min(d.year)})
      .objects(),
  "grouped window and rank": () => refugees().groupby("iso3").orderby("year").derive({rank: op.row_number(), lag: op.lag("refugees", 1)}).objects(),
  "join and lookup": () => {
    const names = aq.table({iso3: ["SYR", "KEN"], name: ["Syria", "Kenya"]});
    return [refugees().join(names, "iso3").objects(), refugees().lookup(names, "iso3", "name").objects()];
  },
  "fold, pivot and impute": () => [
    refugees().fold(["refugees"]).objects(),
    refugees().groupby("iso3").pivot("year", "refugees").objects(),
    refugees().impute({refugees: () => 0}).objects()
  ],
  "escaped functions and params": () =>
    refugees()
      .params({least: 1000})
      .filter((d: {refugees: number}, $: {least: number}) => d.refugees > $.least)
      .derive({label: aq.escape((d: {iso3: string; year: number}) => `${d.iso3}-${d.year}`)})
      .objects()
};

/** Runs `work` with Arquero's `Function` (the global it reads) answered by the interpreter, counting its uses. */
function interpreted(work: () => unknown): {result: unknown; uses: number} {
  const real = globalThis.Function;
  let uses = 0;
  globalThis.Function = function (...args: string[]) {
    uses++;
    return interpretFunction(...args);
  } as unknown as FunctionConstructor;
  try {
    return {result: work(), uses};
  } finally {
    globalThis.Function = real;
  }
}

describe("generated code without eval", () => {
  for (const [name, work] of Object.entries(operations)) {
    it(`Arquero gives the same tables interpreted as compiled: ${name}`, () => {
      const compiled = work();
      const {result, uses} = interpreted(work);
      expect(uses).toBeGreaterThan(0);
      expect(result).toEqual(compiled);
    });
  }

  it("runs statements: switch with fall-through, loops, destructuring, optional chains", () => {
    const f = interpretFunction(
      "x",
      "o",
      `let n = 0;
       for (let i = 0; i < 3; i++) { if (i === 1) continue; n += i; }
       const {a, b: [c, ...rest] = [], ...others} = o;
       switch (x) { case null: case "N/A": return "null"; case 1: n++; default: n += 10; }
       return [n, a, c, rest, Object.keys(others), o.missing?.deep, o.f?.(), typeof nothing];`
    );
    expect(f("N/A", {})).toBe("null");
    expect(f(1, {a: 1, b: [2, 3, 4], z: 5, f: () => "called"})).toEqual([13, 1, 2, [3, 4], ["z", "f"], undefined, "called", "undefined"]);
    expect(() => interpretFunction("return class {}")()).toThrow(/Unsupported syntax: class/);
  });

  it("interpretFunction's functions read as their source, as compiled ones do", () => {
    const f = interpretFunction("fn", "$", '"use strict"; return (row,data,op)=>data.x[row];');
    expect([String(f), String(f(null, {}))]).toEqual(['function (fn,$) {\n"use strict"; return (row,data,op)=>data.x[row];\n}', "(row,data,op)=>data.x[row]"]);
  });

  it("interpretFunction gives each function made of the same code its own variables", () => {
    const counter = () => interpretFunction("start", "let n = start; return () => ++n;")(10) as () => number;
    const [first, second] = [counter(), counter()];
    expect([first(), first(), second()]).toEqual([11, 12, 11]);
  });

  it("d3-dsv and Apache Arrow, as the build changes them, give what they gave", async () => {
    const edited = async (file: string, fix: (text: string) => string = (t) => t) => {
      const edit = libraryEdits.find((e) => e.file === file)!;
      let text = readFileSync(path.join(root, "node_modules", file), "utf8");
      for (const [pattern, replacement] of edit.replace) text = text.replace(pattern, () => replacement);
      expect(text).not.toMatch(/new Function/);
      return import(`data:text/javascript,${encodeURIComponent(fix(text))}`);
    };
    const dsv = await import("d3-dsv");
    const dsvEdited = await edited("d3-dsv/dist/d3-dsv.mjs");
    const csv = "name,__proto__,n\nSyria,x,1\nKenya,,\n";
    expect(dsvEdited.csvParse(csv)).toEqual(dsv.csvParse(csv));
    expect(dsvEdited.csvParse(csv, (row: object, i: number) => ({...row, i}))).toEqual(dsv.csvParse(csv, (row: object, i: number) => ({...row, i})));

    const pretty = new URL("node_modules/apache-arrow/util/pretty.mjs", `file://${root}/`).href;
    const valid = await edited("apache-arrow/builder/valid.mjs", (t) => t.replace("'../util/pretty.mjs'", JSON.stringify(pretty)));
    const original = await import(new URL("node_modules/apache-arrow/builder/valid.mjs", `file://${root}/`).href);
    const values = [null, undefined, 0, -0, 1, NaN, "N/A", "", 0n, 1n, false];
    for (const nulls of [[], [null], [null, NaN], ["N/A", null, 0], [0n], [NaN]]) {
      expect(values.map(valid.createIsValidFunction(nulls)), JSON.stringify(nulls.map(String))).toEqual(values.map(original.createIsValidFunction(nulls)));
    }
  });

  it("the libraries' code that pages must not compile is still where the build expects it", () => {
    for (const edit of libraryEdits) {
      const text = readFileSync(path.join(root, "node_modules", edit.file), "utf8");
      for (const [pattern] of edit.replace) expect(text.search(pattern), `${edit.file}: ${pattern}`).toBeGreaterThanOrEqual(0);
    }
  });
});
