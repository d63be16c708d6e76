import {Runtime} from "@observablehq/runtime";
import {Window} from "happy-dom";
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {DuckDBClient, type DuckDBInstance} from "../../src/data/index.ts";
import {BUILTINS, builtinsThatNeed, createBuiltins, type BuiltinContextSpec, type PageBuiltinName} from "../../src/stdlib/index.ts";
import {openNodeDuckDB, rowsOf} from "../data/node-duckdb.ts";

let dir: string;
let instance: DuckDBInstance;
const window = new Window();
const document = window.document as unknown as Document;

const FILES: Record<string, string> = {
  "deaths.csv": "year,deaths\n2011,1000\n2012,9000\n",
  "deaths.tsv": "year\tdeaths\n2011\t1000\n",
  "actors.json": `[{"name": "UNSC", "vetoes": 2}]`,
  "notes.txt": "Early warning."
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mapt-stdlib-"));
  for (const [name, text] of Object.entries(FILES)) await writeFile(path.join(dir, name), text);
  instance = await openNodeDuckDB();
}, 60_000); // DuckDB's start-up, slow when other test files share the cores

/** Builtins over the temp dir's files, with a fetch that reads from disk. */
function builtins(spec: Partial<BuiltinContextSpec> = {}) {
  return createBuiltins({
    database: () => DuckDBClient.connect(instance),
    resolveFile: (name) => (name in FILES ? {url: path.join(dir, name)} : undefined),
    listFiles: () => Object.keys(FILES),
    fetch: async (url) => new Response(await readFile(url)),
    document,
    ...spec
  });
}

/** The value of one builtin, as a cell would see it. */
async function builtin<T>(name: PageBuiltinName, spec?: Partial<BuiltinContextSpec>): Promise<T> {
  return (await builtins(spec)[name]()) as T;
}

type FileAttachmentFn = (name: string) => {
  name: string;
  mimeType: string;
  url(): Promise<string>;
  text(): Promise<string>;
  json(): Promise<unknown>;
  csv(options?: {typed?: boolean}): Promise<unknown[]>;
  tsv(options?: {typed?: boolean}): Promise<unknown[]>;
};

describe("FileAttachment", () => {
  it("FileAttachment.csv parses rows as strings, or typed with {typed: true}", async () => {
    const FileAttachment = await builtin<FileAttachmentFn>("FileAttachment");
    expect([...(await FileAttachment("deaths.csv").csv())]).toEqual([
      {year: "2011", deaths: "1000"},
      {year: "2012", deaths: "9000"}
    ]);
    expect([...(await FileAttachment("deaths.csv").csv({typed: true}))]).toEqual([
      {year: 2011, deaths: 1000},
      {year: 2012, deaths: 9000}
    ]);
  });

  it("FileAttachment.tsv parses tab-separated rows", async () => {
    const FileAttachment = await builtin<FileAttachmentFn>("FileAttachment");
    expect([...(await FileAttachment("deaths.tsv").tsv({typed: true}))]).toEqual([{year: 2011, deaths: 1000}]);
  });

  it("FileAttachment.json and .text read the file", async () => {
    const FileAttachment = await builtin<FileAttachmentFn>("FileAttachment");
    expect(await FileAttachment("actors.json").json()).toEqual([{name: "UNSC", vetoes: 2}]);
    expect(await FileAttachment("notes.txt").text()).toBe("Early warning.");
  });

  it("FileAttachment knows its name, MIME type and URL", async () => {
    const file = (await builtin<FileAttachmentFn>("FileAttachment"))("deaths.csv");
    expect([file.name, file.mimeType, await file.url()]).toEqual(["deaths.csv", "text/csv", path.join(dir, "deaths.csv")]);
  });

  it("FileAttachment throws for an unknown name, listing the attached files", async () => {
    const FileAttachment = await builtin<FileAttachmentFn>("FileAttachment");
    expect(() => FileAttachment("x.csv")).toThrow(
      `FileAttachment "x.csv" not found: attached files are "deaths.csv", "deaths.tsv", "actors.json", "notes.txt"`
    );
  });

  it("FileAttachment.parquet and .arrow read tables", async () => {
    const {parquetWriteBuffer} = await import("hyparquet-writer");
    const Arrow = await import("apache-arrow");
    await writeFile(path.join(dir, "vetoes.parquet"), new Uint8Array(parquetWriteBuffer({columnData: [{name: "vetoes", data: [2, 4], type: "INT32"}]})));
    await writeFile(path.join(dir, "vetoes.arrow"), Arrow.tableToIPC(Arrow.tableFromJSON([{vetoes: 2}, {vetoes: 4}]), "file"));
    const FileAttachment = await builtin<(name: string) => {parquet(): Promise<never>; arrow(): Promise<never>}>("FileAttachment", {
      resolveFile: (name) => ({url: path.join(dir, name)})
    });
    expect(rowsOf(await FileAttachment("vetoes.parquet").parquet())).toEqual([{vetoes: 2}, {vetoes: 4}]);
    expect(rowsOf(await FileAttachment("vetoes.arrow").arrow())).toEqual([{vetoes: 2}, {vetoes: 4}]);
  });

  it("FileAttachment files load into DuckDBClient.of through the builtin", async () => {
    const all = builtins();
    const FileAttachment = (await all.FileAttachment()) as FileAttachmentFn;
    const Client = (await all.DuckDBClient()) as typeof DuckDBClient;
    const db = await Client.of({deaths: FileAttachment("deaths.csv") as never, actors: FileAttachment("actors.json") as never});
    expect(await db.queryRow(`SELECT sum(deaths) AS total, (SELECT vetoes FROM actors) AS vetoes FROM deaths`)).toEqual({total: 10000, vetoes: 2});
  });
});

