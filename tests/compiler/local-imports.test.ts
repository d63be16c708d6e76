import {describe, expect, it} from "vitest";
import {compile} from "./compile.ts";

describe("compileCell and local modules", () => {
  it("compileCell records a local import for the build, as written", () => {
    const cell = compile(`import {a} from "./lib/a.js";\nconst b = await import("./lib/b.ts");`);
    expect(cell.error).toBeUndefined();
    expect(cell.imports).toEqual(["./lib/a.js", "./lib/b.ts"]);
    expect(cell.inputs).toContain("__import");
  });

  it("compileCell refuses an import that leaves the notebook's folder, at the specifier", () => {
    expect(compile(`const x = 1;\nimport {a} from "../a.js";`).error).toEqual({
      message: `Import "../a.js" leaves the notebook's folder: a cell may import only files in its notebook's folder or below it (such as "./lib/thing.js")`,
      line: 2,
      column: 17
    });
    expect(compile(`import("./lib/../../a.js")`).error?.message).toMatch(/^Import "\.\/lib\/\.\.\/\.\.\/a\.js" leaves the notebook's folder/);
    expect(compile(`import {a} from "./lib/../a.js";`).error).toBeUndefined();
  });

  it("compileCell refuses an import from the site's root", () => {
    expect(compile(`import {a} from "/lib/a.js";`).error).toMatchObject({line: 1, column: 17, message: expect.stringMatching(/starts at the site's root/)});
  });

  it("compileCell keeps Vite's ?raw and ?url suffixes of a local import and refuses a non-module file without one", () => {
    const cell = compile(`import shader from "./gl/blur.wgsl?raw";\nimport icon from "./icon.png?url";`);
    expect(cell.error).toBeUndefined();
    expect(cell.imports).toEqual(["./gl/blur.wgsl?raw", "./icon.png?url"]);
    expect(compile(`import shader from "./gl/blur.wgsl";`).error?.message).toMatch(/names a file that is not a JavaScript module: add \?raw to import its text/);
    expect(compile(`import data from "./rows.json";\nimport "./look.css";\nimport {f} from "./lib/f";`).error).toBeUndefined();
  });
});
