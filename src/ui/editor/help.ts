import {COMMANDS, PRESENT_COMMANDS, presentKeysOf, type CommandId, type PresentCommandId} from "./commands.ts";
import {keysOf} from "./keymap.ts";
import {keyLabel} from "./key-label.ts";

/**
 * The keyboard help: every command with its keys, by group, from the one list of commands and
 * key bindings. Command-mode keys work when no cell's code editor has the keyboard (Esc leaves it).
 */
export function showKeyboardHelp(): void {
  const dialog = document.createElement("dialog");
  dialog.className = "mapt-dialog mapt-help";
  dialog.setAttribute("aria-label", "Keyboard help");
  const heading = document.createElement("h2");
  heading.textContent = "Keyboard";
  const intro = document.createElement("p");
  intro.textContent = "Keys without Ctrl work in command mode: press Esc to leave a cell's code editor, Enter to go back into it.";
  dialog.append(heading, intro);
  const groups = new Map<string, CommandId[]>();
  for (const [id, {group}] of Object.entries(COMMANDS) as Array<[CommandId, {group: string}]>) {
    if (keysOf(id).length) groups.set(group, [...(groups.get(group) ?? []), id]);
  }
  const rows: Array<[string, Array<[string[], string]>]> = [...groups].map(([group, ids]) => [group, ids.map((id) => [keysOf(id), COMMANDS[id].label])]);
  const present = Object.keys(PRESENT_COMMANDS) as PresentCommandId[];
  rows.push(["While presenting", present.map((id) => [presentKeysOf(id), PRESENT_COMMANDS[id].label])]);
  for (const [group, commands] of rows) {
    const table = document.createElement("table");
    const caption = table.createCaption();
    caption.textContent = group;
    for (const [bindings, label] of commands) {
      const row = table.insertRow();
      const keys = row.insertCell();
      for (const binding of bindings) {
        const kbd = document.createElement("kbd");
        kbd.textContent = keyLabel(binding);
        keys.append(kbd, " ");
      }
      row.insertCell().textContent = label;
    }
    dialog.append(table);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  close.addEventListener("click", () => dialog.close());
  dialog.append(close);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
