import {writeAttributes} from "./rewriteTag.ts";
import type {ExtraAttribute, Notebook} from "./types.ts";
import {writeCell, writeTitle} from "./writeCell.ts";
import {writeFromFile} from "./writeFromFile.ts";

/**
 * Writes a notebook in the Notebook Kit 2.0 HTML format. A notebook read from a file is written
 * as that file with only what changed since rewritten: an unedited notebook gives back the file's
 * exact bytes, and an edit changes only the cells and attributes it touched (see `writeFromFile`).
 * A new notebook, and every new cell, is written in the canonical layout: root attributes theme,
 * readonly, then others; cell attributes id, type, database, output, pinned, hidden, then others;
 * bodies indented four spaces with `</script>` escaped.
 */
export function serializeNotebook(notebook: Notebook): string {
  return (notebook.file && writeFromFile(notebook, notebook.file)) ?? writeCanonical(notebook);
}

function writeCanonical(notebook: Notebook): string {
  const rootAttributes: ExtraAttribute[] = [];
  if (notebook.theme !== undefined) rootAttributes.push({name: "theme", value: notebook.theme});
  if (notebook.readOnly) rootAttributes.push({name: "readonly", value: null});
  rootAttributes.push(...(notebook.extra ?? []));
  let out = `<!doctype html>\n<notebook${writeAttributes(rootAttributes)}>`;
  if (notebook.title !== "") out += `\n  ${writeTitle(notebook.title)}`;
  for (const cell of notebook.cells) out += `\n  ${writeCell(cell)}`;
  return out + "\n</notebook>\n";
}
