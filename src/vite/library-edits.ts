import path from "node:path";
import type {Plugin} from "vite";

/**
 * What the build changes in libraries so that a reader page runs under its strict policy (no
 * `'unsafe-eval'`, no inline script; src/shared/content-policy.ts) without breaking a rule:
 * - Arquero compiles every table expression with `Function`: its three calls go to
 *   `makeFunction` (src/stdlib/generated-code.ts), which interprets the code where the page
 *   refuses `Function`.
 * - d3-dsv builds each CSV row's object with `new Function`, and Apache Arrow its builders' null
 *   test: both become plain closures doing the same.
 * - htl (behind html`...` and Inputs) parses a template whose `on…` attributes hold
 *   placeholders for the functions interpolated there; the policy refuses each as inline script
 *   (a reported violation) before htl replaces it by a property. The placeholder attribute now
 *   has another name.
 * Each edit names the text it expects; a library whose text changed stops the build (so an
 * upgrade never brings `eval` back silently).
 */
interface LibraryEdit {
  /** The file, as the end of its path in node_modules. */
  file: string;
  /** Each text to replace and what replaces it. */
  replace: Array<[RegExp, string]>;
  /** A module to import first, as `import {makeFunction as __maptFunction} from ...`. */
  importsMakeFunction?: boolean;
}

const arqueroFunction: Array<[RegExp, string]> = [[/(?<![\w$.])Function\(/g, "__maptFunction("]];

// htl writes a placeholder `onclick="::0"` for a function value: renamed `htl-handler-onclick`, no
// handler attribute reaches the page, and the walk that replaces placeholders sets `onclick`.
const handlerName = (strings: string) =>
  `if (typeof value === "function" && /^on/i.test(name)) { const at = string.length - ${strings}.length + attributeNameStart; string = string.slice(0, at) + "htl-handler-" + string.slice(at); }`;
const htlInPage: Array<[RegExp, string]> = [
  [/string \+= `::\$\{j\}`;/, `${handlerName("strings[j]")}\nstring += \`::\${j}\`;`],
  [/element\[name\] = value;/, `element[name.replace(/^htl-handler-/, "")] = value;`]
];

export const libraryEdits: LibraryEdit[] = [
  {file: "arquero/src/expression/compile.js", replace: arqueroFunction, importsMakeFunction: true},
  {file: "arquero/src/expression/compare.js", replace: arqueroFunction, importsMakeFunction: true},
  {file: "arquero/src/util/unroll.js", replace: arqueroFunction, importsMakeFunction: true},
  {
    file: "d3-dsv/dist/d3-dsv.mjs",
    replace: [
      [
        /return new Function\("d", "return \{" \+ columns\.map\(function\(name, i\) \{\s*return JSON\.stringify\(name\) \+ ": d\[" \+ i \+ "\] \|\| \\"\\""; *\s*\}\)\.join\(","\) \+ "\}"\);/,
        // Assigned, as the literal's quoted keys are ("__proto__" sets no property).
        `return function(d) { var o = {}; columns.forEach(function(name, i) { o[name] = d[i] || ""; }); return o; };`
      ]
    ]
  },
  // Inputs' own htl (0.3, the same code) is not bundled: the build gives it this one (vite/import-redirects.ts).
  {file: "htl/dist/index.js", replace: htlInPage},
  {
    file: "apache-arrow/builder/valid.mjs",
    replace: [
      [
        /return new Function\(`x`, `\$\{fnBody\}\\nreturn true;`\);/,
        // Same answers as the generated switch: a value is null when it is one of nullValues (===), or NaN when NaN is one.
        "void fnBody; const nanIsNull = nullValues.length !== noNaNs.length; return function isValid(x) { return x !== x ? !nanIsNull : !noNaNs.some((n) => n === x); };"
      ]
    ]
  }
];

/** The Vite plugin that applies {@link libraryEdits} (build only: the dev server's pages may compile). */
export function strictLibraries(makeFunctionModule: string): Plugin {
  return {
    name: "mapt:strict-libraries",
    apply: "build",
    enforce: "pre",
    transform(code, id) {
      const file = id.split("?")[0]!.split(path.sep).join("/");
      const edit = libraryEdits.find((e) => file.endsWith(`/node_modules/${e.file}`));
      if (!edit) return;
      let result = code;
      for (const [pattern, replacement] of edit.replace) {
        if (result.search(pattern) < 0) this.error(`${edit.file}: the text MAPT replaces so that pages keep their strict policy was not found (${pattern}); the library changed, update src/vite/library-edits.ts`);
        result = result.replace(pattern, () => replacement);
      }
      if (edit.importsMakeFunction) result = `import {makeFunction as __maptFunction} from ${JSON.stringify(makeFunctionModule.split(path.sep).join("/"))};\n${result}`;
      return {code: result, map: null};
    }
  };
}
