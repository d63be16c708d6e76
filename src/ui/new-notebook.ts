import {createNotebook, serializeNotebook} from "../notebook/index.ts";

/** The text of a new notebook: a Markdown heading and an empty JavaScript cell. */
export function newNotebookText(title = "Untitled notebook"): string {
  return serializeNotebook(createNotebook({title, cells: [{mode: "md", source: `# ${title}`}, {mode: "js", source: ""}]}));
}
