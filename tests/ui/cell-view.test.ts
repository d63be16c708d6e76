// @vitest-environment happy-dom
import {tableFromArrays} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {cellMarkup, type CellMarkupSpec} from "../../src/shared/index.ts";
import {loadInputs} from "../../src/stdlib/index.ts";
import {CellViews} from "../../src/ui/index.ts";

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
    await loadInputs();
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
});
