import type {DuckDBClient} from "../data/index.ts";
import type {NotebookRuntime} from "../runtime/index.ts";

/** What a page gives the editor: where the notebook is shown and what runs it. */
export interface EditorHost {
  /** The page's runtime; the editor redefines only the cells it runs. */
  runtime: NotebookRuntime;
  /** The element holding the cells' sections (`#mapt-notebook`). */
  main: HTMLElement;
  /** The page's top bar, where the editor puts its actions. */
  bar: HTMLElement;
  /** The notebook's key for drafts: its page path, or "draft:<id>" for a notebook made here. */
  key: string;
  /** The file the page was built from, relative to the project root; absent for drafts. */
  path?: string;
  /** True under the dev server: Mod+S and autosave write the file through the save endpoint. */
  canSave: boolean;
  /** The notebook file's text as the page shows it now. */
  text: string;
  /**
   * True when the page already shows and runs `text` (a built reader page); false when the
   * editor must render and run every cell (a draft page).
   */
  rendered: boolean;
  /** The page's DuckDB, started on first use (SQL completion reads its catalog). */
  database(): Promise<DuckDBClient>;
  /** The URL of the editor page for a draft, e.g. "../editor.html?draft=ab12". */
  draftUrl(id: string): string;
}

/** The editor module, loaded only when someone edits (CodeMirror and the compiler come with it). */
export function loadEditor(): Promise<typeof import("./editor/index.ts")> {
  return import("./editor/index.ts");
}
