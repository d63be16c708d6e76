// The reader's side of editing, kept small: Edit, Share and Show code (src/app/editing.ts) load
// once the page's cells settled, so a reader's first view downloads none of them. Until then the
// E key is answered here: it loads them at once and is passed on.
import {editingTwinMetaName, readerPageMetaName} from "../shared/index.ts";
import type {EditableSpec} from "./editing.ts";
import {pageReady} from "./page-ready.ts";

const hasMeta = (name: string) => document.querySelector(`meta[name="${name}"]`) !== null;

/**
 * Offers editing on the page (`offerEditing` of editing.ts). At once on a draft, under the dev
 * server and on an editing twin (which arrive to edit); on a strict reader page once its cells
 * settled, or as soon as the reader presses E.
 */
export function offerEditingSoon(spec: EditableSpec): void {
  const now = spec.draft !== undefined || import.meta.hot !== undefined || hasMeta(readerPageMetaName) || !hasMeta(editingTwinMetaName);
  let pressed = false;
  const onKey = (event: KeyboardEvent) => {
    if (event.key.toLowerCase() !== "e" || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable], .cm-editor, dialog")) return;
    event.preventDefault();
    pressed = true;
    void load();
  };
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= import("./editing.ts").then(({offerEditing}) => {
      document.removeEventListener("keydown", onKey);
      offerEditing(spec);
      // The key pressed before editing was here, now to the listener it installed.
      if (pressed) document.body.dispatchEvent(new KeyboardEvent("keydown", {key: "e", bubbles: true, cancelable: true}));
    }));
  if (now) return void load();
  document.addEventListener("keydown", onKey);
  void pageReady().then(load);
}
