// The reader's side of editing, kept small: Edit, Share and Show code (src/app/editing.ts) load
// once the page's cells settled, so a reader's first view downloads none of them. Until then
// their buttons are stand-ins, and they, the E key and a dropped file are answered here: they
// load them at once and pass the click, key or drop on.
import {editingTwinMetaName, readerPageMetaName} from "../shared/index.ts";
import type {EditableSpec} from "./editing.ts";
import {pageReady} from "./page-ready.ts";

const hasMeta = (name: string) => document.querySelector(`meta[name="${name}"]`) !== null;

/** The buttons editing.ts puts in the page bar, in its order: class, label and attributes. */
const barButtons: ReadonlyArray<readonly [className: string, label: string, attributes: Record<string, string>]> = [
  ["mapt-show-code-button", "Show all code", {"aria-pressed": "false"}],
  ["mapt-share-button", "Share", {}],
  ["mapt-edit-button", "Edit", {"aria-keyshortcuts": "E"}]
];

/** Stand-ins for {@link barButtons}, shown at once; a click loads editing and clicks the real button. */
function standInButtons(load: () => Promise<void>): HTMLButtonElement[] {
  const bar = document.querySelector<HTMLElement>(".mapt-bar") ?? document.body;
  return barButtons.map(([className, label, attributes]) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = label;
    for (const [name, value] of Object.entries(attributes)) button.setAttribute(name, value);
    button.dataset.maptStandIn = "";
    button.addEventListener("click", () => {
      button.setAttribute("aria-busy", "true");
      void load().then(() => document.querySelector<HTMLElement>(`.${className}:not([data-mapt-stand-in])`)?.click());
    });
    bar.append(button);
    return button;
  });
}

/**
 * Offers editing on the page (`offerEditing` of editing.ts). At once on a draft, under the dev
 * server and on an editing twin (which arrive to edit); on a strict reader page once its cells
 * settled, or as soon as the reader presses E or clicks one of its buttons (stand-ins until then).
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
  // A file dropped before editing loaded: taken now (the event's files are gone once it ends),
  // dropped again on the same element once editing listens.
  const onDragOver = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  };
  const onDrop = (event: DragEvent) => {
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    const target = event.target instanceof Node && event.target.isConnected ? event.target : document.body;
    void load().then(() => {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      target.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true, composed: true}));
    });
  };
  let loading: Promise<void> | undefined;
  let standIns: HTMLButtonElement[] = [];
  const load = () =>
    (loading ??= import("./editing.ts").then(({offerEditing}) => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("dragover", onDragOver);
      document.removeEventListener("drop", onDrop);
      for (const button of standIns) button.remove();
      offerEditing(spec);
      // The key pressed before editing was here, now to the listener it installed.
      if (pressed) document.body.dispatchEvent(new KeyboardEvent("keydown", {key: "e", bubbles: true, cancelable: true}));
    }));
  if (now) return void load();
  standIns = standInButtons(load);
  document.addEventListener("keydown", onKey);
  document.addEventListener("dragover", onDragOver);
  document.addEventListener("drop", onDrop);
  void pageReady().then(load);
}
