import {describe, expect, it} from "vitest";
import {readNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {designExample} from "./designExample.ts";
import {documentOf, file, fixture} from "./helpers.ts";

function ids(text: string): number[] {
  return readNotebook(text).notebook.cells.map((cell) => cell.id);
}

function sources(text: string): string[] {
  return readNotebook(text).notebook.cells.map((cell) => cell.source);
}

describe("readNotebook", () => {
  it("readNotebook reads the design's example without diagnostics", () => {
    const {notebook, diagnostics} = readNotebook(designExample);
    expect(diagnostics).toEqual([]);
    expect(notebook.title).toBe("Kenya 2007-08");
    expect(notebook.theme).toBe("air");
    expect(notebook.cells.map((cell) => [cell.id, cell.mode])).toEqual([[1, "md"], [2, "sql"], [3, "js"]]);
    expect(notebook.cells[1]).toMatchObject({database: "var:db", output: "deaths", pinned: false});
    expect(notebook.cells[1]!.source).toBe("SELECT year, deaths FROM ucdp_country_year WHERE country = ${country}");
  });

  it("readNotebook strips four spaces from each line and keeps the rest of the indentation", () => {
    const text = file("<notebook>", '  <script id="1" type="module">', "    if (x) {", "      y();", "", "    }", "  </script>", "</notebook>");
    expect(sources(text)).toEqual(["if (x) {\n  y();\n\n}"]);
  });

  it("readNotebook keeps Markdown indented deeper than four spaces as it was, not as a code block", () => {
    const [list, paragraph, html, tabbed] = sources(fixture("markdown-indent.html"));
    expect(list).toContain("\n  - risk assessment indented two more\n    - a third level");
    expect(list).toContain("\n    A paragraph inside the third item, not a code block.");
    expect(list).toContain("\n        four more spaces than the text: this one is a code block");
    expect(paragraph).toBe("  This paragraph is indented six spaces in the file; it keeps two and stays a paragraph.");
    expect(html).toBe("    <ul>\n      <li>eight spaces deep in the file, four in the cell</li>\n    </ul>");
    expect(tabbed!.split("\n")[0]).toBe("\t// a line that starts with a tab keeps its tab");
  });

  it("readNotebook drops only a blank first and last line of a body", () => {
    const text = file("<notebook>", '  <script id="1">', "", "    a", "", "  </script>", '  <script id="2">b</script>', "</notebook>");
    expect(sources(text)).toEqual(["\na\n", "b"]);
  });

  it("readNotebook unescapes <\\/script> in bodies", () => {
    const text = file("<notebook>", '  <script id="1" type="text/html">', "    <script>1<\\/script>", "  </script>", "</notebook>");
    expect(sources(text)).toEqual(["<script>1</script>"]);
  });

  it("readNotebook ends a script where a browser does, not at </script> inside <!-- <script> -->", () => {
    const text = file("<notebook>", '  <script id="1">', '    s = "<!-- <script> </script> -->"', "  </script>", '  <script id="2">b</script>', "</notebook>");
    expect(sources(text)).toEqual(['s = "<!-- <script> </script> -->"', "b"]);
  });

  it("readNotebook counts pinned and hidden by presence, even pinned=\"false\"", () => {
    const text = file("<notebook>", '  <script id="1" type="module" pinned="false" hidden="no">', "    1", "  </script>", "</notebook>");
    expect(readNotebook(text).notebook.cells[0]).toMatchObject({pinned: true, hidden: true});
  });

  it("readNotebook reads a missing type as js and readonly by presence", () => {
    const {notebook} = readNotebook(file("<notebook readonly>", '  <script id="4">', "    1", "  </script>", "</notebook>"));
    expect(notebook.readOnly).toBe(true);
    expect(notebook.cells[0]).toMatchObject({id: 4, mode: "js", source: "1"});
  });

  it("readNotebook decodes every HTML entity in the title and attribute values", () => {
    const {notebook} = readNotebook(
      file('<notebook theme="a&quot;b">', "  <title>Syria &amp; Kenya &lt;2011&gt; &#39;x&#x27; &mdash; &hellip;</title>", '  <script id="1" type="application/sql" output="a&amp;b"></script>', "</notebook>")
    );
    expect(notebook.title).toBe("Syria & Kenya <2011> 'x' — …");
    expect(notebook.theme).toBe('a"b');
    expect(notebook.cells[0]!.output).toBe("a&b");
  });

  it("readNotebook numbers cells without an id after the largest id so far, as Notebook Kit does", () => {
    expect(ids(file("<notebook>", '  <script id="3">a</script>', "  <script>b</script>", "</notebook>"))).toEqual([3, 4]);
    expect(ids(file("<notebook>", "  <script>a</script>", '  <script id="3">b</script>', "  <script>c</script>", "</notebook>"))).toEqual([1, 3, 4]);
  });

  it("readNotebook renumbers duplicate ids", () => {
    const text = file("<notebook>", '  <script id="2">a</script>', '  <script id="2">b</script>', '  <script id="1">c</script>', "</notebook>");
    expect(ids(text)).toEqual([2, 3, 1]);
    expect(readNotebook(text).diagnostics).toEqual([{line: 3, severity: "warning", message: 'cell has duplicate id "2"; numbered 3', cell: 3}]);
  });

  it("readNotebook renumbers words, fractions already taken, zero, negatives and empty ids", () => {
    expect(ids(fixture("odd-ids.html"))).toEqual([1, 2, 4, 5, 6, 7, 12, 13, 14, 15]);
    const diagnostics = readNotebook(fixture("odd-ids.html")).diagnostics;
    expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(diagnostics[0]).toEqual({line: 4, severity: "warning", message: 'cell has invalid id "header" (ids are positive whole numbers); numbered 1', cell: 1});
  });

  it("readNotebook keeps an unknown cell type and reports it", () => {
    const text = file("<notebook>", '  <script id="1" type="text/plain">', "    hello", "  </script>", "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells[0]).toMatchObject({mode: "js", type: "text/plain", source: "hello"});
    expect(diagnostics).toEqual([{line: 2, severity: "warning", message: 'unknown cell type "text/plain": kept, but the cell will not run', cell: 1}]);
  });

  it("readNotebook reads an unclosed script up to the next </script>, as a browser does, and says where to close it", () => {
    const {notebook, diagnostics} = readNotebook(fixture("unclosed-script.html"));
    expect(notebook.cells.map((cell) => cell.id)).toEqual([1, 2, 4]);
    expect(notebook.cells[1]!.source).toBe('x = 1\n  <script id="3" type="module">\ny = 2');
    expect(diagnostics).toEqual([
      {line: 7, severity: "error", cell: 2, message: "cell 2's <script> has no </script> before line 9, where another <script> starts, so a browser (and Notebook Kit) reads both as one cell; add </script> before line 9"}
    ]);
  });

  it("readNotebook reports a script never closed before the end of the file", () => {
    const text = file("<notebook>", '  <script id="1" type="module">', "    x = 1", "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells[0]!.source).toBe("x = 1\n</notebook>");
    expect(diagnostics.map((d) => [d.line, d.severity, d.cell])).toEqual([[2, "error", 1], [5, "warning", undefined]]);
    expect(diagnostics[0]!.message).toContain("never closed");
  });

  it("readNotebook reads every script of a file without a <notebook> root and reports it on line 1", () => {
    const text = file("<title>Loose</title>", '<script id="1" type="text/markdown">', "    # Hi", "</script>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.title).toBe("Loose");
    expect(notebook.cells.map((cell) => cell.source)).toEqual(["# Hi"]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[1, "error"]]);
    expect(diagnostics[0]!.message).toContain("no <notebook> element");
  });

  it("readNotebook reads only scripts inside <notebook>, not in <template> or after </notebook>", () => {
    const {notebook, diagnostics} = readNotebook(fixture("hand-written.html"));
    expect(notebook.cells.map((cell) => cell.id)).toEqual([1, 2, 3, 4, 5]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[1, "warning"], [32, "warning"], [38, "warning"]]);
    expect(diagnostics[1]!.message).toContain("inside <template>");
    expect(diagnostics[2]!.message).toContain("not inside <notebook>");
  });

  it("readNotebook reads tags and attributes in any case and quoting", () => {
    const {notebook} = readNotebook(fixture("hand-written.html"));
    expect(notebook).toMatchObject({title: "Written by hand — reviewed", theme: "ink", readOnly: true, extra: [{name: "data-owner", value: "analysis"}]});
    expect(notebook.cells[0]).toMatchObject({mode: "md", source: "# Reading by hand\n\nTags in capitals, attributes in any order and quoting, no indentation at all."});
    expect(notebook.cells[1]).toMatchObject({mode: "js", pinned: true, source: "\t\tconst tabbed = true;", extra: [{name: "data-note", value: "kept as written"}]});
    expect(notebook.cells[2]).toMatchObject({mode: "sql", output: "counts", database: "var:db", source: "SELECT 1 AS one"});
    expect(notebook.cells[4]).toMatchObject({pinned: true, hidden: true});
  });

  it("readNotebook warns about stray text with its line and keeps it in the file", () => {
    const text = file("<!doctype html>", "<notebook>", '  <script id="1">a</script>', "", "  oops, stray words", '  <script id="2">b</script>', "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[5, "warning"]]);
    expect(notebook.cells.map((cell) => cell.source)).toEqual(["a", "b"]);
    expect(serializeNotebook(notebook)).toBe(text);
  });

  it("readNotebook never throws on garbage", () => {
    for (const text of ["", "<", "</", "<script", "<notebook", "<!--", "<<<>>>", "\u0000<script id=>", "<notebook><script id='1' type=module>", "<notebook><script id='1' type=module></script"]) {
      expect(() => readNotebook(text)).not.toThrow();
    }
  });

  it("readNotebook reads CRLF and lone CR files like LF files, lines included", () => {
    const crlf = readNotebook(designExample.replace(/\n/g, "\r\n"));
    expect(documentOf(crlf.notebook)).toEqual(documentOf(readNotebook(designExample).notebook));
    const lone = readNotebook(fixture("unclosed-script.html").replace(/\n/g, "\r"));
    expect(lone.diagnostics.map((d) => d.line)).toEqual([7]);
  });

  it("readNotebook reads through <html>, <head> and <body> wrappers silently", () => {
    const text = file("<html>", "<body>", "<notebook>", '  <script id="1">a</script>', "</notebook>", "</body>", "</html>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells.map((cell) => cell.source)).toEqual(["a"]);
    expect(diagnostics).toEqual([]);
  });

  it("readNotebook reports an unclosed title, which hides every cell after it as in a browser", () => {
    const text = file("<notebook>", "  <title>Open", '  <script id="1">a</script>', "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells).toEqual([]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[2, "error"], [5, "warning"]]);
    expect(diagnostics[0]!.message).toContain("add </title>");
  });

  it("readNotebook reports an unclosed comment, which hides every cell after it as in a browser", () => {
    const text = file("<notebook>", "  <!-- a note", '  <script id="1">a</script>', "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells).toEqual([]);
    expect(diagnostics[0]).toMatchObject({line: 2, severity: "error"});
    expect(diagnostics[0]!.message).toContain("close it with -->");
  });

  it("readNotebook keeps a <script> nested in an html cell's body", () => {
    const text = file("<notebook>", '  <script id="1" type="text/html">', "    <div>", "    <script>go()<\\/script>", "    </div>", "  </script>", "</notebook>");
    expect(sources(text)).toEqual(["<div>\n<script>go()</script>\n</div>"]);
    expect(readNotebook(text).diagnostics).toEqual([]);
  });
});
