import type {KeyInput} from "./command-keys.ts";

/**
 * Sends the page's key presses to the notebook's command mode, except those meant for something
 * else: a code editor (it reports its own keys), a form field (only Mod+ keys pass), Enter on a
 * button, and anything while a dialog is open. `handle` answers whether it used the key.
 * Returns a function that stops listening.
 */
export function listenForCommandKeys(handle: (input: KeyInput) => boolean): () => void {
  const listener = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (event.isComposing || target?.closest(".cm-editor, dialog") || document.querySelector("dialog[open]")) return;
    const mod = event.ctrlKey || event.metaKey;
    const typing = target?.matches("input, textarea, select, [contenteditable]") ?? false;
    if (typing && !mod) return;
    if (target?.closest("button") && event.key === "Enter") return;
    if (handle({key: event.key, shift: event.shiftKey, mod, alt: event.altKey, time: event.timeStamp})) event.preventDefault();
  };
  document.addEventListener("keydown", listener);
  return () => document.removeEventListener("keydown", listener);
}
