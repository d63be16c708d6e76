import {describe, expect, it} from "vitest";
import {createNotebook, readNotebook, serializeNotebook, type Notebook} from "../../src/notebook/index.ts";
import {designExample} from "./designExample.ts";
import {documentOf} from "./helpers.ts";

function roundTrip(notebook: Notebook): Omit<Notebook, "file"> {
  return documentOf(readNotebook(serializeNotebook(notebook)).notebook);
}

const tricky = [
  "",
  "\n",
  "  ",
  "a\n",
  "\nleading blank",
  "    indented code block\n    in markdown",
  "\ttabbed",
  "line\n\n\nwith blank lines\n  \nand a whitespace line",
  'const s = "</script>";',
  'const s = "<\\/script>"; // already escaped',
  "</SCRIPT> upper case",
  "back`ticks` and \\backslashes\\ and ${interpolation}",
  "&amp; entities &lt;stay&gt; raw",
  "<!-- a comment in a body -->",
  "trailing spaces   ",
  "ends with </script",
  "a </script/> with a slash",
  "<!-- <script> never closed in the source",
  "<\\!-- already escaped once",
  "    ",
  "\u00a0non-breaking first line\u00a0"
];

describe("serializeNotebook", () => {
  it("serializeNotebook writes the canonical format", () => {
    const notebook = createNotebook({
      title: "Kenya 2007-08",
      theme: "air",
      cells: [
        {mode: "md", source: "# Kenya 2007-08"},
        {mode: "sql", database: "var:db", output: "deaths", pinned: false, source: "SELECT year, deaths FROM ucdp_country_year WHERE country = ${country}"},
        {mode: "js", pinned: false, source: 'Plot.lineY(deaths, {x: "year", y: "deaths"}).plot()'}
      ]
    });
    expect(serializeNotebook(notebook)).toBe(designExample);
  });

  it("serializeNotebook leaves empty lines empty and writes boolean attributes bare", () => {
    const notebook = createNotebook({cells: [{id: 7, mode: "js", source: "a\n\nb", pinned: true, hidden: true}]});
    expect(serializeNotebook(notebook)).toBe(
      '<!doctype html>\n<notebook>\n  <script id="7" type="module" pinned hidden>\n    a\n\n    b\n  </script>\n</notebook>\n'
    );
  });

  it("serializeNotebook escapes </script> in bodies as <\\/script>", () => {
    const notebook = createNotebook({cells: [{mode: "html", source: "<script>1</script>"}]});
    expect(serializeNotebook(notebook)).toContain("    <script>1<\\/script>\n");
  });

  it("serializeNotebook escapes the title and attribute values", () => {
    const notebook = createNotebook({title: 'A & B </title> "q"', theme: 'x"y', cells: [{mode: "sql", output: 'o"&', source: "SELECT 1"}]});
    const text = serializeNotebook(notebook);
    expect(text).toContain("<title>A &amp; B &lt;/title&gt; \"q\"</title>");
    expect(text).toContain('theme="x&quot;y"');
    expect(text).toContain('output="o&quot;&amp;"');
    expect(roundTrip(notebook)).toEqual(notebook);
  });

  it("serializeNotebook round-trips tricky sources exactly", () => {
    const notebook = createNotebook({title: "tricky", cells: tricky.map((source) => ({mode: "md" as const, source}))});
    expect(roundTrip(notebook)).toEqual(notebook);
    expect(serializeNotebook(readNotebook(serializeNotebook(notebook)).notebook)).toBe(serializeNotebook(notebook));
    expect(readNotebook(serializeNotebook(notebook)).diagnostics).toEqual([]);
  });

  it("serializeNotebook round-trips every mode and attribute", () => {
    const modes = ["js", "ts", "ojs", "md", "html", "tex", "sql", "dot", "node", "python", "r"] as const;
    const notebook = createNotebook({
      theme: "light-dark(air, midnight)",
      readOnly: true,
      cells: modes.map((mode, i) => ({id: 10 + i, mode, source: `${mode} source`, pinned: i % 2 === 0, hidden: i % 3 === 0}))
    });
    expect(roundTrip(notebook)).toEqual(notebook);
  });

  it("serializeNotebook is byte-stable on the design's example", () => {
    expect(serializeNotebook(readNotebook(designExample).notebook)).toBe(designExample);
  });

  it("serializeNotebook writes back unknown attributes and elements unchanged", () => {
    const text = [
      "<!doctype html>",
      '<notebook theme="air" data-owner="mapt" lang>',
      "  <title>T</title>",
      '  <meta name="description" content="case study">',
      '  <script id="1" type="text/markdown" data-slide="2" since="2025-01-01T00:00:00.000Z">',
      "    # T",
      "  </script>",
      "  <!-- reviewed",
      "       2025 -->",
      "  <style>",
      "    .x > .y { color: red }",
      "  </style>",
      '  <script id="2" type="application/sql" database="var:db" output="t" pinned format="json">',
      "    SELECT 1",
      "  </script>",
      "  <aside><p>a note</p></aside>",
      "</notebook>",
      ""
    ].join("\n");
    const {notebook, diagnostics} = readNotebook(text);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[16, "warning"]]);
    expect(notebook.extra).toEqual([{name: "data-owner", value: "mapt"}, {name: "lang", value: null}]);
    expect(notebook.cells[0]!.extra).toEqual([{name: "data-slide", value: "2"}, {name: "since", value: "2025-01-01T00:00:00.000Z"}]);
    expect(serializeNotebook(notebook)).toBe(text);
  });
});
