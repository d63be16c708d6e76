import {PRESENT_COMMANDS, presentKeysOf, type PresentCommandId} from "../editor/commands.ts";
import {keyLabel} from "../editor/key-label.ts";
import type {PresentState} from "./navigation.ts";

/** The controls over a presentation: counter, progress, buttons, the overflow flag and messages. */
export interface DeckBar {
  /** Shows `state`; `overflows`: the slide is taller than the screen; `more`: part of it is below. */
  update(state: PresentState, overflows: boolean, more: boolean): void;
  /** A short message in the bar ("" clears it). */
  say(text: string): void;
  remove(): void;
}

/** Adds the presentation's bar and progress line to `document.body`; buttons run `command`. */
export function createDeckBar(document: Document, command: (id: PresentCommandId) => void): DeckBar {
  const bar = document.createElement("div");
  bar.className = "mapt-present-bar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Presentation");
  const button = (id: PresentCommandId, text: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.present = id;
    b.textContent = text;
    const keys = presentKeysOf(id).map(keyLabel).join(", ");
    b.title = `${PRESENT_COMMANDS[id].label} (${keys})`;
    b.addEventListener("click", () => command(id));
    return b;
  };
  const counter = document.createElement("span");
  counter.className = "mapt-present-counter";
  counter.setAttribute("aria-live", "polite");
  const overflow = document.createElement("span");
  overflow.className = "mapt-present-overflow";
  overflow.setAttribute("role", "status");
  overflow.textContent = "This slide is taller than the screen: scroll to see the rest, or split it with a heading or a --- line.";
  overflow.hidden = true;
  const message = document.createElement("span");
  message.className = "mapt-present-message";
  message.setAttribute("role", "status");
  const edit = button("edit", "Edit slide");
  const spacer = document.createElement("span");
  spacer.className = "mapt-present-spacer";
  bar.append(button("previous", "←"), counter, button("next", "→"), overflow, message, spacer, edit, button("notes", "Notes"), button("exit", "Exit"));

  const progress = document.createElement("div");
  progress.className = "mapt-present-progress";
  progress.setAttribute("role", "progressbar");
  progress.setAttribute("aria-label", "Slides shown");
  progress.setAttribute("aria-valuemin", "0");
  const fill = document.createElement("div");
  progress.append(fill);

  const hint = document.createElement("div");
  hint.className = "mapt-present-scroll-hint";
  hint.setAttribute("aria-hidden", "true");
  hint.textContent = "▼ more below";
  hint.hidden = true;

  document.body.append(progress, hint, bar);
  return {
    update(state, overflows, more) {
      const shown = state.count === 0 ? 0 : state.index + 1;
      counter.textContent = `${shown} / ${state.count}`;
      fill.style.width = state.count === 0 ? "0" : `${(100 * shown) / state.count}%`;
      progress.setAttribute("aria-valuemax", String(state.count));
      progress.setAttribute("aria-valuenow", String(shown));
      overflow.hidden = !overflows;
      hint.hidden = !more;
      const editing = state.phase === "editing";
      edit.textContent = editing ? "Back to the slides" : "Edit slide";
      edit.setAttribute("aria-pressed", String(editing));
      if (editing) message.textContent = "Editing this slide: Shift+Enter runs a cell; Esc, then Esc again, goes back to the slides.";
      else if (state.count === 0) message.textContent = "Nothing to present yet: this notebook shows no cells.";
      else if (message.dataset.sticky !== "true") message.textContent = "";
    },
    say(text) {
      message.textContent = text;
      message.dataset.sticky = String(text !== "");
    },
    remove() {
      bar.remove();
      progress.remove();
      hint.remove();
    }
  };
}