describe("db and sql", () => {
  it("sql runs a tagged query on the page database with bound values", async () => {
    const sql = await builtin<(s: TemplateStringsArray, ...v: unknown[]) => Promise<never>>("sql");
    expect(rowsOf(await sql`SELECT ${"a'b"} AS s, ${40} + 2 AS n`)).toEqual([{s: "a'b", n: 42}]);
  });

  it("__sql gives a SQL cell's Arrow table, which also reads as Notebook Kit's array of rows", async () => {
    const all = builtins();
    const tag = (await all.__sql()) as (db: unknown) => (s: TemplateStringsArray, ...v: unknown[]) => Promise<any>;
    const rows = await tag(await all.db())`SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c')) AS t(n, s)`;
    expect([rows.length, rows[1].s, rows[3]]).toEqual([3, "b", undefined]);
    expect(rows.map((r: {n: number}) => r.n * 10)).toEqual([10, 20, 30]);
    expect(rows.filter((r: {n: number}) => r.n > 1).map((r: {s: string}) => r.s).join("")).toBe("bc");
    expect([rows.numRows, rows.get(0).toJSON(), rows.at(-1).s]).toEqual([3, {n: 1, s: "a"}, "c"]);
    const aq = (await all.aq()) as typeof import("arquero");
    expect(aq.fromArrow(rows).numRows()).toBe(3);
    expect("length" in rows || Array.isArray(rows)).toBe(false);
  });

  it("db is the page database, started once", async () => {
    let starts = 0;
    const all = builtins({database: () => (starts++, DuckDBClient.connect(instance))});
    const [a, b] = await Promise.all([all.db(), all.db()]);
    expect(a).toBe(b);
    expect(starts).toBe(1);
  });
});

