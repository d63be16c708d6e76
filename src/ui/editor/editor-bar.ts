import type {SaveStatus} from "../../session/index.ts";
import {assertNever} from "../../shared/index.ts";
import {catalogPanelId} from "./catalog-panel.ts";
import type {CommandId} from "./commands.ts";

/** What the bar asks of the editor. */
export interface EditorBarActions {
  title: string;
  /** Saves go to the notebook's file (dev server); otherwise to this browser only. */
  savesToFile: boolean;
  rename(title: string): void;
  command(command: CommandId): void;
}

/** The editor's actions in the page's top bar. */
export interface EditorBar {
  /** Where the notebook stands against its file, and how many cells are edited and not run. */
  setStatus(status: SaveStatus, detail: string | undefined, notRun: number): void;
  setTitle(title: string): void;
  /** Whether the data panel is open (the Data button shows it). */
  setCatalogOpen(open: boolean): void;
  /** How many other tabs of this browser edit this notebook too (0: say nothing). */
  setOtherEditors(count: number): void;
  destroy(): void;
}

function statusText(status: SaveStatus, savesToFile: boolean): string {
  switch (status) {
    case "saved":
      return savesToFile ? "Saved" : "Kept in this browser";
    case "unsaved":
      return savesToFile ? "Unsaved changes" : "Kept in this browser";
    case "saving":
      return "Saving…";
    case "conflict":
      return savesToFile ? "The file changed on disk" : "Another tab changed this notebook";
    case "failed":
      return "Not saved";
    default:
      return assertNever(status, "save status");
  }
}

/** Adds the editor's actions to the bar and returns a handle to update them. */
export function createEditorBar(bar: HTMLElement, actions: EditorBarActions): EditorBar {
  const tools = document.createElement("div");
  tools.className = "mapt-editor-bar";
  tools.setAttribute("role", "toolbar");
  tools.setAttribute("aria-label", "Notebook");

  const title = document.createElement("input");
  title.className = "mapt-title-input";
  title.value = actions.title;
  title.setAttribute("aria-label", "Notebook title");
  title.addEventListener("input", () => actions.rename(title.value));

  const others = document.createElement("span");
  others.className = "mapt-other-editors";
  others.setAttribute("role", "status");
  others.hidden = true;
  const status = document.createElement("span");
  status.className = "mapt-save-state";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  const button = (label: string, command: CommandId, name: string = command, hint?: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.action = name;
    if (hint) b.title = hint;
    b.addEventListener("click", () => actions.command(command));
    return b;
  };
  const data = button("Data", "catalog", "catalog", "Tables, their columns and sources (T)");
  data.setAttribute("aria-expanded", "false");
  data.setAttribute("aria-controls", catalogPanelId);
  tools.append(
    title,
    button("Run all", "runAll", "run-all", "Run every cell (Mod+Shift+Enter)"),
    button("Add cell", "insertBelow", "add-cell", "Add a cell below the selected one (B)"),
    data,
    button(actions.savesToFile ? "Save" : "Keep", "save", "save", "Mod+S"),
    button("Download", "download", "download", "Download the notebook file"),
    button("Export", "exportFile", "export", "Export as a single file that opens from disk with no network"),
    button("Open…", "open"),
    button("Attach…", "attach", "attach", "Attach data files: CSV, TSV, JSON, Parquet or Arrow (or drop them on the page)"),
    button("History", "history"),
    button("Keys", "help", "help", "Keyboard help (?)"),
    button("Done", "done", "done", "Leave Edit mode (Esc Esc)"),
    status,
    others
  );
  bar.append(tools);

  return {
    setStatus(next, detail, notRun) {
      status.dataset.state = next;
      const text = statusText(next, actions.savesToFile);
      const edited = notRun > 0 ? ` · ${notRun} cell${notRun === 1 ? "" : "s"} edited, not run` : "";
      status.textContent = `${detail ? `${text}: ${detail}` : text}${edited}`;
    },
    setTitle(next) {
      if (title.value !== next) title.value = next;
    },
    setOtherEditors(count) {
      others.hidden = count === 0;
      others.textContent = count === 0 ? "" : `Also open for editing in ${count === 1 ? "another tab" : `${count} other tabs`} of this browser: edits in each are kept, and saving over the other's shows both versions.`;
    },
    setCatalogOpen(open) {
      data.setAttribute("aria-expanded", String(open));
    },
    destroy() {
      tools.remove();
    }
  };
}
