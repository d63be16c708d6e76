import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {parse as acornParse} from "acorn";
import * as aq from "arquero";
import {build, type Rolldown} from "vite";
import {beforeAll, describe, expect, it} from "vitest";
import {interpretFunction} from "../../src/stdlib/generated-code.ts";
import {parsedByArquero} from "./recorded-parse.ts";
import {expectBothReject, expectSameTree} from "./same-tree.ts";

type Arquero = typeof aq;
// Arquero reads table expressions from their source, and its types cannot follow every form it takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const root = path.resolve(import.meta.dirname, "../..");

const refugees = (q: Loose): Loose =>
  q.table({
    year: [2010, 2011, 2012, 2013, 2014, 2015, 2016],
    iso3: ["SYR", "SYR", "SYR", "KEN", "KEN", "KEN", "SYR"],
    refugees: [18, 20_000, 730_000, 8_000, null, 9_500, 5_500_000],
    note: ["a", "b", null, "c", "d", "", "e"]
  });
const countries = (q: Loose): Loose => q.table({iso3: ["SYR", "KEN", "COD"], name: ["Syria", "Kenya", "DR Congo"], region: ["ME", "AF", "AF"]});

// Arquero's verbs as its documentation shows them, with table expressions in every form it takes:
// arrow functions, strings, op calls, params, escaped functions, windows and joins.
const operations: Record<string, (q: Loose) => unknown> = {
  "object, objects, columns": (q) => [refugees(q).object(0), refugees(q).objects({limit: 3}), refugees(q).array("year")],
  "derive with arrows, strings, templates, optional chains and nullish": (q) =>
    refugees(q)
      .derive({
        share: (d: {refugees: number}) => d.refugees / 1000,
        label: "`${d.iso3}:${d.year}`",
        big: "d.refugees > 10000 ? 'large' : d.refugees == null ? 'none' : 'small'",
        known: (d: {refugees: number | null}) => d.refugees ?? -1,
        length: (d: {note: string | null}) => op.length(d.note),
        power: (d: {year: number}) => (d.year - 2000) ** 2 % 7,
        bits: (d: {year: number}) => (d.year & 0xff) | (1 << 3),
        parts: (d: {iso3: string; year: number}) => [d.iso3, d.year],
        record: (d: {iso3: string}) => ({code: d.iso3, lower: op.lower(d.iso3)})
      })
      .objects(),
  "derive with functions of op and Math": (q) =>
    refugees(q)
      .derive({
        upper: (d: {iso3: string}) => op.upper(d.iso3),
        padded: (d: {year: number}) => op.padstart(d.year + "", 6, "0"),
        root: (d: {refugees: number}) => Math.sqrt(d.refugees),
        log: (d: {refugees: number}) => op.log10(d.refugees + 1),
        max: (d: {year: number}) => Math.max(d.year, 2012),
        pi: () => Math.PI,
        date: (d: {year: number}) => op.year(op.datetime(d.year, 0, 1)),
        has: (d: {note: string}) => op.includes(d.note, "a"),
        parsed: (d: {year: number}) => op.parse_int(`${d.year}`, 10) + 1
      })
      .objects(),
  "filter, slice, select, rename, relocate": (q) =>
    refugees(q)
      .filter((d: {refugees: number; iso3: string}) => d.refugees > 1000 && d.iso3 !== "KEN")
      .filter("!op.is_nan(d.year)")
      .select("year", "refugees")
      .rename({refugees: "people"})
      .relocate("people", {before: "year"})
      .slice(0, 2)
      .objects(),
  "orderby with desc, expressions and comparators": (q) => [
    refugees(q).orderby(q.desc("refugees"), "year").objects(),
    refugees(q).orderby((d: {iso3: string; year: number}) => d.iso3 + d.year).objects(),
    refugees(q).orderby(q.desc((d: {year: number}) => -d.year)).objects()
  ],
  "groupby and rollup with aggregates": (q) =>
    refugees(q)
      .groupby("iso3")
      .rollup({
        total: q.op.sum("refugees"),
        n: q.op.count(),
        valid: q.op.valid("refugees"),
        top: (d: {refugees: number}) => op.max(d.refugees),
        mean: (d: {refugees: number}) => op.mean(d.refugees),
        median: (d: {refugees: number}) => op.median(d.refugees),
        q: (d: {refugees: number}) => op.quantile(d.refugees, 0.25),
        sd: (d: {refugees: number}) => op.stdev(d.refugees),
        years: (d: {year: number}) => op.array_agg(d.year),
        distinct: (d: {iso3: string}) => op.distinct(d.iso3),
        span: (d: {year: number}) => op.max(d.year) - op.min(d.year),
        byYear: (d: {year: number; refugees: number}) => op.object_agg(d.year, d.refugees)
      })
      .objects(),
  "groupby by expression and binned": (q) => [
    refugees(q).groupby({decade: (d: {year: number}) => op.floor(d.year / 5) * 5}).count().objects(),
    refugees(q).groupby({bin: q.bin("year", {maxbins: 3})}).rollup({n: q.op.count()}).objects()
  ],
  "window functions": (q) =>
    refugees(q)
      .groupby("iso3")
      .orderby("year")
      .derive({
        lag: (d: {refugees: number}) => op.lag(d.refugees, 1, 0),
        lead: (d: {refugees: number}) => op.lead(d.refugees),
        change: (d: {refugees: number}) => d.refugees - op.lag(d.refugees, 1),
        row: () => op.row_number(),
        rank: () => op.rank(),
        dense: () => op.dense_rank(),
        cume: () => op.cume_dist(),
        percent: () => op.percent_rank(),
        first: (d: {year: number}) => op.first_value(d.year),
        last: (d: {year: number}) => op.last_value(d.year),
        tile: () => op.ntile(2),
        running: (d: {refugees: number}) => op.sum(d.refugees)
      })
      .objects(),
  "rolling windows and frames": (q) =>
    refugees(q)
      .orderby("year")
      .derive({moving: q.rolling((d: {refugees: number}) => op.average(d.refugees), [-1, 1]), total: q.rolling((d: {refugees: number}) => op.sum(d.refugees))})
      .derive({peers: q.rolling(() => op.count(), [null, 0], true)})
      .objects(),
  "params and escape": (q) => [
    refugees(q)
      .params({least: 1000, code: "SYR"})
      .filter((d: {refugees: number; iso3: string}, $: {least: number; code: string}) => d.refugees > $.least && d.iso3 === $.code)
      .derive({scaled: (d: {refugees: number}, $: {least: number}) => d.refugees / $.least, label: q.escape((d: {iso3: string; year: number}) => `${d.iso3}-${d.year}`)})
      .objects(),
    refugees(q).params({k: 2}).derive({doubled: "d.year * $.k"}).objects()
  ],
  "destructured parameters": (q) =>
    refugees(q)
      .derive({sum: ({year, refugees}: {year: number; refugees: number}) => year + refugees, code: ({iso3: c}: {iso3: string}) => c})
      .objects(),
  "block bodies with declarations, if and switch": (q) =>
    refugees(q)
      .derive({
        level: (d: {refugees: number}) => {
          const r = d.refugees;
          if (r > 100000) {
            return "high";
          } else if (r > 1000) return "middle";
          switch (r) {
            case null:
              return "unknown";
            case 18:
            case 8000:
              return "few";
            default:
              return "low";
          }
        },
        pair: (d: {year: number}) => {
          const [a, b] = [d.year, d.year + 1];
          return a + b;
        }
      })
      .objects(),
  "join, lookup, semijoin, antijoin and cross": (q) => [
    refugees(q).join(countries(q), "iso3").objects(),
    refugees(q).join_left(countries(q), ["iso3", "iso3"], [["year", "iso3"], q.not("iso3")]).objects(),
    refugees(q).join(countries(q), (a: {iso3: string}, b: {iso3: string}) => op.equal(a.iso3, b.iso3), [["year", "iso3"], ["name"]]).objects(),
    refugees(q).join_full(countries(q), "iso3", {name: (a: object, b: {name: string}) => b.name, y: (a: {year: number}) => a.year}).objects(),
    refugees(q).lookup(countries(q), "iso3", "name").objects(),
    countries(q).semijoin(refugees(q), "iso3").objects(),
    countries(q).antijoin(refugees(q), (a: {iso3: string}, b: {iso3: string}) => a.iso3 === b.iso3).objects(),
    countries(q).cross(countries(q).select({region: "r"}), [["iso3"], ["r"]]).objects()
  ],
  "fold, pivot, spread, unroll and impute": (q) => [
    refugees(q).fold(["refugees", "year"]).objects(),
    refugees(q).groupby("iso3").pivot("year", "refugees").objects(),
    refugees(q).groupby("iso3").pivot({key: (d: {year: number}) => `y${d.year}`}, {value: (d: {refugees: number}) => op.sum(d.refugees)}).objects(),
    refugees(q).derive({pair: (d: {iso3: string; year: number}) => [d.iso3, d.year]}).spread("pair").objects(),
    refugees(q).derive({years: (d: {year: number}) => [d.year, d.year + 1]}).unroll("years", {index: "i"}).objects(),
    refugees(q).impute({refugees: () => 0, note: () => "none"}).objects(),
    refugees(q).groupby("iso3").impute({refugees: (d: {refugees: number}) => op.mean(d.refugees)}, {expand: "year"}).objects()
  ],
  "dedupe, concat, union, intersect, except and sample": (q) => {
    q.seed(7);
    return [
      refugees(q).dedupe("iso3").objects(),
      refugees(q).concat(refugees(q)).count().objects(),
      refugees(q).select("iso3").union(countries(q).select("iso3")).objects(),
      refugees(q).select("iso3").intersect(countries(q).select("iso3")).objects(),
      countries(q).select("iso3").except(refugees(q).select("iso3")).objects(),
      refugees(q).sample(3, {weight: "year"}).objects(),
      refugees(q).orderby("year").ungroup().unorder().reify().objects()
    ];
  },
  "field references and names": (q) => [refugees(q).derive({y: q.field("year"), z: q.field("refugees")}).objects(), refugees(q).select(q.names("a", "b", "c", "d")).objects()],
  "regular expressions, row objects and added functions": (q) => {
    q.addFunction("plusOne", (x: number) => x + 1, {override: true});
    return refugees(q)
      .derive({
        matched: (d: {note: string}) => op.match(d.note, /[a-c]/i, 0),
        replaced: (d: {iso3: string}) => op.replace(d.iso3, /Y|E/g, "_"),
        split: (d: {note: string}) => op.split(d.note ?? "", /b/),
        row: () => op.row_object("year", "iso3"),
        next: (d: {year: number}) => op.plusOne(d.year),
        parity: (d: {year: number}) => (d.year % 2 === 0 ? "even" : "odd"),
        negated: (d: {refugees: number}) => -d.refugees,
        empty: (d: {note: string}) => !d.note
      })
      .objects();
  },
  // Arquero's messages quote the expression's text at the offsets the parser gives.
  "rejected expressions": (q) =>
    [
      () => refugees(q).derive({x: (d: {note: string}) => d.note?.length}),
      () => refugees(q).derive({x: "d.year +"}),
      () => refugees(q).filter((d: {x: number}) => foo(d.x) > 1),
      () => refugees(q).derive({x: (d: {year: number}) => d.year + outside}),
      () => refugees(q).derive({x: (d: {missing: number}) => d.missing}),
      () => refugees(q).derive({x: "d => { for (;;) {} }"}),
      () => refugees(q).rollup({x: (d: {year: number}) => op.lag(d.year) + op.sum(op.mean(d.year))})
    ].map(failure),
  "assign, agg and collate": (q) => [
    refugees(q).assign(refugees(q).select({year: "y2"})).objects(),
    q.agg(refugees(q), q.op.sum("refugees")),
    refugees(q).orderby(q.collate("iso3", "en")).objects()
  ]
};
const op: Loose = aq.op;
declare const foo: (x: number) => number;
declare const outside: number;

