import type {Cell, CellId, CellMode} from "../../notebook/index.ts";
import type {SessionEvent} from "../../session/index.ts";
import type {CommandId} from "./commands.ts";
import {createCellEditor, type CellEditor, type CellEditorSpec} from "./cell-editor.ts";
import {icon, type IconName} from "./icons.ts";

/** What a cell's controls ask of the editor. */
export interface CellChromeActions {
  editorSpec(cell: Cell): CellEditorSpec;
  /** The cell became the selected one (click, focus). */
  select(): void;
  /** A change to the notebook, for the session. */
  dispatch(event: SessionEvent): void;
  /** A command on this cell (run, interrupt...), as from its key. */
  command(command: CommandId): void;
  /** The cell's current index in the notebook. */
  index(): number;
}

/** A cell's editing controls: toolbar, name field and CodeMirror editor, inside its section. */
export interface CellChrome {
  readonly editor: CellEditor;
  /** Reflects the cell's saved attributes (mode, name, pinned, hidden). */
  update(cell: Cell): void;
  /** Puts the keyboard in the name field. */
  focusName(): void;
  destroy(): void;
}

/** The modes offered in a cell's mode menu (the ones that run in the browser). */
const editableModes: Array<[CellMode, string]> = [
  ["js", "JavaScript"],
  ["sql", "SQL"],
  ["md", "Markdown"],
  ["html", "HTML"],
  ["ts", "TypeScript"],
  ["ojs", "Observable JS"],
  ["tex", "TeX"]
];

const identifier = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Adds the toolbar, name field and code editor to a cell's section. */
export function createCellChrome(section: HTMLElement, cell: Cell, actions: CellChromeActions): CellChrome {
  const id = cell.id as CellId;
  const tools = document.createElement("div");
  tools.className = "mapt-cell-tools";
  tools.setAttribute("role", "toolbar");
  tools.setAttribute("aria-label", `Cell ${id}`);

  const button = (label: string, iconName: IconName, action: () => void, name: string, keys?: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "mapt-tool";
    b.append(icon(iconName));
    b.title = keys ? `${label} (${keys})` : label;
    b.dataset.action = name;
    b.setAttribute("aria-label", `${label} (cell ${id})`);
    if (keys) b.setAttribute("aria-keyshortcuts", keys.replace(/Mod/g, "Control"));
    b.addEventListener("click", (event) => {
      event.stopPropagation();
      action();
    });
    return b;
  };

  const handle = document.createElement("span");
  handle.className = "mapt-cell-drag";
  handle.append(icon("drag"));
  handle.title = "Drag to move";
  handle.draggable = true;
  handle.setAttribute("aria-hidden", "true");
  handle.addEventListener("dragstart", (event) => {
    event.dataTransfer?.setData("application/x-mapt-cell", String(id));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = "move";
    section.classList.add("mapt-cell--dragging");
  });
  handle.addEventListener("dragend", () => section.classList.remove("mapt-cell--dragging"));

  const modeMenu = document.createElement("select");
  modeMenu.className = "mapt-cell-mode";
  modeMenu.setAttribute("aria-label", `Mode of cell ${id}`);
  for (const [mode, label] of editableModes) modeMenu.append(new Option(label, mode));
  modeMenu.addEventListener("change", () => actions.dispatch({type: "setMode", id, mode: modeMenu.value as CellMode}));

  // The name other cells read this cell's value by (its output attribute).
  const name = document.createElement("input");
  name.className = "mapt-cell-name-input";
  name.placeholder = "name";
  name.spellcheck = false;
  name.autocomplete = "off";
  name.setAttribute("aria-label", `Name of cell ${id}'s value, for other cells`);
  name.title = "Other cells read this cell's value by this name (Enter to apply)";
  const applyName = () => {
    const value = name.value.trim();
    const valid = value === "" || identifier.test(value);
    name.setAttribute("aria-invalid", String(!valid));
    name.title = valid ? "Other cells read this cell's value by this name (Enter to apply)" : `"${value}" is not a name: use letters, digits, _ or $, not starting with a digit`;
    if (valid) actions.dispatch({type: "setOutput", id, name: value});
  };
  name.addEventListener("change", applyName);
  name.addEventListener("keydown", (event) => {
    if (event.key === "Enter") (event.preventDefault(), applyName());
    if (event.key === "Escape") (event.preventDefault(), section.focus());
  });

  const spacer = document.createElement("span");
  spacer.className = "mapt-tools-spacer";
  const pin = button("Show code when reading", "code", () => actions.dispatch({type: "togglePinned", id}), "pin");
  const hide = button("Hide output when reading", "hide", () => actions.dispatch({type: "toggleHidden", id}), "hide");
  tools.append(
    handle,
    modeMenu,
    name,
    button("Run", "run", () => actions.command("run"), "run", "Mod+Enter"),
    button("Stop", "stop", () => actions.command("interrupt"), "interrupt", "I I"),
    spacer,
    button("Add a cell above", "above", () => actions.dispatch({type: "insert", index: actions.index()}), "insert-above", "A"),
    button("Add a cell below", "below", () => actions.dispatch({type: "insert", index: actions.index() + 1}), "insert-below", "B"),
    button("Move up", "up", () => actions.dispatch({type: "move", id, by: -1}), "move-up"),
    button("Move down", "down", () => actions.dispatch({type: "move", id, by: 1}), "move-down"),
    button("Duplicate", "duplicate", () => actions.dispatch({type: "duplicate", id}), "duplicate"),
    pin,
    hide,
    button("Delete (Z undoes)", "delete", () => actions.dispatch({type: "delete", ids: [id]}), "delete", "D D")
  );

  const holder = document.createElement("div");
  holder.className = "mapt-cell-editor";
  let mode = cell.mode;
  let editor = createCellEditor(actions.editorSpec(cell), holder);
  section.prepend(tools);
  // The code sits above its error and its output, so an error reads below the code it is about.
  section.querySelector(":scope > .mapt-cell-error")!.before(holder);

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
    actions.dispatch({type: "moveTo", id: dragged as CellId, index: dropIndex(actions.index(), after, dragged, section)});
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
    } else {
      editor.setSource(next.source);
    }
    modeMenu.value = next.mode;
    if (document.activeElement !== name) {
      name.value = next.output ?? "";
      name.removeAttribute("aria-invalid");
    }
    pin.setAttribute("aria-pressed", String(next.pinned));
    hide.setAttribute("aria-pressed", String(next.hidden));
  };
  update(cell);

  return {
    get editor() {
      return editor;
    },
    update,
    focusName() {
      name.focus();
      name.select();
    },
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
