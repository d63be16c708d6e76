import {ATTACHMENT_EXTENSIONS} from "../../shared/index.ts";

/** Saves a notebook file to the user's downloads (no server involved). */
export function downloadNotebook(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], {type: "text/html"}));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks the user for a local .html notebook file. */
export async function pickNotebookFile(): Promise<File | undefined> {
  return (await pickFiles(".html,text/html", "Notebook file to open", false))[0];
}

/** Asks the user for data files to attach (none when they cancel). */
export function pickDataFiles(): Promise<File[]> {
  return pickFiles(ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(","), "Data files to attach", true);
}

function pickFiles(accept: string, label: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.multiple = multiple;
    input.className = "mapt-file-input";
    input.setAttribute("aria-label", label);
    input.addEventListener("change", () => {
      resolve([...(input.files ?? [])]);
      input.remove();
    });
    input.addEventListener("cancel", () => (resolve([]), input.remove()));
    document.body.append(input);
    input.click();
  });
}
