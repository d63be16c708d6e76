import type {Cell, CellId, CellMode, NotebookEvent} from "../../notebook/index.ts";
import {createCellEditor, type CellEditor, type CellEditorSpec} from "./cell-editor.ts";

/** What a cell's controls ask of the editor session. */
export interface CellChromeActions {
  editorSpec(cell: Cell): CellEditorSpec;
  /** The cell became the selected one (click, focus). */
  select(): void;
  run(): void;
  event(event: NotebookEvent): void;
  /** The cell's current index in the notebook. */
  index(): number;
}

/** A cell's editing controls: toolbar and CodeMirror editor, inside its section. */
export interface CellChrome {
  readonly editor: CellEditor;
  /** Reflects the cell's saved attributes (mode, pinned, hidden). */
  update(cell: Cell): void;
  destroy(): void;
}

/** The modes offered in a cell's mode menu (the ones that run). */
const editableModes: Array<[CellMode, string]> = [
  ["js", "JavaScript"],
  ["sql", "SQL"],
  ["md", "Markdown"],
  ["html", "HTML"],
  ["ts", "TypeScript"],
  ["ojs", "Observable JS"],
  ["tex", "TeX"]
];

/** Adds the toolbar and code editor to a cell's section. */
export function createCellChrome(section: HTMLElement, cell: Cell, actions: CellChromeActions): CellChrome {
  const id = cell.id as CellId;
  const tools = document.createElement("div");
  tools.className = "mapt-cell-tools";
  tools.setAttribute("role", "toolbar");
  tools.setAttribute("aria-label", `Cell ${id}`);

  const button = (label: string, text: string, action: () => void, name: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.title = label;
    b.dataset.action = name;
    b.setAttribute("aria-label", `${label} (cell ${id})`);
    b.addEventListener("click", (event) => {
      event.stopPropagation();
      action();
    });
    tools.append(b);
    return b;
  };

  const handle = document.createElement("span");
  handle.className = "mapt-cell-drag";
  handle.textContent = "⠿";
  handle.title = "Drag to move";
  handle.draggable = true;
  handle.setAttribute("aria-hidden", "true");
  handle.addEventListener("dragstart", (event) => {
    event.dataTransfer?.setData("application/x-mapt-cell", String(id));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
    section.classList.add("mapt-cell--dragging");
  });
  handle.addEventListener("dragend", () => section.classList.remove("mapt-cell--dragging"));
  tools.append(handle);

  const modeMenu = document.createElement("select");
  modeMenu.setAttribute("aria-label", `Mode of cell ${id}`);
  for (const [mode, label] of editableModes) modeMenu.append(new Option(label, mode));
  modeMenu.addEventListener("change", () => actions.event({type: "setMode", id, mode: modeMenu.value as CellMode}));
  tools.append(modeMenu);

  button("Run", "▶", actions.run, "run");
  button("Add a cell above", "+↑", () => actions.event({type: "insert", index: actions.index()}), "insert-above");
  button("Add a cell below", "+↓", () => actions.event({type: "insert", index: actions.index() + 1}), "insert-below");
  button("Move up", "↑", () => actions.event({type: "move", id, by: -1}), "move-up");
  button("Move down", "↓", () => actions.event({type: "move", id, by: 1}), "move-down");
  button("Duplicate", "⧉", () => actions.event({type: "duplicate", id}), "duplicate");
  const pin = button("Show code when reading", "</>", () => actions.event({type: "togglePinned", id}), "pin");
  const hide = button("Hide output when reading", "◌", () => actions.event({type: "toggleHidden", id}), "hide");
  button("Delete (Z undoes)", "✕", () => actions.event({type: "delete", id}), "delete");

  const holder = document.createElement("div");
  holder.className = "mapt-cell-editor";
  let mode = cell.mode;
  let editor = createCellEditor(actions.editorSpec(cell), holder);
  const output = section.querySelector(":scope > .mapt-cell-output");
  section.prepend(tools);
  section.insertBefore(holder, output);

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes("application/x-mapt-cell")) return;
    event.preventDefault();
    section.classList.add("mapt-cell--drop");
  };
  const onDragLeave = () => section.classList.remove("mapt-cell--drop");
  const onDrop = (event: DragEvent) => {
    section.classList.remove("mapt-cell--drop");
    const dragged = Number(event.dataTransfer?.getData("application/x-mapt-cell"));
    if (!dragged || dragged === id) return;
    event.preventDefault();
    const rect = section.getBoundingClientRect();
    const after = event.clientY > rect.top + rect.height / 2;
    actions.event({type: "moveTo", id: dragged as CellId, index: dropIndex(actions.index(), after, dragged, section)});
  };
  const onFocus = () => actions.select();
  section.addEventListener("dragover", onDragOver);
  section.addEventListener("dragleave", onDragLeave);
  section.addEventListener("drop", onDrop);
  section.addEventListener("focusin", onFocus);
  section.addEventListener("mousedown", onFocus);

  const update = (next: Cell) => {
    if (next.mode !== mode) {
      // A new language needs a new editor; the source carries over.
      mode = next.mode;
      const focused = editor.view.hasFocus;
      editor.view.destroy();
      editor = createCellEditor(actions.editorSpec(next), holder);
      if (focused) editor.view.focus();
    }
    modeMenu.value = next.mode;
    pin.setAttribute("aria-pressed", String(next.pinned));
    hide.setAttribute("aria-pressed", String(next.hidden));
  };
  update(cell);

  return {
    get editor() {
      return editor;
    },
    update,
    destroy() {
      editor.view.destroy();
      tools.remove();
      holder.remove();
      section.removeEventListener("dragover", onDragOver);
      section.removeEventListener("dragleave", onDragLeave);
      section.removeEventListener("drop", onDrop);
      section.removeEventListener("focusin", onFocus);
      section.removeEventListener("mousedown", onFocus);
    }
  };
}

/** Where a dragged cell lands, as an index of the list without it. */
function dropIndex(targetIndex: number, after: boolean, dragged: number, section: HTMLElement): number {
  const siblings = [...(section.parentElement?.querySelectorAll<HTMLElement>(":scope > .mapt-cell") ?? [])];
  const draggedIndex = siblings.findIndex((s) => Number(s.dataset.cellId) === dragged);
  const index = targetIndex + (after ? 1 : 0);
  return draggedIndex >= 0 && draggedIndex < index ? index - 1 : index;
}
