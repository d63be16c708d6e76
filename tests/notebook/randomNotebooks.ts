import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {createNotebook, readNotebook, serializeNotebook, type Cell, type CellMode} from "../../src/notebook/index.ts";
import {random, randomFiles} from "./randomFiles.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** Every cell of the shipped notebooks and the end-to-end fixtures: real sources to start from. */
function corpus(): Cell[] {
  const files = [
    ...readdirSync(path.join(root, "notebooks")).map((name) => path.join(root, "notebooks", name)),
    ...readdirSync(path.join(root, "tests/e2e/fixtures")).map((name) => path.join(root, "tests/e2e/fixtures", name))
  ].filter((file) => file.endsWith(".html"));
  // Long cells are cut to their first lines: the fuzz is about shapes, and stays fast.
  return files.flatMap((file) => readNotebook(readFileSync(file, "utf8")).notebook.cells).map((cell) => ({...cell, source: cell.source.slice(0, 400)}));
}

const modes: CellMode[] = ["js", "ts", "ojs", "md", "html", "tex", "sql", "dot", "node", "python", "r"];

/** What careless typing and hostile files put into a cell. */
const bits = [
  "{", "}", "${", "`", "(", ")", "[", "]", ";", ",", "'", '"', "\n", "\\", "//", "/*", "*/", "=>", "await ", "yield 1;", "return;", "export ",
  "const {a, ...rest} = x;", "viewof x = Inputs.range()", "mutable m = 2", "while (true) {}", "for (;;) {}", 'import {x} from "npm:d3";',
  'import("npm:nope")', "</script>", "<\\/script>", "<!--", "-->", "\u2028", "\u0000", "x = 1;", "delete x;", "arguments", "this", "super()",
  "new.target", "import.meta", "class A extends B {}", "function* g() { yield* h(); }", "async () => { for await (const x of y) {} }",
  "${md`x`}", "${html`<b>${x}</b>`}", "FileAttachment(\"../../etc/passwd\")", "SELECT * FROM t WHERE x = ${x}", "$${", "a?.b?.[c]"
];

/** Random edits of `text`: insertions, deletions and duplications of stretches, `count` of them. */
export function mutate(text: string, next: () => number, pieces: readonly string[], count: number): string {
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * (text.length + 1));
    const length = Math.floor(next() * 12);
    const op = next();
    if (op < 0.5) text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at);
    else if (op < 0.8) text = text.slice(0, at) + text.slice(at + length);
    else text = text.slice(0, at) + text.slice(at, at + length).repeat(2) + text.slice(at + length);
  }
  return text;
}

/**
 * `count` notebook files, the same for the same seed: one to four cells taken from the shipped
 * notebooks (their mode sometimes changed), their sources edited at random, the file written by
 * `serializeNotebook` and then, every other time, edited as text too (tags, comments, quotes).
 */
export function randomNotebooks(seed: number, count: number): string[] {
  const next = random(seed);
  const cells = corpus();
  const filePieces = randomFiles(seed + 1, 500);
  return Array.from({length: count}, () => {
    const picked = Array.from({length: 1 + Math.floor(next() * 4)}, () => {
      const cell = cells[Math.floor(next() * cells.length)]!;
      const mode = next() < 0.15 ? modes[Math.floor(next() * modes.length)]! : cell.mode;
      const source = next() < 0.8 ? mutate(cell.source, next, bits, 1 + Math.floor(next() * 4)) : cell.source;
      return {mode, source, pinned: cell.pinned, hidden: cell.hidden, ...(cell.output !== undefined && next() < 0.9 ? {output: cell.output} : {})};
    });
    const text = serializeNotebook(createNotebook({title: "Fuzz", cells: picked}));
    return next() < 0.5 ? mutate(text, next, filePieces, 1 + Math.floor(next() * 3)) : text;
  });
}
