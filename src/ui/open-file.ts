import {createDraft} from "./drafts.ts";
import {isTrustedText} from "./trust-store.ts";

/**
 * Opens a local notebook file as a new draft (not allowed to run until its reader says so) in
 * the editor page; answers an error message, and opens nothing, for a file that is not a notebook.
 */
export async function openNotebookFile(file: File, draftUrl: (id: string) => string): Promise<string | undefined> {
  const problem = await notNotebookReason(file);
  if (problem) return problem;
  const text = await file.text();
  const id = await createDraft(text, await isTrustedText(text));
  location.assign(draftUrl(id));
  return undefined;
}

/** Why a file cannot be opened as a notebook, or `undefined` when it can. */
export async function notNotebookReason(file: File): Promise<string | undefined> {
  const maxBytes = 20 * 1024 * 1024;
  if (file.size > maxBytes) return `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(0)} MB: too large to be a notebook file (at most 20 MB). To use it as data, attach it to a notebook.`;
  const head = await file.slice(0, 65536).text();
  if (!/<notebook[\s>]/i.test(head)) {
    return `"${file.name}" is not a notebook: a notebook file is HTML with a <notebook> element (Observable Notebook Kit's format). To use a data file, attach it to a notebook.`;
  }
  return undefined;
}