function acornAccepts(input: string, options: {ecmaVersion?: number | "latest"}): boolean {
  try {
    acornParse(input, options as Parameters<typeof acornParse>[1]);
    return true;
  } catch {
    return false;
  }
}

/** The message of the error `work` throws. */
function failure(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("no error");
}

/** The code each aq cell of the shipped notebooks runs, with the names it declares. */
function notebookAqCells(): Array<{name: string; code: string; names: string[]}> {
  const folder = path.join(root, "notebooks");
  return readdirSync(folder)
    .filter((file) => file.endsWith(".html"))
    .flatMap((file) =>
      [...readFileSync(path.join(folder, file), "utf8").matchAll(/<script id="([^"]+)" type="module"[^>]*>([\s\S]*?)<\/script>/g)]
        .filter(([, , code]) => /\baq\./.test(code!))
        .map(([, id, code]) => {
          const program = acornParse(code!, {ecmaVersion: "latest", sourceType: "module"}) as unknown as {body: Array<{type: string; declarations?: Array<{id: {type: string; name?: string; properties?: Array<{value: {name: string}}>}}>}>};
          const names = program.body.flatMap((s) => s.declarations ?? []).flatMap(({id}) => (id.type === "Identifier" ? [id.name!] : (id.properties ?? []).map((p) => p.value.name)));
          return {name: `${file} cell ${id}`, code: code!, names};
        })
    );
}

