import {describe, expect, it} from "vitest";
import {createCell, readNotebook, serializeNotebook, transitionNotebook, type CellId, type Notebook, type NotebookEvent} from "../../src/notebook/index.ts";
import {file, fixture, notebookFiles} from "./helpers.ts";

const files = notebookFiles();

/** What changed between two texts: the differing middle of each, after their common prefix and suffix. */
function changed(before: string, after: string): {removed: string; added: string} {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {removed: before.slice(start, before.length - end), added: after.slice(start, after.length - end)};
}

/** Applies events to the notebook read from `text` and writes it. */
function edit(text: string, ...events: NotebookEvent[]): {notebook: Notebook; written: string} {
  const notebook = events.reduce(transitionNotebook, readNotebook(text).notebook);
  return {notebook, written: serializeNotebook(notebook)};
}

/** The saved fields of each cell, to compare what two files hold. */
function cellsOf(text: string) {
  return readNotebook(text).notebook.cells.map(({id, mode, source, pinned, hidden, output, database, extra, type}) => ({id, mode, source, pinned, hidden, output, database, extra, type}));
}

/** Offset just after the `</script>` of the cell whose start tag begins with `start`. */
function endOfCell(text: string, start: string): number {
  return text.indexOf("</script>", text.indexOf(start)) + "</script>".length;
}

const endTags = (text: string) => text.match(/<\/script[\s/>]/gi)?.length ?? 0;

