// Composition root of editor.html: a notebook kept in this browser's IndexedDB, opened by
// `editor.html?draft=<id>` (the index page's "New notebook" and "Open a file" lead here; without
// an id a new notebook is made). It runs like a reader page whose cells the editor defines.
import {run} from "./reader.ts";

run({database: false, files: {}, cells: [], edit: {draft: new URLSearchParams(location.search).get("draft") ?? ""}});
