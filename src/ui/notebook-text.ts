// Reading and writing notebook files in the page, a chunk of its own: the reader's first load
// never parses notebook text (its cells came compiled), so the parser and its HTML entity tables
// load only when a draft is made, code is shown, or a session starts.
export {readNotebook, serializeNotebook} from "../notebook/index.ts";
export {newNotebookText} from "./new-notebook.ts";