describe("serializeNotebook on files it read", () => {
  it("serializeNotebook writes every format fixture, shipped notebook and e2e fixture back byte for byte", () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
    for (const {name, text} of files) expect(serializeNotebook(readNotebook(text).notebook), name).toBe(text);
  });

  it("serializeNotebook writes CRLF, lone-CR, BOM and no-final-newline variants back byte for byte", () => {
    for (const {name, text} of files) {
      for (const variant of [text.replace(/\n/g, "\r\n"), text.replace(/\n/g, "\r"), "\ufeff" + text, text.trimEnd()]) {
        expect(serializeNotebook(readNotebook(variant).notebook), name).toBe(variant);
      }
    }
  });

  it("serializeNotebook changes only the edited cell's body, for every cell of every file", () => {
    for (const {name, text} of files) {
      for (const cell of readNotebook(text).notebook.cells) {
        const source = `${cell.source}\nedited = "</script> and <!-- <script>"`;
        const {written} = edit(text, {type: "edit", id: cell.id, source});
        const {removed, added} = changed(text, written);
        expect(endTags(removed) + endTags(added), `${name} cell ${cell.id}`).toBe(0);
        expect(cellsOf(written), `${name} cell ${cell.id}`).toEqual(cellsOf(text).map((c) => (c.id === cell.id ? {...c, source} : c)));
      }
    }
  });

  it("serializeNotebook writes an edited source with the file's line endings", () => {
    const text = fixture("kit-layout.html").replace(/\n/g, "\r\n");
    const {written} = edit(text, {type: "edit", id: 3 as CellId, source: "a\nb"});
    expect(written).not.toMatch(/[^\r]\n/);
    expect(written).toContain('<script id="3" type="text/x-typescript" pinned="">\r\n    a\r\n    b\r\n  </script>');
    const mac = edit(fixture("kit-layout.html").replace(/\n/g, "\r"), {type: "insert", index: 0, source: "a\nb"}).written;
    expect(mac).not.toContain("\n");
    expect(readNotebook(mac).notebook.cells[0]!.source).toBe("a\nb");
  });

  it("serializeNotebook changes only the toggled attribute, keeping the tag's other attributes as written", () => {
    const text = fixture("hand-written.html");
    expect(edit(text, {type: "togglePinned", id: 2 as CellId}).written).toBe(text.replace("id='2' pinned data-note", "id='2' data-note"));
    const sql = "<script id=3 type=application/sql output=counts database=var:db>";
    expect(edit(text, {type: "toggleHidden", id: 3 as CellId}).written).toBe(text.replace(sql, sql.replace(">", " hidden>")));
    const kit = fixture("kit-layout.html");
    expect(edit(kit, {type: "togglePinned", id: 2 as CellId}).written).toBe(kit.replace('<script id="2" type="module" pinned="">', '<script id="2" type="module">'));
    expect(edit(kit, {type: "setMode", id: 4 as CellId, mode: "js"}).written).toBe(kit.replace('id="4" type="application/vnd.observable.javascript"', 'id="4" type="module"'));
  });

  it("serializeNotebook writes a new cell in the canonical layout and leaves the rest as written", () => {
    const text = fixture("hand-written.html");
    const at = endOfCell(text, "<script type='module' id='2'");
    const {written} = edit(text, {type: "insert", index: 2, mode: "md", source: "# New"});
    expect(written).toBe(text.slice(0, at) + '\n  <script id="6" type="text/markdown">\n    # New\n  </script>' + text.slice(at));
  });

  it("serializeNotebook removes a deleted cell with its whitespace but keeps the comment before it", () => {
    const text = fixture("hand-written.html");
    const {written} = edit(text, {type: "delete", id: 3 as CellId});
    const {removed, added} = changed(text, written);
    expect(added).toBe("");
    expect(endTags(removed)).toBe(1);
    expect(removed).toMatch(/^\n\s*<script id=3[^]*<\/script>$/);
    expect(written).toContain("<!-- A comment about the next cell,\n       over two lines. -->");
    expect(cellsOf(written).map((c) => c.id)).toEqual([1, 2, 4, 5]);
  });

  it("serializeNotebook moves a cell with the text before it and loses no byte", () => {
    const text = fixture("kit-layout.html");
    const {notebook, written} = edit(text, {type: "moveTo", id: 1 as CellId, index: 11});
    expect(written.length).toBe(text.length);
    expect(cellsOf(written).map((c) => c.id)).toEqual(notebook.cells.map((c) => c.id));
    expect([...written].sort().join("")).toBe([...text].sort().join(""));
  });

  it("serializeNotebook gives back the file's bytes when an edit is undone", () => {
    for (const {name, text} of files) {
      const {notebook} = readNotebook(text);
      const cell = notebook.cells[0];
      if (!cell) continue;
      const undone = [
        {type: "edit", id: cell.id, source: cell.source + " "},
        {type: "edit", id: cell.id, source: cell.source},
        {type: "togglePinned", id: cell.id},
        {type: "togglePinned", id: cell.id}
      ].reduce((nb, event) => transitionNotebook(nb, event as NotebookEvent), notebook);
      expect(serializeNotebook(undone), name).toBe(text);
    }
  });

  it("serializeNotebook rewrites a changed title in place and adds a missing one after <notebook>", () => {
    const text = fixture("escapes.html");
    expect(changed(text, edit(text, {type: "setTitle", title: "A & B"}).written)).toEqual({removed: "Escapes &amp; entities &#8212; &lt;kept&gt;", added: "A &amp; B"});
    const untitled = file("<!doctype html>", "<notebook>", '  <script id="1">a</script>', "</notebook>");
    expect(edit(untitled, {type: "setTitle", title: "New"}).written).toBe(file("<!doctype html>", "<notebook>", "  <title>New</title>", '  <script id="1">a</script>', "</notebook>"));
  });

  it("serializeNotebook rewrites only the changed root attribute", () => {
    const text = fixture("hand-written.html");
    const notebook = readNotebook(text).notebook;
    const written = serializeNotebook({...notebook, theme: "slate", readOnly: false});
    expect(changed(text, written)).toEqual({removed: "readonly theme='ink'", added: "theme=\"slate\""});
  });

  it("serializeNotebook keeps ids it renumbered as written while they read back the same", () => {
    const text = fixture("odd-ids.html");
    const {written} = edit(text, {type: "edit", id: 7 as CellId, source: 'padded = "edited"'});
    expect(written).toContain('<script id="header" type="text/markdown">');
    expect(written).toContain('<script id="007" type="module">');
    expect(cellsOf(written).map((c) => c.id)).toEqual(cellsOf(text).map((c) => c.id));
  });

  it("serializeNotebook writes each renumbered cell's id when a move would renumber them otherwise", () => {
    const text = fixture("odd-ids.html");
    const {notebook, written} = edit(text, {type: "moveTo", id: 1 as CellId, index: 9});
    expect(cellsOf(written).map((c) => c.id)).toEqual(notebook.cells.map((c) => c.id));
    expect(written).toContain('<script id="1" type="text/markdown">');
    expect(written).toContain('<script type="text/markdown" id="2">');
    expect(written).toContain('<script id="4" type="module">');
  });

  it("serializeNotebook writes a duplicated cell as a new cell and the original as it was", () => {
    const text = fixture("hand-written.html");
    const at = endOfCell(text, "<script type='module' id='2'");
    const {written} = edit(text, {type: "duplicate", id: 2 as CellId});
    const copy = '\n  <script id="6" type="module" pinned data-note="kept as written">\n    \t\tconst tabbed = true;\n  </script>';
    expect(written).toBe(text.slice(0, at) + copy + text.slice(at));
  });

  it("serializeNotebook writes a restored cell back exactly where and as it was", () => {
    const text = fixture("hand-written.html");
    const {notebook} = readNotebook(text);
    const deleted = transitionNotebook(notebook, {type: "delete", id: 2 as CellId});
    const restored = transitionNotebook(deleted, {type: "restore", index: 1, cell: notebook.cells[1]!});
    expect(serializeNotebook(restored)).toBe(text);
  });

  it("serializeNotebook closes an unclosed cell it rewrites, so the file reads back as the editor showed it", () => {
    const text = file("<!doctype html>", "<notebook>", '  <script id="1" type="module">', "    x = 1");
    const {written} = edit(text, {type: "edit", id: 1 as CellId, source: "x = 2"});
    expect(readNotebook(written).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(cellsOf(written).map((c) => c.source)).toEqual(["x = 2"]);
  });

  it("serializeNotebook writes cells made by createCell into a read notebook in the canonical layout", () => {
    const notebook = readNotebook(fixture("escapes.html")).notebook;
    const cell = createCell({id: 9, mode: "md", source: "# Added"});
    const written = serializeNotebook({...notebook, cells: [...notebook.cells, cell]});
    expect(written).toContain('</script>\n  <script id="9" type="text/markdown">\n    # Added\n  </script>\n</notebook>');
  });
});
