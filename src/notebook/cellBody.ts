import {scanScriptData} from "../shared/index.ts";

/** Indentation of a cell body in the canonical file: the `<script>` sits at 2, its body at 4. */
const indent = "    ";

/**
 * A cell's source from the raw text between `<script ...>` and `</script>`, read as Notebook Kit
 * reads it: `<\/script>` unescaped, lines split at any line ending, a blank last line and then a
 * blank first line dropped, and exactly four leading spaces removed from each line that has them
 * (so Markdown indented deeper keeps its extra indentation and never becomes a code block).
 */
export function readCellBody(raw: string): string {
  const lines = unescapeScript(raw).replace(/\0/g, "\uFFFD").split(/\r\n?|\n/);
  if (isBlank(lines[lines.length - 1]!)) lines.pop();
  if (lines.length > 0 && isBlank(lines[0]!)) lines.shift();
  return lines.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line)).join("\n");
}

/**
 * The text written between `<script ...>` and `</script>` for a cell's source: a line break, each
 * line indented four spaces (empty lines left empty), and a last line holding `closingIndent`,
 * the indentation of the `</script>` that follows. `readCellBody` gives the source back exactly.
 */
export function writeCellBody(source: string, closingIndent = "  "): string {
  if (source === "") return "\n" + closingIndent;
  const body = indentBody(escapeScript(source), closingIndent);
  // HTML reads `</script>` after `<!--` and `<script` (with no `-->` between) as text, so the
  // element would not end: then write `<!--` as `<\!--`, which only MAPT reads back (rare).
  const end = scanScriptData(body + "</script>", 0, {steps: 0});
  return end === body.length ? body : indentBody(escapeScript(source).replace(/<(?=!--)/g, "<\\"), closingIndent);
}

function indentBody(source: string, closingIndent: string): string {
  return "\n" + source.split("\n").map((line) => (line === "" ? line : indent + line)).join("\n") + "\n" + closingIndent;
}

function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

// `</script` would end the element when followed by space, `/`, `>` (or, at the source's end, by
// the line break written after it): write `<\/script` with one more backslash, and read one fewer.
// Notebook Kit does the same for space and `>`; `/` is ours, so that such a source round-trips.
// `<\!--` (see writeCellBody) is escaped and read the same way once it has a backslash.
function escapeScript(source: string): string {
  return source.replace(/<(?=\\*\/script(?:[\s/>]|$)|\\+!--)/gi, "<\\");
}

function unescapeScript(raw: string): string {
  return raw.replace(/<\\(?=\\*\/script[\s/>]|\\*!--)/gi, "<");
}
