import type {NotebookFiles} from "./notebook-files.ts";
import {showPageMessage} from "./page-message.ts";
import {chosenFileProblem, fingerprint, linkFileMessage, type LinkFileProblem} from "./link-files.ts";

/** What the notice about a link's files needs from the page. */
export interface LinkFileNoticeSpec {
  /** The element holding the cells' sections: the notice goes at its top. */
  main: HTMLElement;
  files: NotebookFiles;
  /** The ids of the cells that read file `name`. */
  readers(name: string): number[];
  /** Keeps a chosen (and checked) file with the notebook in this browser. */
  keep(name: string, file: File): Promise<void>;
  /** The right file is here now: the cells that read it may run again. */
  arrived(name: string): void;
}

/**
 * Says, at the top of the notebook and on each cell that reads it, which files a link refers to
 * that this browser lacks (or has other bytes of), with a button to choose each. A chosen file is
 * checked against the link's SHA-256: the right one is kept and the cells read it; another is
 * refused with a message, and nothing changes.
 */
export function showLinkFileProblems(problems: readonly LinkFileProblem[], spec: LinkFileNoticeSpec): void {
  if (problems.length === 0) return;
  const document = spec.main.ownerDocument;
  const notice = document.createElement("aside");
  notice.className = "mapt-link-files";
  notice.setAttribute("role", "region");
  notice.setAttribute("aria-label", "Files the link refers to");
  const intro = document.createElement("p");
  intro.textContent = "This notebook reads data files that travel apart from its link. No cell reads one of them until it is the file the link refers to.";
  const list = document.createElement("ul");
  notice.append(intro, list);
  spec.main.prepend(notice);

  for (const problem of problems) {
    const name = problem.reference.name;
    const statuses: HTMLElement[] = [];
    const parts: HTMLElement[] = [];
    const chooseButton = (label: string) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "mapt-link-file-choose";
      button.textContent = label;
      button.addEventListener("click", () => input.click());
      const status = document.createElement("span");
      status.className = "mapt-link-file-status";
      status.setAttribute("role", "alert");
      statuses.push(status);
      return [button, status] as const;
    };
    const say = (text: string) => statuses.forEach((status) => (status.textContent = text));

    const item = document.createElement("li");
    item.dataset.file = name;
    const text = document.createElement("p");
    text.textContent = linkFileMessage(problem);
    const input = document.createElement("input");
    input.type = "file";
    input.hidden = true;
    input.setAttribute("aria-label", `Choose ${name}`);
    item.append(text, ...chooseButton(`Choose ${name}…`), input);
    list.append(item);
    parts.push(item);

    for (const id of spec.readers(name)) {
      const section = spec.main.querySelector<HTMLElement>(`:scope > #cell-${id}`);
      if (!section) continue;
      const note = document.createElement("div");
      note.className = "mapt-cell-file-problem";
      note.setAttribute("role", "note");
      note.dataset.file = name;
      note.append(
        problem.kind === "missing"
          ? `This cell reads “${name}”, which the link refers to but this browser does not have. `
          : `This cell reads “${name}”, and the file of that name here is not the one the link refers to. `,
        ...chooseButton(`Choose ${name}…`)
      );
      (section.querySelector(":scope > .mapt-cell-error") ?? section.querySelector(":scope > .mapt-cell-output"))?.before(note);
      parts.push(note);
    }

    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      input.value = "";
      if (!file) return;
      say(`Checking “${file.name}”…`);
      const refused = chosenFileProblem(problem.reference, {name: file.name, ...(await fingerprint(file))});
      if (refused) return say(refused);
      spec.files.set(name, {url: URL.createObjectURL(file), blob: file, mimeType: file.type || undefined});
      await spec.keep(name, file).catch((error: unknown) =>
        showPageMessage(spec.main, `“${name}” is the right file and the cells read it, but this browser could not keep it (${error instanceof Error ? error.message : String(error)}): after a reload, choose it again.`)
      );
      parts.forEach((part) => part !== item && part.remove());
      item.remove();
      if (list.children.length === 0) notice.remove();
      spec.arrived(name);
    });
  }
}
