import {readdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import type {Plugin} from "vite";
import {describe, expect, it} from "vitest";
import * as arrowFbFlatbuffers from "../../src/data/arrow-fb-flatbuffers.ts";
import {importRedirects, redirectImports} from "../../src/vite/import-redirects.ts";

const require = createRequire(import.meta.url);
const arrowDir = path.dirname(require.resolve("apache-arrow/table"));
const duckdbBrowser = path.join(path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm")), "duckdb-browser.mjs");

/** What the plugin resolves `source` imported by `importer` to; `this.resolve` answers `{from}` targets as Vite would, by file. */
async function resolved(source: string, importer: string | undefined): Promise<unknown> {
  const plugin = redirectImports() as Plugin & {resolveId: (this: unknown, source: string, importer?: string) => unknown};
  const context = {resolve: async (s: string, from: string) => ({id: `${s} from ${path.relative(process.cwd(), from)}`})};
  return plugin.resolveId.call(context, source, importer);
}

describe("redirectImports", () => {
  it("redirectImports gives DuckDB-WASM's main-thread module the slim Arrow module, and no one else", async () => {
    expect(await resolved("apache-arrow", duckdbBrowser)).toBe(path.resolve(import.meta.dirname, "../../src/data/arrow-for-duckdb.ts"));
    expect(await resolved("apache-arrow", path.resolve(import.meta.dirname, "../../src/stdlib/builtins.ts"))).toBeUndefined();
    expect(await resolved("apache-arrow", undefined)).toBeUndefined();
  });

  it("redirectImports resolves Inputs' htl as the app's own code imports it", async () => {
    const inputs = path.join(path.dirname(require.resolve("@observablehq/inputs")), "index.js");
    expect(await resolved("htl", inputs)).toEqual({id: `htl from ${path.join("src", "stdlib", "builtins.ts")}`});
    expect(await resolved("d3", inputs)).toBeUndefined();
  });

  it("redirectImports gives the reader's Arrow IPC metadata modules copies of their own, without Arrow's writing parts", async () => {
    const arrowIpc = path.resolve(import.meta.dirname, "../../src/data/arrow-ipc.ts");
    const reading = path.resolve(import.meta.dirname, "../../src/data/arrow-metadata-reading.ts");
    const copy = (await resolved("apache-arrow/ipc/metadata/message", arrowIpc)) as {id: string};
    expect(copy.id).toMatch(/\?mapt-arrow-reading$/);
    const message = path.join(path.dirname(require.resolve("apache-arrow/ipc/metadata/message")), "message.mjs");
    for (const source of ["flatbuffers", "./json.mjs", "../../visitor/typeassembler.mjs"]) {
      expect(await resolved(source, message + "?mapt-arrow-reading")).toBe(reading);
      // Arrow's own copy, which its writers use, keeps them.
      expect(await resolved(source, message)).toBeUndefined();
    }
  });

  it("redirectImports gives Arquero's expression parser our small parser instead of acorn, and no one else", async () => {
    const parseExpression = path.join(path.dirname(require.resolve("arquero")), "expression", "parse-expression.js");
    expect(await resolved("acorn", parseExpression)).toBe(path.resolve(import.meta.dirname, "../../src/stdlib/js-parser.ts"));
    expect(await resolved("acorn", path.resolve(import.meta.dirname, "../../src/vite/plot-members.ts"))).toBeUndefined();
  });

  it("redirectImports gives the reader its own vector loader, without Arrow's JSON loader", async () => {
    const arrowIpc = path.resolve(import.meta.dirname, "../../src/data/arrow-ipc.ts");
    expect(((await resolved("apache-arrow/visitor/vectorloader", arrowIpc)) as {id: string}).id).toMatch(/\?mapt-arrow-reading$/);
    expect(await resolved("apache-arrow/visitor/vectorloader", path.resolve(import.meta.dirname, "../../src/data/parquet.ts"))).toBeUndefined();
  });

  it("redirectImports gives Arrow's flatbuffers tables a module with every flatbuffers member they use", async () => {
    const fb = path.join(arrowDir, "fb");
    const used = new Set<string>();
    for (const file of readdirSync(fb).filter((name) => name.endsWith(".mjs"))) {
      expect(await resolved("flatbuffers", path.join(fb, file))).toBe(path.resolve(import.meta.dirname, "../../src/data/arrow-fb-flatbuffers.ts"));
      for (const [, member] of readFileSync(path.join(fb, file), "utf8").matchAll(/\bflatbuffers\.(\w+)/g)) used.add(member!);
    }
    expect([...used].filter((member) => !(member in arrowFbFlatbuffers))).toEqual([]);
    // Arrow's own IPC metadata modules (its writers) import flatbuffers' Builder as they are.
    expect(await resolved("flatbuffers", path.join(arrowDir, "ipc", "metadata", "message.mjs"))).toBeUndefined();
  });

  it("redirectImports gives Arrow's Table module its builders late, from all of Arrow, and no one else", async () => {
    expect(await resolved("./factories.mjs", path.join(arrowDir, "table.mjs"))).toBe(path.resolve(import.meta.dirname, "../../src/data/arrow-table-factories.ts"));
    expect(await resolved("./factories.mjs", path.join(arrowDir, "Arrow.mjs"))).toBe(path.resolve(import.meta.dirname, "../../src/data/arrow-factories-ready.ts"));
    expect(await resolved("../factories.mjs", path.join(arrowDir, "builder", "dictionary.mjs"))).toBeUndefined();
    // The only module that imports the factories from the Table module's: all of Arrow, which provides them.
    const importers = readdirSync(arrowDir).filter((name) => name.endsWith(".mjs") && /from '\.\/table\.mjs'/.test(readFileSync(path.join(arrowDir, name), "utf8")));
    expect(importers.filter((name) => /\btableFromArrays\b/.test(readFileSync(path.join(arrowDir, name), "utf8")))).toEqual(["Arrow.mjs"]);
  });

  it("redirectImports targets files that exist", async () => {
    for (const redirect of importRedirects) {
      const target = typeof redirect.target === "string" ? redirect.target : redirect.target.from;
      expect(require.resolve(target), redirect.reason).toBe(target);
    }
  });
});
