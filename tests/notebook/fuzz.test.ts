import {describe, expect, it} from "vitest";
import {compileNotebook} from "../../src/compiler/index.ts";
import {readNotebook, serializeNotebook, transitionNotebook, type NotebookEvent} from "../../src/notebook/index.ts";
import {decodeShareFragment, encodeShareFragment, NOTEBOOK_PREFIX} from "../../src/share/index.ts";
import {random, randomFiles} from "./randomFiles.ts";
import {mutate, randomNotebooks} from "./randomNotebooks.ts";

/**
 * Reads and compiles `text` as a page does; throws (failing the test) unless every problem is
 * reported where it belongs: a diagnostic with a line of the file, or an error on its cell with a
 * line and column of that cell, whose body throws that positioned message when run. Every other
 * body must be a function the runtime can define.
 */
function readAndCompile(text: string): void {
  const {notebook, diagnostics} = readNotebook(text);
  const fileLines = text.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    if (!(d.line >= 1 && d.line <= fileLines && d.message.length > 0)) throw new Error(`diagnostic off the file: ${JSON.stringify(d)}`);
  }
  const compiled = compileNotebook(notebook);
  compiled.forEach((cell, i) => {
    const source = notebook.cells[i]!.source;
    const body = new Function(`return (${cell.body});`)();
    if (typeof body !== "function") throw new Error(`cell ${cell.id}: body is not a function`);
    if (cell.error === undefined) return;
    const {message, line, column} = cell.error;
    if (!(message.length > 0 && line >= 1 && line <= source.split("\n").length + 1 && column >= 1)) throw new Error(`cell ${cell.id}: error off the cell: ${JSON.stringify(cell.error)}`);
    let thrown: unknown;
    try {
      body();
    } catch (error) {
      thrown = error;
    }
    if (!(thrown instanceof Error && thrown.message.endsWith(`(${line}:${column})`))) throw new Error(`cell ${cell.id}: body does not report ${message} (${line}:${column})`);
  });
}

// Thousands of notebooks: seconds alone, a minute on a loaded two-core machine. Not a timing test.
const fuzzTimeout = {timeout: 300_000};

describe("readNotebook on random files", fuzzTimeout, () => {
  it("readNotebook never throws and serializeNotebook gives back every random file byte for byte", () => {
    for (const text of randomFiles(42, 3000)) {
      expect(serializeNotebook(readNotebook(text).notebook), JSON.stringify(text)).toBe(text);
    }
  });

  it("serializeNotebook writes an edit to any cell of a random file so that it reads back as edited", () => {
    const next = random(7);
    for (const text of randomFiles(43, 3000)) {
      const {notebook} = readNotebook(text);
      const cell = notebook.cells[Math.floor(next() * notebook.cells.length)];
      if (!cell) continue;
      const events: NotebookEvent[] = [
        {type: "edit", id: cell.id, source: `${cell.source}\n<!-- <script> </script> "edited"`},
        {type: "togglePinned", id: cell.id},
        {type: "moveTo", id: cell.id, index: 0}
      ];
      const edited = events.reduce(transitionNotebook, notebook);
      const reread = readNotebook(serializeNotebook(edited)).notebook;
      const saved = (nb: typeof notebook) => nb.cells.map((c) => [c.id, c.source, c.pinned, c.mode]);
      expect(saved(reread), JSON.stringify(text)).toEqual(saved(edited));
    }
  });
});

describe("read and compile on generated and mutated notebooks", fuzzTimeout, () => {
  it("readNotebook and compileNotebook never throw on 5,000 mutated notebooks, and report every failure on its cell or line", () => {
    for (const text of randomNotebooks(2026, 5000)) {
      expect(() => readAndCompile(text), JSON.stringify(text)).not.toThrow();
    }
  });

  it("decodeShareFragment never throws on 1,500 damaged links, and what it decodes reads and compiles", async () => {
    const next = random(11);
    const notebooks = randomNotebooks(2027, 300);
    const pieces = ["", "%", "#", "nb2/", "state1/", "nb1/", "=", "+", "/", "\u00e9", "AAAA", "____"];
    let decoded = 0;
    for (let i = 0; i < 1500; i++) {
      const notebook = notebooks[i % notebooks.length]!;
      const valid = await encodeShareFragment({notebook, inputs: {x: i}, files: []});
      const cut = next();
      // Whole links, links cut short, links edited by hand, links with another prefix or version.
      const fragment = cut < 0.3 ? valid
        : cut < 0.55 ? valid.slice(0, Math.floor(next() * valid.length))
        : cut < 0.85 ? NOTEBOOK_PREFIX + mutate(valid.slice(NOTEBOOK_PREFIX.length), next, pieces, 1 + Math.floor(next() * 3))
        : mutate(valid, next, pieces, 2);
      const link = await decodeShareFragment(fragment);
      if ("error" in link) {
        expect(link.error.length, fragment).toBeGreaterThan(0);
        continue;
      }
      decoded++;
      if (link.payload.notebook !== undefined) expect(() => readAndCompile(link.payload.notebook!), fragment).not.toThrow();
    }
    // Enough links survive to exercise the reader, and enough are damaged to exercise the errors.
    expect(decoded).toBeGreaterThan(300);
    expect(decoded).toBeLessThan(1400);
  });
});
