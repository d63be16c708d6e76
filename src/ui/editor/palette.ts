import {COMMANDS, type CommandId} from "./commands.ts";
import {keysOf} from "./keymap.ts";
import {keyLabel} from "./key-label.ts";

/** The commands whose label has every word of `query`, in the order of the command list. */
export function matchCommands(query: string): CommandId[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (Object.keys(COMMANDS) as CommandId[]).filter((id) => {
    const text = `${COMMANDS[id].label} ${COMMANDS[id].group}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/**
 * The command palette: type to filter every command (with its keys), arrows to choose, Enter to
 * run. `run` is called after the palette closes, so the command acts on the page as it was.
 */
export function showPalette(run: (command: CommandId) => void): void {
  const dialog = document.createElement("dialog");
  dialog.className = "mapt-dialog mapt-palette";
  dialog.setAttribute("aria-label", "Command palette");
  const input = document.createElement("input");
  input.type = "text";
  input.className = "mapt-palette-input";
  input.placeholder = "Type a command…";
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-expanded", "true");
  input.setAttribute("aria-controls", "mapt-palette-list");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-label", "Command");
  const list = document.createElement("ul");
  list.id = "mapt-palette-list";
  list.setAttribute("role", "listbox");
  dialog.append(input, list);
  let shown: CommandId[] = [];
  let active = 0;
  const choose = (command: CommandId) => {
    dialog.close();
    run(command);
  };
  const render = () => {
    shown = matchCommands(input.value);
    active = Math.min(active, Math.max(0, shown.length - 1));
    list.replaceChildren(
      ...shown.map((id, i) => {
        const item = document.createElement("li");
        item.id = `mapt-palette-${id}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", String(i === active));
        item.dataset.command = id;
        const label = document.createElement("span");
        label.textContent = COMMANDS[id].label;
        item.append(label);
        for (const keys of keysOf(id)) {
          const kbd = document.createElement("kbd");
          kbd.textContent = keyLabel(keys);
          item.append(" ", kbd);
        }
        item.addEventListener("mousedown", (event) => event.preventDefault());
        item.addEventListener("click", () => choose(id));
        return item;
      })
    );
    if (shown.length) input.setAttribute("aria-activedescendant", `mapt-palette-${shown[active]}`);
    else input.removeAttribute("aria-activedescendant");
    list.children[active]?.scrollIntoView({block: "nearest"});
  };
  input.addEventListener("input", () => ((active = 0), render()));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : -1) + shown.length) % Math.max(1, shown.length);
      render();
    } else if (event.key === "Enter" && shown.length) {
      event.preventDefault();
      choose(shown[active]!);
    }
  });
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  render();
  dialog.showModal();
  input.focus();
}
