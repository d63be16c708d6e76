import {readdirSync, readFileSync, statSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";

const src = path.resolve(import.meta.dirname, "../src");

/** DESIGN.md "Layout and dependency direction": the folders each folder may import. */
const allowed: Record<string, string[]> = {
  shared: [],
  notebook: ["shared"],
  session: ["shared", "notebook"],
  share: ["shared", "notebook"],
  compiler: ["shared", "notebook"],
  data: ["shared"],
  stdlib: ["shared", "data"],
  runtime: ["shared", "notebook", "session", "share", "compiler", "data", "stdlib"],
  ui: ["shared", "notebook", "session", "share", "compiler", "data", "stdlib", "runtime"],
  app: ["shared", "notebook", "session", "share", "compiler", "data", "stdlib", "runtime", "ui"],
  vite: ["shared", "notebook", "compiler", "data", "stdlib"],
  cli: ["shared", "notebook", "compiler", "data", "stdlib", "vite"]
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Every relative import of src/, as [importing folder, imported folder, imported file]. */
function crossFolderImports(): Array<{from: string; file: string; to: string; target: string; dynamic: boolean}> {
  return sourceFiles(src).flatMap((file) => {
    const from = path.relative(src, file).split(path.sep)[0]!;
    const text = readFileSync(file, "utf8");
    return [...text.matchAll(/(?:import|export)[^"']*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g)].flatMap((m) => {
      const target = path.resolve(path.dirname(file), m[1] ?? m[2]!);
      const to = path.relative(src, target).split(path.sep)[0]!;
      return to === from ? [] : [{from, file: path.relative(src, file), to, target: path.relative(src, target), dynamic: m[2] !== undefined}];
    });
  });
}

describe("architecture", () => {
  it("every folder of src/ is in the dependency table", () => {
    const folders = readdirSync(src).filter((name) => statSync(path.join(src, name)).isDirectory());
    expect(folders.filter((folder) => !(folder in allowed))).toEqual([]);
  });

  it("no folder imports against the direction in DESIGN.md", () => {
    const wrong = crossFolderImports()
      .filter(({from, to}) => !allowed[from]?.includes(to))
      .map(({file, target}) => `${file} imports ${target}`);
    expect(wrong).toEqual([]);
  });

  // A dynamic import() may load one module of another folder on its own (still in the direction
  // above): through index.ts, which re-exports it statically, the bundler would put it in the
  // importer's chunk, and the point of loading it later would be lost.
  it("folders import each other statically only through index.ts", () => {
    const deep = crossFolderImports()
      .filter(({target, dynamic}) => !dynamic && !/^[^/\\]+[/\\]index\.ts$/.test(target))
      .map(({file, target}) => `${file} imports ${target}`);
    expect(deep).toEqual([]);
  });
});
