import type {Cell, Notebook} from "../notebook/index.ts";
import type {CellViewSpec} from "./cell-view.ts";
import type {CellViews} from "./cell-views.ts";

/** What the "Show all code" switch of a notebook page needs. */
export interface ShowCodeSpec {
  /** The page bar the switch goes in. */
  bar: HTMLElement;
  /** The page's one view per cell: the switch shows and hides code through it. */
  views: CellViews;
  /**
   * The notebook as the page shows it, asked for each time the switch turns on. A built page
   * carries only its pinned cells' code, so this loads the notebook's text on first use.
   */
  notebook(): Promise<Notebook>;
}

/** The switch, for the page to put away while Edit mode shows the code its own way. */
export interface ShowCodeSwitch {
  /** Shows the switch (true), or turns it off and removes it from the bar (false). */
  setAvailable(available: boolean): void;
}

/** Marks the page while every cell's code shows: hidden cells then show their code (not their output). */
const showCodeClass = "mapt-show-code";

/**
 * The view of each cell with every cell's code shown (`all`), or as the file pins it. Hidden
 * cells keep their `hidden` flag: the page's stylesheet shows their code alone while
 * {@link showCodeClass} is on the page.
 */
function codeViewSpecs(cells: readonly Cell[], all: boolean): CellViewSpec[] {
  return cells.map((cell) => ({id: cell.id, mode: cell.mode, hidden: cell.hidden, pinned: all || cell.pinned, source: cell.source, output: cell.output}));
}

/**
 * Adds a "Show all code" switch to the page bar: pressed, it shows the code of every cell under its
 * output, including the cells the file keeps hidden; pressed again, only the pinned cells' code.
 * A failure to load the notebook's text is said on the switch, and the page stays as it was.
 */
export function offerShowCode(spec: ShowCodeSpec): ShowCodeSwitch {
  const button = spec.bar.ownerDocument.createElement("button");
  button.type = "button";
  button.className = "mapt-show-code-button";
  button.textContent = "Show all code";
  let shown: readonly Cell[] | undefined;
  let busy = false;
  let available = true;
  const label = (on: boolean, error?: unknown) => {
    button.setAttribute("aria-pressed", String(on));
    button.title = error === undefined
      ? on ? "Show only the code this notebook pins" : "Show the code of every cell, also the hidden ones"
      : `Could not load this notebook's code: ${error instanceof Error ? error.message : String(error)}. Try again.`;
  };
  const render = (cells: readonly Cell[], all: boolean) => {
    // Every cell the page shows, static Markdown too (the reader never attached a view to it).
    const main = spec.views.main;
    for (const view of codeViewSpecs(cells, all)) if (main.querySelector(`:scope > #cell-${view.id}`)) spec.views.render(view);
    main.classList.toggle(showCodeClass, all);
  };
  const off = () => {
    if (shown) render(shown, false);
    shown = undefined;
    label(false);
  };
  const on = async () => {
    busy = true;
    button.setAttribute("aria-busy", "true");
    try {
      const cells = (await spec.notebook()).cells;
      if (!available) return;
      render(cells, true);
      shown = cells;
      label(true);
    } catch (error) {
      label(false, error);
    } finally {
      busy = false;
      button.removeAttribute("aria-busy");
    }
  };
  button.addEventListener("click", () => {
    if (busy) return;
    if (shown) off();
    else void on();
  });
  label(false);
  spec.bar.append(button);
  return {
    setAvailable(next) {
      available = next;
      if (!available) off();
      button.hidden = !available;
    }
  };
}
