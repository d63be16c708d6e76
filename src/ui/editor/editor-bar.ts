import {assertNever} from "../../shared/index.ts";
import {readDraft} from "../drafts.ts";
import type {EditorHost} from "../editor-host.ts";
import {downloadNotebook, openNotebookFile, pickNotebookFile} from "./file-io.ts";

/** Where the notebook's text stands relative to its file. */
export type SaveState = "saved" | "unsaved" | "saving" | "kept" | "conflict" | "failed";

/** How a conflict between this page's edits and the file on disk ends. */
export type ConflictChoice = "mine" | "disk" | "later";

/** What the bar asks of the session. */
export interface EditorBarActions {
  title: string;
  save(): void;
  /** The notebook file as it would be saved now. */
  text(): string;
  rename(title: string): void;
  /** Replace the document with a version's text. */
  restore(text: string): void;
  addCell(): void;
}

/** The editor's actions in the page's top bar. */
export interface EditorBar {
  setState(state: SaveState, detail?: string): void;
  setTitle(title: string): void;
  /** Shows both versions and waits for the user's choice. */
  resolveConflict(mine: string, disk: string): Promise<ConflictChoice>;
}

const stateText = (state: SaveState, canSave: boolean): string => {
  switch (state) {
    case "saved":
      return canSave ? "Saved" : "Kept in this browser";
    case "unsaved":
      return canSave ? "Unsaved changes" : "Kept in this browser";
    case "saving":
      return "Saving…";
    case "kept":
      return "Kept in this browser (download to keep a file)";
    case "conflict":
      return "The file changed on disk";
    case "failed":
      return "Not saved";
    default:
      return assertNever(state, "save state");
  }
};

/** Adds the editor's actions to the bar and returns a handle to update them. */
export function createEditorBar(host: EditorHost, actions: EditorBarActions): EditorBar {
  const tools = document.createElement("div");
  tools.className = "mapt-editor-bar";
  tools.setAttribute("role", "toolbar");
  tools.setAttribute("aria-label", "Notebook");

  const title = document.createElement("input");
  title.className = "mapt-title-input";
  title.value = actions.title;
  title.setAttribute("aria-label", "Notebook title");
  title.addEventListener("input", () => actions.rename(title.value));

  const status = document.createElement("span");
  status.className = "mapt-save-state";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  const button = (label: string, action: () => void, name: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.dataset.action = name;
    b.addEventListener("click", action);
    return b;
  };
  const fileName = () => (host.path?.split("/").pop() ?? `${slug(title.value) || "notebook"}.html`);
  tools.append(
    title,
    button("Add cell", actions.addCell, "add-cell"),
    button(host.canSave && host.path ? "Save" : "Keep", actions.save, "save"),
    button("Download", () => downloadNotebook(actions.text(), fileName()), "download"),
    button("Open…", () => void pickNotebookFile().then((file) => file && openNotebookFile(file, host)), "open"),
    button("History", () => void showHistory(host, actions), "history"),
    status
  );
  host.bar.append(tools);

  // Drop a local .html notebook anywhere on the page to open it.
  document.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void openNotebookFile(file, host);
  });

  return {
    setState(state, detail) {
      status.dataset.state = state;
      status.textContent = detail ? `${stateText(state, host.canSave && !!host.path)}: ${detail}` : stateText(state, host.canSave && !!host.path);
    },
    setTitle(next) {
      if (title.value !== next) title.value = next;
    },
    resolveConflict: (mine, disk) => chooseVersion(mine, disk)
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** A modal dialog with both texts side by side and the three choices. */
export function chooseVersion(mine: string, disk: string, labels = {mine: "Keep mine", disk: "Take the file's"}): Promise<ConflictChoice> {
  const dialog = document.createElement("dialog");
  dialog.className = "mapt-dialog mapt-conflict";
  dialog.setAttribute("aria-label", "Two versions of this notebook");
  const pane = (heading: string, text: string, name: string) => {
    const figure = document.createElement("figure");
    figure.dataset.version = name;
    const caption = document.createElement("figcaption");
    caption.textContent = heading;
    const pre = document.createElement("pre");
    pre.textContent = text;
    figure.append(caption, pre);
    return figure;
  };
  const panes = document.createElement("div");
  panes.className = "mapt-compare";
  panes.append(pane("Yours (this page)", mine, "mine"), pane("The other version", disk, "disk"));
  const heading = document.createElement("p");
  heading.textContent = "This notebook has two versions. Which one should stay?";
  const choices = document.createElement("div");
  choices.className = "mapt-dialog-actions";
  dialog.append(heading, panes, choices);
  document.body.append(dialog);
  return new Promise((resolve) => {
    const choose = (choice: ConflictChoice) => () => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
    for (const [choice, label] of [["mine", labels.mine], ["disk", labels.disk], ["later", "Decide later"]] as const) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.dataset.choice = choice;
      b.addEventListener("click", choose(choice));
      choices.append(b);
    }
    dialog.addEventListener("cancel", choose("later"));
    dialog.showModal();
  });
}

/** Lists the kept versions of this notebook; choosing one restores it. */
async function showHistory(host: EditorHost, actions: EditorBarActions): Promise<void> {
  const record = await readDraft(host.key);
  const dialog = document.createElement("dialog");
  dialog.className = "mapt-dialog mapt-history";
  dialog.setAttribute("aria-label", "Versions of this notebook");
  const list = document.createElement("ol");
  list.reversed = true;
  for (const version of [...(record?.versions ?? [])].reverse()) {
    const item = document.createElement("li");
    const restore = document.createElement("button");
    restore.type = "button";
    restore.textContent = `Restore ${new Date(version.time).toLocaleString()}`;
    restore.addEventListener("click", () => {
      actions.restore(version.text);
      dialog.close();
      dialog.remove();
    });
    const preview = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "Show";
    const pre = document.createElement("pre");
    pre.textContent = version.text;
    preview.append(summary, pre);
    item.append(restore, preview);
    list.append(item);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.addEventListener("click", () => (dialog.close(), dialog.remove()));
  const heading = document.createElement("p");
  heading.textContent = list.children.length ? "The last versions kept in this browser, newest first:" : "No versions kept yet.";
  dialog.append(heading, list, close);
  document.body.append(dialog);
  dialog.showModal();
}
