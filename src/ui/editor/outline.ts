/** One heading of the notebook, as the outline lists it. */
export interface OutlineEntry {
  level: number;
  text: string;
  /** The cell the heading is in. */
  cell: number;
  element: HTMLElement;
}

/** The headings (h1 to h3) the cells show, in page order. */
export function outlineOf(main: HTMLElement): OutlineEntry[] {
  return [...main.querySelectorAll<HTMLElement>(".mapt-cell > .mapt-cell-output :is(h1, h2, h3)")]
    .filter((heading) => !heading.closest("figure"))
    .map((element) => ({
      level: Number(element.tagName.slice(1)),
      text: element.textContent?.trim() ?? "",
      cell: Number(element.closest<HTMLElement>(".mapt-cell")!.dataset.cellId),
      element
    }))
    .filter((entry) => entry.text !== "");
}

/** A dialog listing the headings; choosing one scrolls to it and hands its cell to `go`. */
export function showOutline(main: HTMLElement, go: (cell: number) => void): void {
  const dialog = document.createElement("dialog");
  dialog.className = "mapt-dialog mapt-outline";
  dialog.setAttribute("aria-label", "Outline");
  const heading = document.createElement("h2");
  heading.textContent = "Outline";
  const nav = document.createElement("nav");
  nav.setAttribute("aria-label", "Headings of this notebook");
  const list = document.createElement("ul");
  const entries = outlineOf(main);
  for (const entry of entries) {
    const item = document.createElement("li");
    item.style.paddingLeft = `${(entry.level - 1) * 1.25}rem`;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "mapt-outline-link";
    button.textContent = entry.text;
    button.addEventListener("click", () => {
      dialog.close();
      entry.element.scrollIntoView({block: "start"});
      go(entry.cell);
    });
    item.append(button);
    list.append(item);
  }
  const empty = document.createElement("p");
  empty.textContent = "No headings yet: a Markdown cell's # lines make them.";
  nav.append(entries.length ? list : empty);
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.addEventListener("click", () => dialog.close());
  dialog.append(heading, nav, close);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  (list.querySelector("button") ?? close).focus();
}
