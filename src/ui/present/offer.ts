import {keysOf} from "../editor/commands.ts";
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
  const start = () => {
    deck ??= import("./deck.ts").then(({startDeck}) =>
      startDeck({
        main: spec.main,
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
  button.addEventListener("click", start);
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
    start,
    setEditor(next) {
      editor = next;
    }
  };
}