/** A cell's code as a function of Arquero, its SQL result and `display`, giving what it declares and displays. */
function cellRunner(cell: {code: string; names: string[]}): (q: Arquero) => unknown {
  const run = new Function("aq", "refugees", "display", "Inputs", `${cell.code}\nreturn {${cell.names.join(", ")}};`);
  return (q) => {
    const shown: unknown[] = [];
    const table = (t: {objects(): unknown}, options: object) => ({rows: t.objects(), options: Object.keys(options)});
    const declared = run(q, refugees(q).select("year", "refugees").toArrow(), (value: unknown) => shown.push(value), {table});
    return {declared: JSON.parse(JSON.stringify(declared)), shown};
  };
}

let ours: Arquero;

/** An operation that failed, with the message. */
class Failed {
  constructor(readonly message: string) {}
}
const generated: string[] = [];

/** Runs `work` with Arquero's `Function` (the global it reads) answered by the interpreter, keeping each function's source. */
function interpreted(work: () => unknown): unknown {
  const real = globalThis.Function;
  globalThis.Function = function (...args: string[]) {
    const body = args.at(-1) ?? "";
    generated.push(`(function (${args.slice(0, -1).join(",")}) {\n${body}\n})`);
    return interpretFunction(...args);
  } as unknown as FunctionConstructor;
  try {
    return work();
  } finally {
    globalThis.Function = real;
  }
}

