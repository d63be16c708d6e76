/** Whether this is a Mac, where Mod is ⌘. */
const mac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** A binding as shown to the user: "Mod+S" is "Ctrl+S" (or "⌘+S"), "D D" is "D, D". */
export function keyLabel(keys: string): string {
  return keys
    .split(" ")
    .map((press) => press.replace("Mod", mac ? "⌘" : "Ctrl").replace("ArrowUp", "↑").replace("ArrowDown", "↓").replace("ArrowLeft", "←").replace("ArrowRight", "→").replace("Escape", "Esc"))
    .join(", ");
}
