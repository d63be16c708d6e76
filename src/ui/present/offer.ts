import {keysOf} from "../editor/keymap.ts";
import {showPageMessage} from "../page-message.ts";
import type {Deck, SlideEditor} from "./deck.ts";

/** What a page offers presenting. */
export interface PresentingSpec {
  /** The element holding the cells' sections. */
  main: HTMLElement;
  /** The page bar the Present button goes in. */
  bar: HTMLElement;
}

/** A page's way to present. */
export interface Presenting {
  /** Starts presenting (nothing while a presentation is under way). */
  start(): void;
  /** Starts presenting at the slide of cell `cell`; `edit`: with that slide in Edit mode, as Enter does. */
  startAt(cell: number, edit: boolean): void;
  /** Marks cells a presentation on another page found taller than the screen (Edit mode flags them). */
  flagTooTall(ids: readonly string[]): void;
  /** How Enter on a slide edits its cells; pages that edit set it once they can. */
  setEditor(editor: SlideEditor): void;
}

/**
 * The Present button and the P key (outside text fields and code editors; in Edit mode the
 * editor's own keys run it), and `?present` in the address: each starts a presentation of the
 * notebook. The presentation itself (deck.ts) loads on first use.
 */
export function offerPresenting(spec: PresentingSpec): Presenting {
  const document = spec.main.ownerDocument;
  const keys = keysOf("present");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "mapt-present-button";
  button.textContent = "Present";
  button.title = `Present this notebook as slides (${keys.join(", ")})`;
  button.setAttribute("aria-keyshortcuts", keys.join(" "));
  spec.bar.append(button);

  let editor: SlideEditor | undefined;
  let deck: Promise<Deck> | undefined;
  const start = (at?: {cell: number; edit: boolean}) => {
    deck ??= import("./deck.ts").then(({startDeck}) =>
      startDeck({
        main: spec.main,
        at,
        editor: () => editor,
        onEnd: () => {
          deck = undefined;
          button.focus({preventScroll: true});
        }
      })
    );
    deck.catch((error: unknown) => {
      deck = undefined;
      showPageMessage(spec.main, `Could not start the presentation: ${error instanceof Error ? error.message : String(error)}. Reload the page and try again.`);
    });
  };
  button.addEventListener("click", () => start());
  document.addEventListener("keydown", (event) => {
    if (!keys.some((key) => key.toLowerCase() === event.key.toLowerCase()) || event.ctrlKey || event.metaKey || event.altKey) return;
    // Edit mode runs its own keys (P is one of them); text fields and dialogs keep theirs.
    if (document.body.classList.contains("mapt-editing") || document.querySelector("dialog[open]")) return;
    if ((event.target as HTMLElement | null)?.closest("input, textarea, select, [contenteditable], .cm-editor")) return;
    event.preventDefault();
    start();
  });
  if (new URLSearchParams(location.search).has("present")) start();
  return {
    start: () => start(),
    startAt: (cell, edit) => start({cell, edit}),
    flagTooTall(ids) {
      if (ids.length === 0) return;
      for (const id of ids) document.getElementById(`cell-${id}`)?.setAttribute("data-mapt-slide-overflows", "");
      // The flag's style comes with the presentation's stylesheet.
      void import("./present.css");
    },
    setEditor(next) {
      editor = next;
    }
  };
}
