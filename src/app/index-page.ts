// Composition root of the index page's own actions: "New notebook", opening a local notebook
// file (picker or drag and drop), and the notebooks kept in this browser (open or delete).
// Drafts open in editor.html?draft=<id>. No editor code loads here.
import {createDraft, deleteDraft, isTrustedText, listDrafts, notNotebookReason, offerColorSchemeSwitch} from "../ui/index.ts";

const bar = document.querySelector<HTMLElement>(".mapt-bar");
if (bar) offerColorSchemeSwitch(bar);

const editorUrl = (id: string) => `editor.html?draft=${encodeURIComponent(id)}`;
const message = document.getElementById("mapt-open-message");

/** Opens a notebook file as a draft that runs only once its reader allows it; refuses anything else. */
async function openFile(file: File | undefined): Promise<void> {
  if (!file) return;
  const problem = await notNotebookReason(file);
  if (problem) {
    if (message) message.textContent = problem;
    return;
  }
  const text = await file.text();
  location.assign(editorUrl(await createDraft(text, await isTrustedText(text))));
}

const input = document.getElementById("mapt-open-file") as HTMLInputElement | null;
input?.addEventListener("change", () => void openFile(input.files?.[0]));
document.addEventListener("dragover", (event) => {
  if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
});
document.addEventListener("drop", (event) => {
  event.preventDefault();
  void openFile(event.dataTransfer?.files[0]);
});

void listDrafts().then((records) => {
  const drafts = records.filter((r) => r.key.startsWith("draft:") && r.versions.length);
  const list = document.getElementById("mapt-drafts");
  if (!list || !drafts.length) return;
  for (const record of drafts.sort((a, b) => b.versions.at(-1)!.time - a.versions.at(-1)!.time)) {
    const item = document.createElement("li");
    item.className = "mapt-notebook-link";
    const title = record.title || "Untitled notebook";
    const link = document.createElement("a");
    link.href = editorUrl(record.key.slice("draft:".length));
    link.textContent = title;
    const when = document.createElement("p");
    when.textContent = `Kept in this browser · edited ${new Date(record.versions.at(-1)!.time).toLocaleString()}${record.trusted === false ? " · not run yet" : ""}`;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "mapt-draft-delete";
    remove.textContent = "Delete";
    remove.setAttribute("aria-label", `Delete "${title}" from this browser`);
    remove.addEventListener("click", async () => {
      if (!window.confirm(`Delete "${title}" and its kept versions from this browser? This cannot be undone.`)) return;
      await deleteDraft(record.key);
      item.remove();
      if (!list.children.length) list.closest("section")?.setAttribute("hidden", "");
    });
    item.append(link, when, remove);
    list.append(item);
  }
  list.closest("section")?.removeAttribute("hidden");
});
