// Composition root of the index page's own actions: "New notebook", opening a local notebook
// file (picker or drag and drop), and the notebooks kept in this browser. Drafts open in
// editor.html?draft=<id>. No editor code loads here.
import {createDraft, listDrafts} from "../ui/index.ts";

const editorUrl = (id: string) => `editor.html?draft=${encodeURIComponent(id)}`;

async function openFile(file: File | undefined): Promise<void> {
  if (file) location.assign(editorUrl(await createDraft(await file.text())));
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
    const link = document.createElement("a");
    link.href = editorUrl(record.key.slice("draft:".length));
    link.textContent = record.title || "Untitled notebook";
    const when = document.createElement("p");
    when.textContent = `Kept in this browser · edited ${new Date(record.versions.at(-1)!.time).toLocaleString()}`;
    item.append(link, when);
    list.append(item);
  }
  list.closest("section")?.removeAttribute("hidden");
});
