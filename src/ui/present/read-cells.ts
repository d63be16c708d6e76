import type {SlideBlock, SlideCell} from "./slides.ts";

/** The cells' sections of the notebook, in page order. */
export function cellSections(main: HTMLElement): HTMLElement[] {
  return [...main.querySelectorAll<HTMLElement>(":scope > .mapt-cell")];
}

/**
 * The element holding a Markdown cell's top-level blocks: the output itself for Markdown the build
 * rendered, the `md` builtin's `div.mapt-md` for Markdown that interpolates values.
 */
export function markdownBlocks(section: HTMLElement): HTMLElement[] {
  const output = section.querySelector<HTMLElement>(":scope > .mapt-cell-output");
  if (!output) return [];
  const only = output.children.length === 1 ? output.firstElementChild : null;
  const holder = only?.classList.contains("mapt-md") ? (only as HTMLElement) : output;
  return [...holder.children] as HTMLElement[];
}

const isMarkdown = (section: HTMLElement) => section.dataset.mode === "md";

/** A Markdown cell that starts with "Note:" holds speaker notes. */
export function isNoteSection(section: HTMLElement): boolean {
  return isMarkdown(section) && /^\s*Note:/.test(section.querySelector(":scope > .mapt-cell-output")?.textContent ?? "");
}

/** The notebook's cells as the slide splitter reads them, from what the page shows now. */
export function readSlideCells(main: HTMLElement): SlideCell[] {
  return cellSections(main).map((section) => {
    const id = Number(section.dataset.cellId);
    const output = section.querySelector<HTMLElement>(":scope > .mapt-cell-output");
    const error = section.querySelector<HTMLElement>(":scope > .mapt-cell-error");
    // A cell that ran and shows nothing (a program cell without display) would make a blank slide.
    const shows = (output?.childNodes.length ?? 0) > 0 || error?.hidden === false || section.dataset.status !== "fulfilled" || section.querySelector(":scope > .mapt-cell-source") !== null;
    const visible = !section.hidden && shows;
    if (!isMarkdown(section)) return {id, visible};
    if (isNoteSection(section)) return {id, visible, note: true};
    return {id, visible, blocks: markdownBlocks(section).map(blockOf)};
  });
}

function blockOf(element: HTMLElement): SlideBlock {
  if (element.tagName === "H1" || element.tagName === "H2") return {kind: "heading", text: headingText(element)};
  if (element.tagName === "HR") return {kind: "rule"};
  return {kind: "other"};
}

/** A heading's words, without its "#" link to itself. */
function headingText(heading: HTMLElement): string {
  const copy = heading.cloneNode(true) as HTMLElement;
  copy.querySelectorAll(".mapt-anchor").forEach((anchor) => anchor.remove());
  return (copy.textContent ?? "").trim();
}
