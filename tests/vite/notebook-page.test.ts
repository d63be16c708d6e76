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
});
