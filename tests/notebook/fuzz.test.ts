import {describe, expect, it} from "vitest";
import {readNotebook, serializeNotebook, transitionNotebook, type NotebookEvent} from "../../src/notebook/index.ts";
import {random, randomFiles} from "./randomFiles.ts";

describe("readNotebook on random files", () => {
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
