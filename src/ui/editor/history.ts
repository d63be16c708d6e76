import {readDraft} from "../drafts.ts";

/** Lists the kept versions of a notebook, newest first; choosing one hands its text to `restore`. */
export async function showHistory(key: string, restore: (text: string) => void): Promise<void> {
  const record = await readDraft(key);
  const dialog = document.createElement("dialog");
  dialog.className = "mapt-dialog mapt-history";
  dialog.setAttribute("aria-label", "Versions of this notebook");
  const close = () => (dialog.close(), dialog.remove());
  const list = document.createElement("ol");
  list.reversed = true;
  for (const version of [...(record?.versions ?? [])].reverse()) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `Restore ${new Date(version.time).toLocaleString()}`;
    button.addEventListener("click", () => {
      restore(version.text);
      close();
    });
    const preview = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "Show";
    const pre = document.createElement("pre");
    pre.textContent = version.text;
    preview.append(summary, pre);
    item.append(button, preview);
    list.append(item);
  }
  const done = document.createElement("button");
  done.type = "button";
  done.textContent = "Close";
  done.addEventListener("click", close);
  const heading = document.createElement("p");
  heading.textContent = list.children.length ? "The last versions kept in this browser, newest first:" : "No versions kept yet.";
  dialog.append(heading, list, done);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
