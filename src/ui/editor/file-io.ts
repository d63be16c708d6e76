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
export function pickNotebookFile(): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".html,text/html";
    input.className = "mapt-file-input";
    input.setAttribute("aria-label", "Notebook file to open");
    input.addEventListener("change", () => {
      resolve(input.files?.[0]);
      input.remove();
    });
    input.addEventListener("cancel", () => (resolve(undefined), input.remove()));
    document.body.append(input);
    input.click();
  });
}

