import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import path from "node:path";
import type {Plugin} from "vite";
import {afterAll, describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {arqueroMayNeedArrow, arqueroSubsetModule, arrowlessArquero, arrowlessArqueroId, arrowlessQuery, localModuleTexts} from "../../src/vite/arquero-arrow.ts";
import {plotExportSources} from "../../src/vite/plot-members.ts";

const require = createRequire(import.meta.url);
const arqueroIndex = require.resolve("arquero");

describe("arqueroMayNeedArrow", () => {
  it("arqueroMayNeedArrow keeps Arquero's Arrow writer for a page that names it, a byte reader, DuckDBClient or arquero", () => {
    for (const text of [
      "aq.toArrow(rows)",
      "rows.toArrowIPC({format: 'stream'})",
      "new Uint8Array(rows.toArrowBuffer())",
      "aq.loadArrow(url)",
      "aq.fromArrowStream(stream)",
      "DuckDBClient.of({t: rows})",
      'FileAttachment("t.csv").arquero()',
      'import * as aq2 from "npm:arquero"',
      "// rows.toArrow() in a comment counts too"
    ])
      expect([text, arqueroMayNeedArrow(["aq.table({x: [1]})", text])]).toEqual([text, true]);
  });

  it("arqueroMayNeedArrow lets a page that only reads SQL results and derives go without it", () => {
    const cells = [
      "const rows = aq.fromArrow(refugees);",
      'rows.derive({change: (d) => d.refugees - op.lag(d.refugees)}).orderby(aq.desc("year"))',
      "// Arquero reads table expressions by their source",
      "Inputs.table(rows)"
    ];
    expect(arqueroMayNeedArrow(cells)).toBe(false);
  });
});

describe("arqueroSubsetModule", () => {
  it("arqueroSubsetModule exports each member from the module of the copy that defines it, under its public name", () => {
    const sources = plotExportSources(arqueroIndex, readFileSync(arqueroIndex, "utf8"));
    const code = arqueroSubsetModule(["desc", "fromArrow", "op"], sources);
    const src = path.dirname(arqueroIndex).split(path.sep).join("/");
    expect(code.trim().split("\n")).toEqual([
      `export {desc} from "${src}/helpers/desc.js${arrowlessQuery}";`,
      `export {fromArrow} from "${src}/format/from-arrow.js${arrowlessQuery}";`,
      `export {opApi as op} from "${src}/op/op-api.js${arrowlessQuery}";`
    ]);
  });
});

describe("localModuleTexts", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "mapt-arquero-arrow-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("localModuleTexts reads the modules a page imports and the local modules they import, once each", () => {
    mkdirSync(path.join(dir, "lib"));
    writeFileSync(path.join(dir, "lib", "a.js"), 'import {b} from "./b.js";\nexport const a = (t) => b(t);\n');
    // `./b.js` loads b.ts, as in TypeScript projects; b imports a again (a cycle).
    writeFileSync(path.join(dir, "lib", "b.ts"), 'import "./a.js";\nexport const b = (t: any) => t.toArrowIPC();\n');
    const texts = localModuleTexts([path.join(dir, "lib", "a.js")]);
    expect(texts.length).toBe(2);
    expect(arqueroMayNeedArrow(texts)).toBe(true);
  });
});

describe("arrowlessArquero", () => {
  /** What the plugin resolves `source` imported by `importer` to; `this.resolve` finds the installed file, as Vite would. */
  async function resolved(source: string, importer: string | undefined): Promise<string | undefined> {
    const plugin = arrowlessArquero() as Plugin & {resolveId: (this: unknown, source: string, importer?: string, options?: object) => Promise<{id: string} | string | null | undefined>};
    const context = {resolve: async (s: string, from: string) => ({id: createRequire(from).resolve(s)})};
    const result = await plugin.resolveId.call(context, source, importer, {});
    return typeof result === "object" && result !== null ? result.id : result ?? undefined;
  }
  const copy = arrowlessArqueroId(arqueroIndex);

  it("arrowlessArquero makes every module of the marked copy import marked copies, and flechette's stand-in for flechette", async () => {
    const fromArrow = await resolved("./format/from-arrow.js", copy);
    expect(fromArrow).toBe(path.join(path.dirname(arqueroIndex), "format", "from-arrow.js") + arrowlessQuery);
    expect(await resolved("@uwdata/flechette", fromArrow)).toMatch(/src[\\/]stdlib[\\/]flechette-stand-in\.ts$/);
    // Packages other than flechette stay the ones every page shares.
    expect(await resolved("acorn", copy)).toBeUndefined();
  });

  it("arrowlessArquero leaves published Arquero and everything else alone", async () => {
    expect(await resolved("@uwdata/flechette", path.join(path.dirname(arqueroIndex), "format", "from-arrow.js"))).toBeUndefined();
    expect(await resolved("./format/from-arrow.js", arqueroIndex)).toBeUndefined();
    expect(await resolved("arquero", undefined)).toBeUndefined();
  });
});
