import type {CommandId} from "./commands.ts";

/** Which keys a binding answers to: in a cell's code editor, in command mode, or both. */
export type KeyScope = "command" | "edit" | "both";

/** One key (or chord of two presses) and the command it runs. */
export interface KeyBinding {
  /**
   * As shown to users: "Shift+Enter", "Mod+S" (Ctrl, or ⌘ on macOS), "D D" (press twice),
   * "?" (a character as typed).
   */
  keys: string;
  command: CommandId;
  scope: KeyScope;
}

/**
 * Every key binding; the key machine, the help, the palette and the reader's Present button read
 * it. Apart from the commands' labels (commands.ts), which a reader page does not download.
 */
export const KEYMAP: readonly KeyBinding[] = [
  {keys: "Shift+Enter", command: "runAdvance", scope: "both"},
  {keys: "Mod+Enter", command: "run", scope: "both"},
  {keys: "Mod+Shift+Enter", command: "runAll", scope: "both"},
  {keys: "Mod+S", command: "save", scope: "both"},
  {keys: "Mod+Shift+P", command: "palette", scope: "both"},
  {keys: "Mod+K", command: "palette", scope: "both"},
  {keys: "Escape", command: "leaveEdit", scope: "edit"},
  {keys: "Escape Escape", command: "done", scope: "command"},
  {keys: "Enter", command: "enterEdit", scope: "command"},
  {keys: "ArrowUp", command: "selectPrevious", scope: "command"},
  {keys: "K", command: "selectPrevious", scope: "command"},
  {keys: "ArrowDown", command: "selectNext", scope: "command"},
  {keys: "J", command: "selectNext", scope: "command"},
  {keys: "A", command: "insertAbove", scope: "command"},
  {keys: "B", command: "insertBelow", scope: "command"},
  {keys: "D D", command: "delete", scope: "command"},
  {keys: "Z", command: "undo", scope: "command"},
  {keys: "X", command: "cut", scope: "command"},
  {keys: "C", command: "copy", scope: "command"},
  {keys: "V", command: "paste", scope: "command"},
  {keys: "M", command: "toMarkdown", scope: "command"},
  {keys: "Y", command: "toJavaScript", scope: "command"},
  {keys: "S", command: "toSql", scope: "command"},
  {keys: "N", command: "rename", scope: "command"},
  {keys: "I I", command: "interrupt", scope: "command"},
  {keys: "0 0", command: "restartRunAll", scope: "command"},
  {keys: "O", command: "outline", scope: "command"},
  {keys: "T", command: "catalog", scope: "command"},
  {keys: "P", command: "present", scope: "command"},
  {keys: "?", command: "help", scope: "command"},
  {keys: "H", command: "help", scope: "command"}
];

/** The keys of a command, as shown to users, in {@link KEYMAP} order. */
export function keysOf(command: CommandId): string[] {
  return KEYMAP.filter((binding) => binding.command === command).map((binding) => binding.keys);
}
