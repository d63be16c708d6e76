/** Indentation of a cell body in the canonical file: the `<script>` sits at 2, its body at 4. */
const indent = "    ";

/**
 * A cell's source from the raw text between `<script ...>` and `</script>`: drops the line break
 * after the start tag and the closing tag's own indentation line, removes the body's indentation
 * and unescapes `<\/script>`.
 *
 * The indentation removed is the lines' common indentation, but at most four spaces when the
 * closing tag is indented two (the layout we write), so that a source whose every line starts
 * with spaces (an indented Markdown code block) survives a round trip.
 */
export function readCellBody(raw: string): string {
  let text = raw.replace(/^[ \t]*\n/, "");
  let cap = Infinity;
  const lastBreak = text.lastIndexOf("\n");
  const lastLine = text.slice(lastBreak + 1);
  if (/^[ \t]*$/.test(lastLine)) {
    if (lastLine === "  ") cap = indent.length;
    text = lastBreak === -1 ? "" : text.slice(0, lastBreak);
  }
  const lines = text.split("\n");
  let common = Infinity;
  for (const line of lines) {
    const width = leadingWhitespace(line);
    if (width < line.length) common = Math.min(common, width);
  }
  const strip = Math.min(common, cap);
  const dedented = strip === Infinity || strip === 0 ? lines : lines.map((line) => line.slice(Math.min(strip, leadingWhitespace(line))));
  return unescapeScript(dedented.join("\n"));
}

/** The text written between `<script ...>` and `</script>` for a cell's source. */
export function writeCellBody(source: string): string {
  if (source === "") return "\n  ";
  const lines = escapeScript(source).split("\n");
  return "\n" + lines.map((line) => (line === "" ? line : indent + line)).join("\n") + "\n  ";
}

function leadingWhitespace(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

// `</script` in a body would end the element: write one more backslash (`<\/script`), and read
// one fewer, which also keeps a source that already contains `<\/script` intact.
function escapeScript(source: string): string {
  return source.replace(/<(\\*)\/(script)/gi, "<$1\\/$2");
}

function unescapeScript(source: string): string {
  return source.replace(/<(\\*)\\\/(script)/gi, "<$1/$2");
}
