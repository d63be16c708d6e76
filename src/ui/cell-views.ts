import {createCellView, type CellView, type CellViewSpec} from "./cell-view.ts";

/**
 * The page's one view per cell, shared by the reader and the editor: the runtime reports to
 * these views and nothing else, and the editor adds its controls to the same elements.
 */
export class CellViews {
  readonly #views = new Map<number, CellView>();
  /** The element holding the cells' sections. */
  readonly main: HTMLElement;

  constructor(main: HTMLElement) {
    this.main = main;
  }

  /** The view of cell `id`; throws for a cell the page does not show (our bug, not the user's). */
  get(id: number): CellView {
    const view = this.#views.get(id);
    if (view === undefined) throw new Error(`no view for cell ${id}: render a cell before defining it`);
    return view;
  }

  /** The view of cell `id`, if the page shows it. */
  maybe(id: number): CellView | undefined {
    return this.#views.get(id);
  }

  /** The view for `spec.id`, created (or taken from the pre-rendered page) on first use, then updated. */
  render(spec: CellViewSpec): CellView {
    const view = this.attach(spec);
    view.update(spec);
    return view;
  }

  /** The view of a cell the build pre-rendered, as it is (created when the page lacks it). */
  attach(spec: CellViewSpec): CellView {
    let view = this.#views.get(spec.id);
    if (view === undefined) this.#views.set(spec.id, (view = createCellView(spec, this.main)));
    return view;
  }

  /** Removes a cell's view and element. */
  remove(id: number): void {
    this.#views.get(id)?.element.remove();
    this.#views.delete(id);
  }

  /** Puts the cells' sections in this order, where the first cell is (banners above stay above). */
  order(ids: readonly number[]): void {
    let previous: Element | null = null;
    for (const id of ids) {
      const element = this.#views.get(id)?.element;
      if (!element) continue;
      if (previous === null) {
        const first = this.main.querySelector(":scope > .mapt-cell");
        if (first === null) this.main.append(element);
        else if (first !== element) first.before(element);
      } else if (previous.nextElementSibling !== element) previous.after(element);
      previous = element;
    }
  }

  /** Every view, in no particular order. */
  all(): IterableIterator<[number, CellView]> {
    return this.#views.entries();
  }
}
