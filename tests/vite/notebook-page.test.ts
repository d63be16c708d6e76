import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import {renderNotebookPage} from "../../src/vite/notebook-page.ts";
import {fixture} from "../notebook/helpers.ts";

/** The texts of a rendered page's notices: those every reader sees, and those only authors see. */
function notices(text: string): {readers: string[]; authors: string[]} {
  const {html} = renderNotebookPage(text, {moduleId: "virtual:page", rootUrl: "./", stylesheet: "/styles.css"});
  const document = new new Window().DOMParser().parseFromString(html, "text/html");
  const items = (selector: string) => Array.from(document.querySelectorAll(selector), (li) => li.textContent ?? "");
  return {readers: items("aside.mapt-diagnostics:not([hidden]) li"), authors: items("aside.mapt-diagnostics[hidden] li")};
}

describe("renderNotebookPage", () => {
  it("renderNotebookPage shows readers no notice for ids Notebook Kit renumbers silently, and keeps them for the editor", () => {
    const {readers, authors} = notices(fixture("odd-ids.html"));
    expect(readers).toEqual([]);
    expect(authors[0]).toBe('line 4 (cell 1): cell has invalid id "header" (ids are positive whole numbers); numbered 1');
    expect(authors).toHaveLength(9);
  });

  it("renderNotebookPage shows readers an unclosed <script> with its line, cell and fix", () => {
    const {readers, authors} = notices(fixture("unclosed-script.html"));
    expect(readers).toHaveLength(1);
    expect(readers[0]).toMatch(/^line 7 \(cell 2\): .*add <\/script> before line 9$/);
    expect(authors).toEqual([]);
  });

  it("renderNotebookPage shows no notice at all for a clean file", () => {
    expect(notices(fixture("kit-layout.html"))).toEqual({readers: [], authors: []});
  });

  it("renderNotebookPage makes a page that queries launch DuckDB before it imports the notebook's module", () => {
    const options = {moduleId: "virtual:page", rootUrl: "./", stylesheet: "/styles.css", startModule: "/start.ts"};
    const script = (html: string) => new new Window().DOMParser().parseFromString(html, "text/html").querySelector("script[type=module]")?.textContent;
    const querying = `<notebook><script id="1" type="application/sql">SELECT 1 AS one</script></notebook>`;
    expect(script(renderNotebookPage(querying, options).html)).toBe(`import {startPage} from "/start.ts"; startPage(() => import("virtual:page"));`);
    const plain = `<notebook><script id="1" type="module">1 + 1</script></notebook>`;
    expect(script(renderNotebookPage(plain, options).html)).toBe(`import "virtual:page";`);
  });

  it("renderNotebookPage leaves a cell marked unrun out of the code it runs and shows it as edited, not run, with a note", () => {
    const text = `<notebook><script id="1" type="module">const a = 1;</script><script id="2" type="module" unrun>while (true) {}</script><script id="3" type="text/markdown" unrun># Notes</script></notebook>`;
    const page = renderNotebookPage(text, {moduleId: "virtual:page", rootUrl: "./", stylesheet: "/styles.css"});
    expect(page.cells.map((cell) => cell.id)).toEqual([1]);
    const document = new new Window().DOMParser().parseFromString(page.html, "text/html");
    const cell = (id: number) => document.querySelector(`#cell-${id}`)!;
    expect(cell(2).getAttribute("data-status")).toBe("stale");
    expect(cell(2).querySelector(".mapt-cell-status")?.textContent).toBe("edited, not run");
    expect(cell(2).querySelector(".mapt-cell-notice:not([hidden])")?.textContent).toMatch(/saved before its code ever ran/);
    // Static Markdown has no code: it shows as usual.
    expect(cell(3).getAttribute("data-status")).toBe("fulfilled");
    expect(cell(3).querySelector("h1")?.textContent).toBe("Notes");
    expect(cell(1).getAttribute("data-status")).toBe("pending");
  });
});
