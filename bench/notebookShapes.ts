/**
 * Generated notebook files of a given size, for the parse benchmark and the linear-time test:
 * one ordinary shape and the shapes that made reading quadratic before (or could have).
 */

/** Repeats `unit` to exactly `size` characters. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** A file of about `size` characters for each shape, by name. */
export const notebookShapes: Record<string, (size: number) => string> = {
  /** Cells as Notebook Kit writes them. */
  ordinary: (size) => "<!doctype html>\n<notebook>\n" + fill('  <script id="1" type="module">\n    x = 1\n  </script>\n', size) + "</notebook>\n",
  /** Every cell on one line (finding a tag's column scanned the line back). */
  "cells on one line": (size) => "<notebook>" + fill('<script id="1" type="text/markdown">x</script>', size),
  /** Raw-text elements never closed (each one searched ahead for a place to stop). */
  "unclosed raw text": (size) => "<notebook>\n" + fill("<style>\n<title>\n", size),
  /** Elements never closed (each one searched ahead for its end tag). */
  "open elements": (size) => "<notebook>" + fill("<div><span>", size),
  /** End tags of elements that are not open, below a deep stack. */
  "stray end tags": (size) => "<notebook><div>" + fill("<x-a>", size / 2) + fill("</x-b></div>", size / 2),
  /** A special element between an end tag and its element, many times. */
  "blocked end tags": (size) => "<notebook><x-a><div>" + fill("<x-b>", size / 2) + fill("</x-a>", size / 2),
  /** Paragraphs, list items and headings closing each other. */
  "implied ends": (size) => "<notebook>" + fill("<li><dd><p><h1><h2></h3><button>", size),
  /** One script whose body keeps entering and leaving HTML's escaped states. */
  "script escapes": (size) => "<notebook><script>" + fill("<!--<script>-<</script x>--><", size),
  /** One body holding many lines that look like cell starts. */
  "swallowed starts": (size) => "<notebook><script>\n" + fill("<script\n", size),
  /** Comments, closed and not. */
  comments: (size) => "<notebook>" + fill("<!-- a --><!--->", size) + "<!--",
  /** One tag with a great many attributes, then one with an unterminated quote. */
  attributes: (size) => "<notebook><script " + fill("a=b c='d' e ", size) + "><x a='>",
  /** Cells whose ids all need renumbering, each with a warning. */
  "renumbered ids": (size) => "<notebook>\n" + fill('<script id="x">a</script>\n', size)
};
