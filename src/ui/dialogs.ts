import type {ConflictChoice} from "../session/index.ts";

/** A modal dialog with `content` and one button per choice; resolves with the chosen one (`fallback` on Esc). */
export function askChoice<T extends string>(
  label: string,
  content: Node[],
  choices: ReadonlyArray<readonly [T, string]>,
  fallback: T,
  className = ""
): Promise<T> {
  const dialog = document.createElement("dialog");
  dialog.className = `mapt-dialog ${className}`.trim();
  dialog.setAttribute("aria-label", label);
  const actions = document.createElement("div");
  actions.className = "mapt-dialog-actions";
  dialog.append(...content, actions);
  document.body.append(dialog);
  return new Promise((resolve) => {
    const choose = (choice: T) => () => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
    for (const [choice, text] of choices) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.dataset.choice = choice;
      button.addEventListener("click", choose(choice));
      actions.append(button);
    }
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      choose(fallback)();
    });
    dialog.showModal();
  });
}

/** A `<p>` of plain text. */
export function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}

/** The conflict dialog open now, and what it resolves with: a newer conflict updates it instead of stacking a second. */
let openConflict: {panes: HTMLElement; choice: Promise<ConflictChoice>} | undefined;

/** Both versions of a notebook side by side; resolves with the one to keep (or "later"). */
export function chooseVersion(mine: string, disk: string, labels = {mine: "Keep mine", disk: "Take the other version"}): Promise<ConflictChoice> {
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
  const panes = (openConflict?.panes.isConnected ? openConflict.panes : undefined) ?? document.createElement("div");
  panes.className = "mapt-compare";
  panes.replaceChildren(pane("Yours (this page)", mine, "mine"), pane("The other version", disk, "disk"));
  if (openConflict?.panes === panes) return openConflict.choice;
  const choice = askChoice(
    "Two versions of this notebook",
    [paragraph("This notebook has two versions. Which one should stay?"), panes],
    [["mine", labels.mine], ["disk", labels.disk], ["later", "Decide later"]],
    "later",
    "mapt-conflict"
  );
  openConflict = {panes, choice};
  return choice;
}

/** The first edit of a shipped notebook under the dev server: edit its file, or a copy beside it? */
export function askEditOrCopy(file: string): Promise<"file" | "copy"> {
  return askChoice(
    "Edit this notebook's file?",
    [
      paragraph(`You are editing ${file}, a notebook of this project. Your edits can be saved into that file, or into a copy beside it (the file stays as it is).`)
    ],
    [["copy", "Make a copy and edit that"], ["file", "Edit the file"]],
    "copy",
    "mapt-edit-choice"
  );
}
