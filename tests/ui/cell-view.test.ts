// @vitest-environment happy-dom
import {tableFromArrays} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {cellMarkup, PREPAINT_HOLD_ATTRIBUTE, withPrepaintedOutputs, type CellMarkupSpec} from "../../src/shared/index.ts";
import {CellViews, settlePrepainted} from "../../src/ui/index.ts";
import {loadTableInputs} from "../../src/ui/table-view.ts";

/** A reader page's notebook element holding these cells as the build writes them, and its views. */
function page(cells: CellMarkupSpec[]) {
  const main = document.createElement("main");
  main.innerHTML = cells.map((cell) => cellMarkup(cell)).join("");
  document.body.replaceChildren(main);
  return {main, views: new CellViews(main)};
}

/** A query's result, as DuckDB hands it over: an Arrow table. */
const result = () => tableFromArrays({year: Int32Array.from([2011, 2012, 2013])});
const drawnTable = (main: HTMLElement, id: number) => main.querySelector(`#cell-${id} > .mapt-cell-output > figure.mapt-table`)?.querySelector("figcaption")?.textContent;

describe("CellViews", () => {
  it("a hidden SQL cell's result is drawn as a table only once the cell is shown", () => {
    const {main, views} = page([{id: 1, mode: "sql", hidden: true}, {id: 2, mode: "sql"}]);
    for (const id of [1, 2]) {
      const view = views.attach({id, mode: "sql"});
      view.running();
      view.fulfilled(result(), true);
    }
    expect(drawnTable(main, 2)).toBe("3 rows × 1 column");
    expect(drawnTable(main, 1)).toBeUndefined();
    views.render({id: 1, mode: "sql", hidden: false});
    expect(drawnTable(main, 1)).toBe("3 rows × 1 column");
  });

  it("a shown SQL cell's rows are in the page with its result once Observable Inputs has loaded, not a frame later", async () => {
    await loadTableInputs();
    const {main, views} = page([{id: 1, mode: "sql"}]);
    const view = views.attach({id: 1, mode: "sql"});
    view.running();
    view.fulfilled(result(), true);
    expect([...main.querySelectorAll("#cell-1 td")].map((td) => td.textContent)).toEqual(expect.arrayContaining(["2011", "2012", "2013"]));
  });

  it("a hidden cell's other values are put in the page as they come", () => {
    const {main, views} = page([{id: 1, mode: "js", hidden: true}]);
    const style = document.createElement("style");
    style.textContent = ".x { color: red }";
    views.attach({id: 1, mode: "js"}).fulfilled(style, true);
    expect(main.querySelector("#cell-1 style")?.textContent).toBe(".x { color: red }");
  });

  it("a cell showing a non-DOM value says done only once the inspector has drawn it", async () => {
    const {main, views} = page([{id: 1, mode: "js"}]);
    const view = views.attach({id: 1, mode: "js"});
    view.running();
    view.fulfilled({region: "North"}, true);
    const cell = main.querySelector<HTMLElement>("#cell-1")!;
    await expect.poll(() => cell.dataset.status).toBe("fulfilled");
    expect(cell.querySelector(".mapt-cell-output")!.textContent).toContain("North");
  });

  it("a cell that runs again before the inspector drew its value keeps the newer status", async () => {
    const {main, views} = page([{id: 1, mode: "js"}]);
    const view = views.attach({id: 1, mode: "js"});
    view.running();
    view.fulfilled([1, 2, 3], true);
    view.running();
    view.rejected(new Error("region is not defined"));
    const cell = main.querySelector<HTMLElement>("#cell-1")!;
    // Nothing to wait for: the check is that the stale "done" never comes. The inspector's load
    // (the same module import the view awaits) and one task for its draw are let through first.
    await import("@observablehq/inspector");
    await new Promise((resolve) => setTimeout(resolve));
    expect(cell.dataset.status).toBe("error");
  });

  /** A page as the build writes it with cell 1's chart pre-painted. */
  function prepainted() {
    const cells = cellMarkup({id: 1, mode: "js"}) + cellMarkup({id: 2, mode: "js"});
    const main = document.createElement("main");
    main.innerHTML = withPrepaintedOutputs(cells, new Map([[1, '<svg id="built"></svg>']]), "guard.js").html;
    document.body.replaceChildren(main);
    const output = main.querySelector<HTMLElement>("#cell-1 > .mapt-cell-output")!;
    return {main, output, views: new CellViews(main)};
  }

  it("a pre-painted chart stays while its cell runs and gives way to the run's first value in the same change", () => {
    const {output, views} = prepainted();
    const view = views.attach({id: 1, mode: "js"});
    view.running();
    expect(output.querySelector("svg")?.id).toBe("built");
    expect(output.hasAttribute("data-mapt-prepainted")).toBe(true);
    const live = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    live.id = "live";
    view.fulfilled(live, true);
    expect([...output.children].map((child) => child.id)).toEqual(["live"]);
    expect(output.hasAttribute("data-mapt-prepainted")).toBe(false);
  });

  it("a pre-painted chart gives way to its cell's error", () => {
    const {output, views} = prepainted();
    const view = views.attach({id: 1, mode: "js"});
    view.running();
    view.rejected(new Error("country is not defined"));
    expect(output.querySelector("svg")).toBeNull();
    expect(output.hasAttribute("data-mapt-prepainted")).toBe(false);
  });

  it("settlePrepainted removes the copies of a page that does not open as built, keeps them on one that does, and releases the hold", () => {
    for (const current of [true, false]) {
      const {main, output} = prepainted();
      document.documentElement.setAttribute(PREPAINT_HOLD_ATTRIBUTE, "");
      settlePrepainted(main, current);
      expect(output.querySelector("svg#built") !== null).toBe(current);
      expect(output.hasAttribute("data-mapt-prepainted")).toBe(current);
      expect(document.documentElement.hasAttribute(PREPAINT_HOLD_ATTRIBUTE)).toBe(false);
    }
  });
});
