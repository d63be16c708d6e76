import {readFileSync} from "node:fs";
import path from "node:path";
import {escapeHtml} from "../shared/index.ts";
import {summarizeNotebook} from "./notebook-summary.ts";

/** Where the index template wants the notebook list. */
export const notebookListMarker = "<!-- mapt:notebooks -->";

/** Fills the index template's marker with a link, title and first paragraph per notebook. */
export function renderIndexPage(template: string, notebooks: string[], root: string): string {
  const items = notebooks.map((file) => {
    const {title, description} = summarizeNotebook(readFileSync(file, "utf8"));
    const href = path.relative(root, file).split(path.sep).join("/");
    return `<li class="mapt-notebook-link"><a href="${escapeHtml(href)}">${escapeHtml(title)}</a>${
      description ? `<p>${escapeHtml(description)}</p>` : ""
    }</li>`;
  });
  const list = items.length
    ? `<ul class="mapt-notebook-list">\n${items.join("\n")}\n</ul>`
    : `<p>No notebooks yet: add an <code>.html</code> notebook file to <code>notebooks/</code>.</p>`;
  return template.replace(notebookListMarker, list);
}