describe("__import", () => {
  it("__import resolves bundled packages by npm:, versioned and bare specifiers", async () => {
    const load = await builtin<(s: string) => Promise<Record<string, unknown>>>("__import");
    expect(typeof (await load("npm:d3")).scaleLinear).toBe("function");
    expect(typeof (await load("npm:arquero@8")).table).toBe("function");
    expect(typeof (await load("htl")).html).toBe("function");
    expect(typeof (await load("npm:@observablehq/plot@0.6.17")).dot).toBe("function");
  });

  it("__import rejects an unbundled package, naming it and saying nothing is fetched", async () => {
    const load = await builtin<(s: string) => Promise<unknown>>("__import");
    await expect(load("npm:left-pad")).rejects.toThrow(/the package left-pad is not bundled .* nothing is fetched from the network: install it in the notebook's project \(npm install left-pad\) and build again\. Bundled packages: d3, /);
    await expect(load("https://cdn.example.org/x.js")).rejects.toThrow(/Cannot import "https:\/\/cdn\.example\.org\/x\.js": MAPT Notebooks fetches nothing/);
    await expect(load("jsr:@std/path")).rejects.toThrow(/fetches nothing from the network/);
  });

  it("__import loads a module beside the notebook by its path in the notebook's folder", async () => {
    const thing = {answer: 42};
    const load = await builtin<(s: string) => Promise<unknown>>("__import", {modules: {notebook: "notebooks/a.html", files: {"lib/thing.js": async () => thing}}});
    expect(await load("./lib/thing.js")).toBe(thing);
    expect(await load("./lib/../lib/./thing.js")).toBe(thing);
  });

  it("__import says which file is missing beside which notebook, without blaming the network", async () => {
    const load = await builtin<(s: string) => Promise<unknown>>("__import", {modules: {notebook: "notebooks/a.html", files: {}}});
    const error = await load("./lib/gone.js").catch((e: Error) => e.message);
    expect(error).toMatch(/^Cannot import "\.\/lib\/gone\.js": there is no file lib\/gone\.js beside notebooks\/a\.html/);
    expect(error).not.toMatch(/network/);
  });

  it("__import refuses a path that leaves the notebook's folder, and a draft's local import says it has no folder", async () => {
    const beside = await builtin<(s: string) => Promise<unknown>>("__import", {modules: {notebook: "notebooks/a.html", files: {}}});
    await expect(beside("./lib/../../secret.js")).rejects.toThrow(/leaves the notebook's folder/);
    await expect(beside("/lib/x.js")).rejects.toThrow(/starts at the site's root/);
    const draft = await builtin<(s: string) => Promise<unknown>>("__import");
    await expect(draft("./lib/x.js")).rejects.toThrow(/this notebook is not a file in a folder .* with lib\/x\.js beside it/);
  });

  it("__import checks the names a cell imports, as Notebook Kit does", async () => {
    const load = await builtin<(s: string, o?: {names?: string[]}) => Promise<Record<string, unknown>>>("__import", {modules: {notebook: "notebooks/a.html", files: {"lib/a.js": async () => ({answer: 42})}}});
    expect((await load("./lib/a.js", {names: ["answer"]})).answer).toBe(42);
    await expect(load("./lib/a.js", {names: ["answer", "anwser"]})).rejects.toThrow(new SyntaxError(`export 'anwser' not found in "./lib/a.js"`));
    await expect(load("npm:d3", {names: ["default"]})).rejects.toThrow(`a default export not found in "npm:d3"`);
  });

  it("__import names a package a local module needs that the project does not install", async () => {
    const failing = () => Promise.reject(new TypeError(`Failed to resolve module specifier "left-pad". Relative references must start with either "/", "./", or "../".`));
    const load = await builtin<(s: string) => Promise<unknown>>("__import", {modules: {notebook: "notebooks/a.html", files: {"x.js": failing}}});
    await expect(load("./x.js")).rejects.toThrow(`Cannot import "./x.js": it imports "left-pad", a package this project does not install`);
  });
});

describe("the builtin list", () => {
  it("createBuiltins defines exactly the BUILTINS names that are not per cell", () => {
    const perCell = Object.entries(BUILTINS).filter(([, info]) => "perCell" in info).map(([name]) => name);
    expect(Object.keys(builtins()).sort()).toEqual(Object.keys(BUILTINS).filter((name) => !perCell.includes(name)).sort());
  });

  it("builtinsThatNeed lists every builtin that reads the page's database, cite and bibliography among them", () => {
    expect([...builtinsThatNeed("database")].sort()).toEqual(["DuckDBClient", "bibliography", "cite", "db", "sql"]);
  });
});

describe("libraries", () => {
  it("Plot, Inputs, d3, aq and Arrow load lazily as modules", async () => {
    const all = builtins();
    const [Plot, Inputs, d3, aq, Arrow] = await Promise.all((["Plot", "Inputs", "d3", "aq", "Arrow"] as const).map((n) => all[n]() as Promise<Record<string, unknown>>));
    expect([Plot.dot, Inputs.table, d3.csvParse, aq.table, Arrow.tableFromIPC].map((f) => typeof f)).toEqual(Array(5).fill("function"));
  });

  it("html, svg and htl are Hypertext Literal's", async () => {
    const htl = await import("htl");
    const all = builtins();
    expect([await all.html(), await all.svg(), await all.htl()]).toEqual([htl.html, htl.svg, htl]);
  });
});

describe("md", () => {
  it("md shows a missing value as undefined, never as a silent blank", async () => {
    const md = await builtin<(s: TemplateStringsArray, ...v: unknown[]) => HTMLElement>("md");
    const row = {} as {deaths?: number};
    expect(md`Deaths: ${row.deaths}; zero: ${0}`.textContent!.trim()).toBe("Deaths: undefined; zero: 0");
  });

  it("md renders Markdown to an element", async () => {
    const md = await builtin<(s: TemplateStringsArray, ...v: unknown[]) => HTMLElement>("md");
    const element = md`# Kenya ${2008}`;
    expect(element.querySelector("h1")!.textContent).toBe("Kenya 2008");
    expect(element.querySelector("h1")!.id).toBe("kenya-2008");
  });

  it("md keeps interpolated DOM nodes as the same nodes", async () => {
    const md = await builtin<(s: TemplateStringsArray, ...v: unknown[]) => HTMLElement>("md");
    const chart = document.createElement("svg");
    const button = document.createElement("button");
    const element = md`Deaths: ${chart} and **${button}**`;
    expect(element.querySelector("p")!.firstChild!.textContent).toBe("Deaths: ");
    expect(element.querySelector("svg")).toBe(chart);
    expect(element.querySelector("strong > button")).toBe(button);
  });
});

describe("tex", () => {
  it("tex renders inline math and tex.block display math with KaTeX", async () => {
    const tex = await builtin<((s: TemplateStringsArray, ...v: unknown[]) => HTMLElement) & {block: (s: TemplateStringsArray, ...v: unknown[]) => HTMLElement}>("tex");
    expect(tex`x^${2}`.querySelector(".katex")).not.toBeNull();
    expect(tex.block`\frac{a}{b}`.querySelector(".katex-display")).not.toBeNull();
  });
});

describe("generators", () => {
  it("width yields the default width where nothing can be measured", async () => {
    const width = await builtin<AsyncGenerator<number>>("width");
    expect((await width.next()).value).toBe(640);
  });

  it("Generators.input yields an input's value now and after each input event", async () => {
    const Generators = await builtin<{input(e: Element): AsyncGenerator<unknown>}>("Generators");
    const element = document.createElement("input");
    element.value = "Syria";
    const values = Generators.input(element);
    expect((await values.next()).value).toBe("Syria");
    element.value = "Kenya";
    element.dispatchEvent(new window.Event("input") as unknown as Event);
    expect((await values.next()).value).toBe("Kenya");
    await values.return(undefined);
  });

  it("Generators.input yields a change announced twice before the next pull once, and an equal value reported while it waits", async () => {
    const Generators = await builtin<{input(e: Element): AsyncGenerator<unknown>}>("Generators");
    const element = document.createElement("input");
    const announce = (value: string) => ((element.value = value), element.dispatchEvent(new window.Event("input") as unknown as Event));
    element.value = "Syria";
    const values = Generators.input(element);
    expect((await values.next()).value).toBe("Syria");
    const first = values.next();
    announce("Kenya");
    announce("Kenya"); // Inputs.select re-announces an input event that was not the browser's own on "change"
    expect((await first).value).toBe("Kenya");
    const second = values.next();
    announce("Iraq");
    expect((await second).value).toBe("Iraq");
    const third = values.next();
    announce("Iraq"); // the runtime waits: a second submit of the same value still counts
    expect((await third).value).toBe("Iraq");
    await values.return(undefined);
  });

  it("Generators.observe runs the teardown when the generator is returned", async () => {
    const Generators = await builtin<{observe(f: (c: (v: number) => void) => () => void): AsyncGenerator<number>}>("Generators");
    let disposed = false;
    const values = Generators.observe((change) => {
      change(1);
      change(2);
      return () => void (disposed = true);
    });
    expect((await values.next()).value).toBe(2);
    await values.return(undefined);
    expect(disposed).toBe(true);
    expect(await values.next()).toEqual({value: undefined, done: true});
  });

  it("Mutable re-runs its readers with each assigned value in the runtime", async () => {
    const runtime = new Runtime(builtins());
    const main = runtime.module();
    const seen: unknown[] = [];
    let wake = () => {};
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    type Holder = {count: {value: number}};
    main.variable().define("holder", ["Mutable"], (Mutable: (v: number) => unknown) => ({count: Mutable(1)}));
    main.variable().define("count", ["holder"], (holder: Holder) => holder.count);
    main.variable({fulfilled: (v) => (seen.push(v), wake())}).define("double", ["count"], (c: number) => c * 2);
    await next();
    const holder = (await main.value("holder")) as Holder;
    holder.count.value = 5;
    await next();
    expect([seen, holder.count.value]).toEqual([[2, 10], 5]);
    runtime.dispose();
  });
});
