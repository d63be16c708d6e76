import {describe, expect, it} from "vitest";
import {withoutUnrunMarks} from "../../src/cli/export.ts";
import {isUnrun, readNotebook} from "../../src/notebook/index.ts";

const text = [
  "<!doctype html>",
  "<notebook>",
  "  <title>Marks</title>",
  '  <script id="1" type="module">',
  "    const a = 1;",
  "  </script>",
  '  <script id="2" type="module" unrun>',
  "    a + 1",
  "  </script>",
  "</notebook>",
  ""
].join("\n");

describe("mapt export of a notebook with cells saved before they ran", () => {
  it("stages the notebook with no unrun mark, so the export runs and shows those cells, and names them", () => {
    const {text: staged, unmarked} = withoutUnrunMarks(text);
    expect(unmarked).toEqual([2]);
    const cells = readNotebook(staged).notebook.cells;
    expect(cells.filter(isUnrun)).toEqual([]);
    expect(cells.map((cell) => cell.source.trim())).toEqual(["const a = 1;", "a + 1"]);
  });

  it("leaves a notebook with no mark byte for byte", () => {
    const plain = text.replace(" unrun>", ">");
    expect(withoutUnrunMarks(plain)).toEqual({text: plain, unmarked: []});
  });
});
