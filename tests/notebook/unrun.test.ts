import {describe, expect, it} from "vitest";
import {createNotebook, isUnrun, readNotebook, serializeNotebook, withUnrun, type Notebook} from "../../src/notebook/index.ts";

// A file as a person might write it: odd spacing and quoting that a save must keep.
const text = `<!doctype html>
<notebook theme="air">
  <title>Marks</title>
  <script id="1" type="module" pinned>
    const a = 1;
  </script>
  <script  id='2'   type="module">
    a + 1
  </script>
</notebook>
`;

const mark = (notebook: Notebook, id: number, on: boolean): Notebook => ({...notebook, cells: notebook.cells.map((cell) => (cell.id === id ? withUnrun(cell, on) : cell))});

describe("the unrun attribute", () => {
  it("is read from a cell's <script> and written back on that cell only, the rest of the file unchanged", () => {
    const {notebook} = readNotebook(text);
    expect(notebook.cells.map(isUnrun)).toEqual([false, false]);
    const written = serializeNotebook(mark(notebook, 2, true));
    expect(written).toBe(text.replace(`<script  id='2'   type="module">`, `<script  id='2'   type="module" unrun>`));
    expect(readNotebook(written).notebook.cells.map(isUnrun)).toEqual([false, true]);
  });

  it("removing the mark gives back the file as it was before the mark", () => {
    const marked = text.replace(`type="module" pinned>`, `type="module" pinned unrun>`);
    const {notebook} = readNotebook(marked);
    expect(notebook.cells.map(isUnrun)).toEqual([true, false]);
    expect(serializeNotebook(notebook)).toBe(marked);
    expect(serializeNotebook(mark(notebook, 1, false))).toBe(text);
  });

  it("a new notebook writes it as a bare attribute after the known ones", () => {
    const notebook = createNotebook({cells: [{id: 1, source: "x", pinned: true}]});
    expect(serializeNotebook(mark(notebook, 1, true))).toContain(`<script id="1" type="module" pinned unrun>`);
  });

  it("an unedited file without marks reads and writes back byte for byte", () => {
    expect(serializeNotebook(readNotebook(text).notebook)).toBe(text);
  });
});
