import type {NotebookRuntime} from "../runtime/index.ts";
import {decodeShareFragment, fromInputValue, type FileReference, type SharePayload} from "../share/index.ts";
import {checkLinkFiles, linkFileMessage, presentFiles, showLinkFileProblems, showPageMessage, type LinkFileProblem, type NotebookFiles} from "../ui/index.ts";

/**
 * Reads a share link's fragment and puts its input values in place for the cells' first run.
 * A link that cannot be read says why on the page; the notebook then opens as it is.
 */
export async function restoreLinkState(fragment: string, runtime: NotebookRuntime, main: HTMLElement): Promise<SharePayload | undefined> {
  const decoded = await decodeShareFragment(fragment);
  if ("error" in decoded) {
    showPageMessage(main, `${decoded.error} The notebook is shown as it is, with its own input values.`);
    return undefined;
  }
  runtime.inputs.restore(new Map(Object.entries(decoded.payload.inputs).map(([name, value]) => [name, fromInputValue(value)])));
  return decoded.payload;
}

/** Where the notice about a link's files goes and what choosing a file does. */
export interface LinkFilesNotice {
  main: HTMLElement;
  /** The ids of the cells that read file `name`. */
  readers(name: string): number[];
  /** Keeps a chosen file with the notebook. Default: for this visit only. */
  keep?(name: string, file: File): Promise<void>;
  /** The right file is here: the cells that read it run again. */
  arrived(name: string): void;
}

/**
 * Compares the files a link refers to (name, size, SHA-256) with what the page has, and sets
 * aside each one that is missing or has other bytes, so no cell reads a different file. Answers
 * a function that shows, on the page and on the cells that read them, what is wrong and a
 * button to choose each file (call it once the cells are on the page).
 */
export async function checkLinkFilesOnPage(references: readonly FileReference[], files: NotebookFiles): Promise<(notice: LinkFilesNotice) => void> {
  const problems: LinkFileProblem[] = checkLinkFiles(references, await presentFiles(references, files));
  for (const problem of problems) files.block(problem.reference.name, linkFileMessage(problem), problem.reference);
  return (notice) => showLinkFileProblems(problems, {...notice, files, keep: notice.keep ?? (async () => {})});
}
