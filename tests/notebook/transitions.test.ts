import {describe, expect, it} from "vitest";
import {
  createNotebook,
  readNotebook,
  serializeNotebook,
  transitionNotebook,
  type CellId,
  type Notebook,
  type NotebookEvent
} from "../../src/notebook/index.ts";
import {documentOf} from "./helpers.ts";

const notebook = createNotebook({
  title: "T",
  cells: [
    {id: 1, mode: "md", source: "# One"},
    {id: 2, source: "x = 2"},
    {id: 3, mode: "sql", source: "SELECT 1", output: "t"}
  ]
});
const ids = (nb: Notebook) => nb.cells.map((c) => c.id);
const apply = (...events: NotebookEvent[]) => events.reduce(transitionNotebook, notebook);
const id = (n: number) => n as CellId;

describe("transitionNotebook", () => {
  it("insert puts an empty js cell with the next id at the index", () => {
    const next = apply({type: "insert", index: 1});
    expect(ids(next)).toEqual([1, 4, 2, 3]);
    expect(next.cells[1]).toMatchObject({mode: "js", source: "", pinned: true, hidden: false});
    expect(ids(notebook)).toEqual([1, 2, 3]);
  });

  it("insert clamps the index and honours a requested free id", () => {
    expect(ids(apply({type: "insert", index: 99, id: id(10)}))).toEqual([1, 2, 3, 10]);
    expect(ids(apply({type: "insert", index: -5, id: id(2)}))).toEqual([4, 1, 2, 3]);
  });

  it("delete then restore gives back the cell with its id and position", () => {
    const deleted = apply({type: "delete", id: id(2)});
    expect(ids(deleted)).toEqual([1, 3]);
    const restored = transitionNotebook(deleted, {type: "restore", index: 1, cell: notebook.cells[1]!});
    expect(restored).toEqual(notebook);
    expect(serializeNotebook(restored)).toBe(serializeNotebook(notebook));
  });

  it("restore gives a fresh id only when the old one was taken meanwhile", () => {
    const taken = apply({type: "delete", id: id(3)}, {type: "insert", index: 2});
    expect(ids(taken)).toEqual([1, 2, 3]);
    const restored = transitionNotebook(taken, {type: "restore", index: 0, cell: notebook.cells[2]!});
    expect(ids(restored)).toEqual([4, 1, 2, 3]);
  });

  it("move shifts a cell by one and stops at the ends", () => {
    expect(ids(apply({type: "move", id: id(1), by: 1}))).toEqual([2, 1, 3]);
    expect(ids(apply({type: "move", id: id(3), by: -1}))).toEqual([1, 3, 2]);
    expect(apply({type: "move", id: id(1), by: -1})).toBe(notebook);
    expect(apply({type: "move", id: id(3), by: 1})).toBe(notebook);
  });

  it("moveTo places a cell at an index of the list without it", () => {
    expect(ids(apply({type: "moveTo", id: id(1), index: 2}))).toEqual([2, 3, 1]);
    expect(ids(apply({type: "moveTo", id: id(3), index: 0}))).toEqual([3, 1, 2]);
  });

  it("duplicate copies a cell below it with a fresh id", () => {
    const next = apply({type: "duplicate", id: id(3)});
    expect(ids(next)).toEqual([1, 2, 3, 4]);
    expect(next.cells[3]).toEqual({...notebook.cells[2], id: 4});
  });

  it("setMode changes the mode and drops an unknown type", () => {
    const odd = readNotebook('<notebook><script id="1" type="text/plain">hi</script></notebook>').notebook;
    expect(odd.cells[0]!.type).toBe("text/plain");
    const next = transitionNotebook(odd, {type: "setMode", id: id(1), mode: "md"});
    expect(next.cells[0]).toMatchObject({mode: "md", source: "hi"});
    expect(next.cells[0]!.type).toBeUndefined();
    expect(apply({type: "setMode", id: id(2), mode: "js"})).toBe(notebook);
  });

  it("togglePinned and toggleHidden flip the attributes that are saved", () => {
    const next = apply({type: "togglePinned", id: id(2)}, {type: "toggleHidden", id: id(1)});
    expect(next.cells[1]!.pinned).toBe(false);
    expect(next.cells[0]!.hidden).toBe(true);
    expect(serializeNotebook(next)).toContain('<script id="1" type="text/markdown" hidden>');
  });

  it("edit replaces a cell's source and keeps the same object when unchanged", () => {
    expect(apply({type: "edit", id: id(2), source: "x = 3"}).cells[1]!.source).toBe("x = 3");
    expect(apply({type: "edit", id: id(2), source: "x = 2"})).toBe(notebook);
  });

  it("events naming a missing cell leave the notebook unchanged", () => {
    for (const event of [
      {type: "delete", id: id(9)},
      {type: "move", id: id(9), by: 1},
      {type: "duplicate", id: id(9)},
      {type: "edit", id: id(9), source: ""}
    ] as NotebookEvent[]) {
      expect(transitionNotebook(notebook, event)).toBe(notebook);
    }
  });

  it("a notebook changed by transitions reads back identically after serializing", () => {
    const next = apply(
      {type: "insert", index: 0, mode: "md", source: "# New\n\n</script> inside"},
      {type: "duplicate", id: id(2)},
      {type: "move", id: id(3), by: -1},
      {type: "setTitle", title: "Edited"}
    );
    expect(documentOf(readNotebook(serializeNotebook(next)).notebook)).toEqual(next);
  });
});
