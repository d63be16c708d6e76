import {describe, expect, it} from "vitest";
import {readNotebook, serializeNotebook, type ParseDiagnostic} from "../../src/notebook/index.ts";
import {designExample} from "./designExample.ts";

/** A notebook file from lines, so that tests can name line numbers. */
function file(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

function ids(text: string): number[] {
  return readNotebook(text).notebook.cells.map((cell) => cell.id);
}

function problems(text: string): Array<[number, ParseDiagnostic["severity"]]> {
  return readNotebook(text).diagnostics.map((d) => [d.line, d.severity]);
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

  it("readNotebook strips the body's common indentation and keeps inner indentation", () => {
    const text = file("<notebook>", '  <script id="1" type="module">', "    if (x) {", "      y();", "", "    }", "  </script>", "</notebook>");
    expect(readNotebook(text).notebook.cells[0]!.source).toBe("if (x) {\n  y();\n\n}");
  });

  it("readNotebook reads hand-indented bodies at any depth", () => {
    const text = file("<notebook>", '<script id="1" type="module">', "        a", "          b", "</script>", "</notebook>");
    expect(readNotebook(text).notebook.cells[0]!.source).toBe("a\n  b");
  });

  it("readNotebook unescapes <\\/script> in bodies", () => {
    const text = file("<notebook>", '  <script id="1" type="text/html">', "    <script>1<\\/script>", "  </script>", "</notebook>");
    expect(readNotebook(text).notebook.cells[0]!.source).toBe("<script>1</script>");
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

  it("readNotebook unescapes the title and attribute values", () => {
    const {notebook} = readNotebook(
      file('<notebook theme="a&quot;b">', "  <title>Syria &amp; Kenya &lt;2011&gt; &#39;x&#x27;</title>", '  <script id="1" type="application/sql" output="a&amp;b"></script>', "</notebook>")
    );
    expect(notebook.title).toBe("Syria & Kenya <2011> 'x'");
    expect(notebook.theme).toBe('a"b');
    expect(notebook.cells[0]!.output).toBe("a&b");
  });

  it("readNotebook repairs missing ids", () => {
    const text = file("<notebook>", '  <script id="3" type="module">a</script>', '  <script type="module">b</script>', "</notebook>");
    expect(ids(text)).toEqual([3, 4]);
    expect(readNotebook(text).diagnostics).toEqual([{line: 3, severity: "warning", message: "cell has no id; assigned id 4"}]);
  });

  it("readNotebook repairs duplicate ids", () => {
    const text = file("<notebook>", '  <script id="2">a</script>', '  <script id="2">b</script>', '  <script id="1">c</script>', "</notebook>");
    expect(ids(text)).toEqual([2, 3, 1]);
    expect(problems(text)).toEqual([[3, "warning"]]);
  });

  it("readNotebook repairs ids that are not positive integers", () => {
    const text = file("<notebook>", '  <script id="abc">a</script>', '  <script id="0">b</script>', '  <script id="-3">c</script>', '  <script id="1.5">d</script>', '  <script id="7">e</script>', "</notebook>");
    expect(ids(text)).toEqual([8, 9, 10, 11, 7]);
    expect(problems(text)).toEqual([[2, "warning"], [3, "warning"], [4, "warning"], [5, "warning"]]);
    expect(readNotebook(text).diagnostics[0]!.message).toContain('"abc"');
  });

  it("readNotebook keeps an unknown cell type and reports it", () => {
    const text = file("<notebook>", '  <script id="1" type="text/plain">', "    hello", "  </script>", "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells[0]).toMatchObject({mode: "js", type: "text/plain", source: "hello"});
    expect(diagnostics).toEqual([{line: 2, severity: "warning", message: 'unknown cell type "text/plain": kept, but the cell will not run'}]);
    expect(serializeNotebook(notebook)).toContain('<script id="1" type="text/plain">');
  });

  it("readNotebook reports an unclosed script and keeps the cells after it", () => {
    const text = file("<notebook>", '  <script id="1" type="module">', "    x = 1", '  <script id="2" type="module">', "    y", "  </script>", "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells.map((cell) => cell.source)).toEqual(["x = 1", "y"]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[2, "error"]]);
    expect(diagnostics[0]!.message).toMatch(/unclosed <script>/);
  });

  it("readNotebook reports an unclosed script at the end of the file", () => {
    const text = file("<notebook>", '  <script id="1" type="module">', "    x = 1");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells[0]!.source).toBe("x = 1");
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[2, "error"], [4, "warning"]]);
  });

  it("readNotebook reads a file without a <notebook> root and reports it on line 1", () => {
    const text = file("<title>Loose</title>", '<script id="1" type="text/markdown">', "  # Hi", "</script>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.title).toBe("Loose");
    expect(notebook.cells[0]!.source).toBe("# Hi");
    expect(diagnostics).toEqual([{line: 1, severity: "error", message: "missing <notebook> root element; read the whole file as the notebook"}]);
  });

  it("readNotebook reports stray text with its line and keeps it", () => {
    const text = file("<!doctype html>", "<notebook>", '  <script id="1">a</script>', "", "  oops, stray words", '  <script id="2">b</script>', "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[5, "error"]]);
    expect(notebook.cells.map((cell) => cell.source)).toEqual(["a", "b"]);
    expect(notebook.nodes).toEqual([{text: "  oops, stray words", before: 2}]);
  });

  it("readNotebook never throws on garbage", () => {
    for (const text of ["", "<", "</", "<script", "<notebook", "<!--", "<<<>>>", "\u0000<script id=>", "<notebook><script id='1' type=module>"]) {
      expect(() => readNotebook(text)).not.toThrow();
    }
  });

  it("readNotebook reads CRLF files like LF files", () => {
    expect(readNotebook(designExample.replace(/\n/g, "\r\n"))).toEqual(readNotebook(designExample));
  });

  it("readNotebook reads through <html> and <body> wrappers and reports them", () => {
    const text = file("<html>", "<body>", "<notebook>", '  <script id="1">a</script>', "</notebook>", "</body>", "</html>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells.map((cell) => cell.source)).toEqual(["a"]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[1, "warning"], [2, "warning"]]);
  });

  it("readNotebook reports an unclosed title", () => {
    const text = file("<notebook>", "  <title>Open", '  <script id="1">a</script>', "</notebook>");
    const {notebook, diagnostics} = readNotebook(text);
    expect(notebook.cells.map((cell) => cell.source)).toEqual(["a"]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[2, "error"]]);
  });

  it("readNotebook keeps a <script> nested in an html cell's body", () => {
    const text = file("<notebook>", '  <script id="1" type="text/html">', "    <div>", "    <script>go()<\\/script>", "    </div>", "  </script>", "</notebook>");
    expect(readNotebook(text).notebook.cells[0]!.source).toBe("<div>\n<script>go()</script>\n</div>");
  });
});
