import {readNotebook} from "../notebook/index.ts";

/** What the index page lists for one notebook. */
export interface NotebookSummary {
  title: string;
  /** The first paragraph of the first Markdown cell, as plain text. */
  description: string;
}

/** Reads a notebook's title and first paragraph without running anything. */
export function summarizeNotebook(text: string): NotebookSummary {
  const {notebook} = readNotebook(text);
  const markdown = notebook.cells.find((cell) => cell.mode === "md")?.source ?? "";
  const paragraph = markdown
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block && !/^(#|<|```|\$\{|[-*] |\d+\. |>)/.test(block));
  return {title: notebook.title || "Untitled notebook", description: paragraph ? plainText(paragraph) : ""};
}

/** Markdown inline syntax removed: links keep their text, emphasis and code marks go. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\$\{[^}]*\}/g, "…")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
