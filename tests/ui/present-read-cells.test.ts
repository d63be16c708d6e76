import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import {cellMarkup, renderMarkdown, type CellMarkupSpec} from "../../src/shared/index.ts";
import {readSlideCells, splitSlides} from "../../src/ui/present/index.ts";

/** A page's notebook element holding these cells, as the build writes them. */
function page(cells: Array<CellMarkupSpec & {status?: string; html?: string}>): HTMLElement {
  const document = new Window().document as unknown as Document;
  const main = document.createElement("main");
  main.innerHTML = cells.map((cell) => cellMarkup(cell)).join("");
  for (const cell of cells) {
    const section = main.querySelector<HTMLElement>(`#cell-${cell.id}`)!;
    if (cell.status) section.dataset.status = cell.status;
    if (cell.html !== undefined) section.querySelector(".mapt-cell-output")!.innerHTML = cell.html;
  }
  return main;
}
const md = (id: number, source: string): CellMarkupSpec => ({id, mode: "md", staticHtml: renderMarkdown(source)});

describe("readSlideCells", () => {
  it("readSlideCells reads h1 and h2 as headings, a --- line as a rule, anything else (h3 too) as other", () => {
    const [cell] = readSlideCells(page([md(1, "# Title\n\nText.\n\n---\n\n### Small\n\n## Next")]));
    expect(cell).toEqual({
      id: 1,
      visible: true,
      blocks: [{kind: "heading", text: "Title"}, {kind: "other"}, {kind: "rule"}, {kind: "other"}, {kind: "heading", text: "Next"}]
    });
  });

  it("readSlideCells reads the blocks of Markdown that interpolates values inside the md builtin's element", () => {
    const [cell] = readSlideCells(page([{id: 1, mode: "md", status: "fulfilled", html: `<div class="mapt-md">${renderMarkdown("## Live\n\n5 bars")}</div>`}]));
    expect(cell?.blocks).toEqual([{kind: "heading", text: "Live"}, {kind: "other"}]);
  });

  it("readSlideCells marks notes, hidden cells and cells that ran and show nothing", () => {
    const cells = readSlideCells(
      page([md(1, "Note: say hello."), {id: 2, mode: "js", hidden: true}, {id: 3, mode: "js", status: "fulfilled", html: ""}, {id: 4, mode: "js", status: "pending"}])
    );
    expect(cells).toEqual([
      {id: 1, visible: true, note: true},
      {id: 2, visible: false},
      {id: 3, visible: false},
      {id: 4, visible: true}
    ]);
  });

  it("readSlideCells and splitSlides: a notebook page splits into the slides its headings and rules make", () => {
    const main = page([md(1, "# A"), {id: 2, mode: "js", status: "fulfilled", html: "<svg></svg>"}, md(3, "Note: notes"), md(4, "## B\n\none\n\n---\n\ntwo")]);
    expect(splitSlides(readSlideCells(main)).map((slide) => slide.title ?? "")).toEqual(["A", "B", ""]);
  });
});
