import {ATTACHMENT_EXTENSIONS} from "../../shared/index.ts";
import {showPageMessage} from "../page-message.ts";
import {exportFromServer} from "../save-client.ts";

/** Saves a notebook file to the user's downloads (no server involved). */
export function downloadNotebook(text: string | Blob, fileName: string): void {
  const url = URL.createObjectURL(typeof text === "string" ? new Blob([text], {type: "text/html"}) : text);
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

/**
 * "Export as a single file": under the dev server, the server builds the notebook's current text
 * into one file that opens from disk (see src/cli/export.ts) and the browser downloads it; a
 * built site has no server to build it, so the page says how to export instead.
 */
export async function exportSingleFile(main: HTMLElement, path: string | undefined, text: string, fileName: string, engine = false): Promise<void> {
  main.querySelector(".mapt-export-progress")?.remove();
  if (!import.meta.env.DEV) {
    showPageMessage(main, "Exporting builds the notebook on your machine: run it under npm start and export again, or run npx mapt export notebooks/<name>.html.", "mapt-page-message mapt-export-progress");
    return;
  }
  const progress = showPageMessage(main, "Exporting: building the notebook and recording its results (this takes up to a minute)…", "mapt-page-message mapt-export-progress");
  progress.setAttribute("role", "status");
  const result = await exportFromServer(path, text, engine);
  progress.remove();
  if (result instanceof Blob) {
    downloadNotebook(result, fileName.replace(/\.html$/, "") + ".export.html");
    const what = engine ? "it opens from disk with no network, and its queries run again on the database engine it carries" : "it opens from disk with no network";
    showPageMessage(main, `Exported ${fileName.replace(/\.html$/, "")}.export.html (${(result.size / 1e6).toFixed(1)} MB): ${what}.`, "mapt-page-message mapt-export-progress").setAttribute("role", "status");
  } else {
    showPageMessage(main, `Could not export: ${result.error}`, "mapt-page-message mapt-export-progress");
  }
}