const cells = notebookAqCells();
const results: Record<string, {acorn: unknown; ours: unknown}> = {};

beforeAll(async () => {
  // A copy of Arquero whose acorn is our parser, as the build gives reader pages (the recording shim
  // stays outside the bundle, so this test reads what it recorded).
  const shim = path.join(import.meta.dirname, "recorded-parse.ts");
  const output = (await build({
    configFile: false,
    logLevel: "silent",
    plugins: [{name: "test:arquero-acorn", enforce: "pre", resolveId: (source, importer) => (source === "acorn" && importer?.includes("parse-expression") ? {id: shim, external: true} : undefined)}],
    build: {write: false, minify: false, lib: {entry: path.join(root, "node_modules/arquero/src/index.js"), formats: ["es"], fileName: "arquero"}, rolldownOptions: {external: [/^node:/]}}
  })) as Rolldown.RolldownOutput[];
  const file = path.join(mkdtempSync(path.join(tmpdir(), "arquero-ours-")), "arquero.js");
  writeFileSync(file, output[0]!.output[0].code);
  ours = await import(/* @vite-ignore */ pathToFileURL(file).href);
  const work = {...operations, ...Object.fromEntries(cells.map((cell) => [cell.name, cellRunner(cell)]))};
  const attempt = (work: () => unknown) => {
    try {
      return work();
    } catch (error) {
      return new Failed((error as Error).message);
    }
  };
  for (const [name, operation] of Object.entries(work)) results[name] = {acorn: attempt(() => operation(aq)), ours: attempt(() => interpreted(() => operation(ours)))};
}, 120_000);

describe("Arquero through our parser", () => {
  it.for([...Object.keys(operations), ...cells.map((cell) => cell.name)])("gives the tables it gives through acorn: %s", (name) => {
    const {acorn, ours} = results[name]!;
    if (acorn instanceof Failed) expect.fail(`${name} fails through acorn: ${acorn.message}`);
    expect(ours).toEqual(acorn);
  });

  it("parses every table expression it parses through acorn into acorn's tree, and rejects what acorn rejects", () => {
    expect(parsedByArquero.length).toBeGreaterThan(100);
    for (const {input, options} of parsedByArquero) {
      if (acornAccepts(input, options)) expectSameTree(input, options);
      else expectBothReject(input, options);
    }
  });

  it("rejects an expression with syntax our parser leaves out, which Arquero refuses through acorn too", () => {
    const async = (q: Loose) => failure(() => refugees(q).derive({x: "async d => d"}));
    expect([async(aq), async(ours)]).toEqual(["Async functions not allowed: \"async d => d\"", "Expression parse error: async d => d"]);
  });

  it("interprets every function it generates, parsed into acorn's tree", () => {
    expect(generated.length).toBeGreaterThan(100);
    for (const source of new Set(generated)) expectSameTree(source);
  });

  it("the shipped notebooks' aq cells parse into acorn's tree", () => {
    expect(cells.length).toBeGreaterThan(0);
    for (const {code} of cells) expectSameTree(code);
  });
});
