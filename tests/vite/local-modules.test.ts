import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {compileCell} from "../../src/compiler/index.ts";
import {createCell} from "../../src/notebook/index.ts";
import {checkedModuleCode, isLocalModuleFile, localModulesOf, moduleFile, nonModuleCode, packageAddressesOf} from "../../src/vite/local-modules.ts";

const dir = mkdtempSync(path.join(tmpdir(), "mapt-local-modules-"));
mkdirSync(path.join(dir, "lib"));
writeFileSync(path.join(dir, "lib", "a.js"), "export const a = 1;\n");
writeFileSync(path.join(dir, "lib", "b.ts"), "export const b: number = 2;\n");
writeFileSync(path.join(dir, "lib", "blur.frag"), "void main() {}\n");
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const cell = (source: string) => compileCell(createCell({id: 1, source}));

describe("a notebook's local modules at build time", () => {
  it("localModulesOf lists the files beside the notebook that cells import, once each, and skips missing ones", () => {
    const cells = [cell(`import {a} from "./lib/a.js";`), cell(`import("./lib/./a.js"); import("./lib/b.ts"); import("./lib/none.js"); import("d3");`)];
    expect(localModulesOf(cells, dir)).toEqual([
      {path: "lib/a.js", file: path.join(dir, "lib", "a.js")},
      {path: "lib/b.ts", file: path.join(dir, "lib", "b.ts")}
    ]);
  });

  it("localModulesOf loads a TypeScript module for its .js name when only the .ts file exists, as Vite does", () => {
    const cells = [cell(`import {b} from "./lib/b.js"; import {a} from "./lib/a.js";`)];
    expect(localModulesOf(cells, dir)).toEqual([
      {path: "lib/a.js", file: path.join(dir, "lib", "a.js")},
      {path: "lib/b.js", file: path.join(dir, "lib", "b.ts")}
    ]);
    expect(moduleFile(path.join(dir, "lib", "b.mjs"))).toBeUndefined();
    expect(moduleFile(path.join(dir, "lib", "none.js"))).toBeUndefined();
  });

  it("isLocalModuleFile is true for scripts in a notebook folder, not for others or packages", () => {
    expect(isLocalModuleFile(path.join(dir, "lib", "b.ts"), [dir])).toBe(true);
    expect(isLocalModuleFile(path.join(dir, "lib", "data.csv"), [dir])).toBe(false);
    expect(isLocalModuleFile(path.join(dir, "node_modules", "x", "index.js"), [dir])).toBe(false);
    expect(isLocalModuleFile(path.join(tmpdir(), "elsewhere.js"), [dir])).toBe(false);
  });

  it("checkedModuleCode keeps a module that parses and turns one that does not into its positioned error", () => {
    expect(checkedModuleCode("export const b: number = 2;\n", path.join(dir, "lib", "b.ts"), [dir])).toBeUndefined();
    const replaced = checkedModuleCode("export const ok = 1;\nexport const bad: = 2;\n", path.join(dir, "lib", "c.ts"), [dir])!;
    expect(() => new Function(replaced)()).toThrow(new SyntaxError("lib/c.ts (2:19): Unexpected token"));
  });

  it("localModulesOf keeps a ?raw or ?url import apart from the file's plain import", () => {
    expect(localModulesOf([cell(`import text from "./lib/blur.frag?raw"; import a from "./lib/a.js?url";`)], dir)).toEqual([
      {path: "lib/a.js?url", file: path.join(dir, "lib", "a.js")},
      {path: "lib/blur.frag?raw", file: path.join(dir, "lib", "blur.frag")}
    ]);
  });

  it("nonModuleCode replaces a non-JavaScript file a module imports with a module that throws saying what to add", () => {
    const code = nonModuleCode(path.join(dir, "lib", "blur.frag"), [dir]);
    expect(() => new Function(code!)()).toThrow("lib/blur.frag is not a JavaScript module: import it with ?raw for its text or ?url for its address");
    expect(nonModuleCode(path.join(dir, "lib", "a.js"), [dir])).toBeUndefined();
    writeFileSync(path.join(dir, "page.html"), "<!doctype html><notebook></notebook>\n");
    expect(nonModuleCode(path.join(dir, "page.html"), [dir])).toBeUndefined();
    expect(nonModuleCode(`${path.join(dir, "lib", "blur.frag")}?raw`, [dir])).toBeUndefined();
    expect(nonModuleCode(path.join(tmpdir(), "elsewhere.frag"), [dir])).toBeUndefined();
  });

  it("packageAddressesOf finds the jsDelivr package addresses a module imports, in TypeScript too", () => {
    const code = `interface Row {n: number}\nimport {html} from "https://cdn.jsdelivr.net/npm/htl@0.3/+esm";\nexport * from "https://cdn.jsdelivr.net/npm/d3-array/+esm";\nconst f = (r: Row) => import("https://example.org/x.js");`;
    const found = packageAddressesOf(code, "helpers.ts");
    expect(found.map((a) => [a.name, code.slice(a.start, a.end)])).toEqual([
      ["d3-array", '"https://cdn.jsdelivr.net/npm/d3-array/+esm"'],
      ["htl", '"https://cdn.jsdelivr.net/npm/htl@0.3/+esm"']
    ]);
  });
});
