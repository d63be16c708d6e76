/** Every command of the editor: the one list the keys, the command palette and the keyboard help read. */
export const COMMANDS = {
  run: {label: "Run the cell", group: "Run"},
  runAdvance: {label: "Run the cell and go to the next", group: "Run"},
  runAll: {label: "Run all cells", group: "Run"},
  runStale: {label: "Run the edited cells (not run since)", group: "Run"},
  interrupt: {label: "Interrupt the running cell", group: "Run"},
  restartRunAll: {label: "Restart and run all", group: "Run"},
  insertAbove: {label: "Add a cell above", group: "Cells"},
  insertBelow: {label: "Add a cell below", group: "Cells"},
  delete: {label: "Delete the cell", group: "Cells"},
  undo: {label: "Undo the last change to the cells", group: "Cells"},
  cut: {label: "Cut the cell", group: "Cells"},
  copy: {label: "Copy the cell", group: "Cells"},
  paste: {label: "Paste cells below", group: "Cells"},
  moveUp: {label: "Move the cell up", group: "Cells"},
  moveDown: {label: "Move the cell down", group: "Cells"},
  duplicate: {label: "Duplicate the cell", group: "Cells"},
  toMarkdown: {label: "Make it a Markdown cell", group: "Cells"},
  toJavaScript: {label: "Make it a JavaScript cell", group: "Cells"},
  toSql: {label: "Make it a SQL cell", group: "Cells"},
  rename: {label: "Name the cell's value", group: "Cells"},
  togglePinned: {label: "Show or hide the code to readers", group: "Cells"},
  toggleHidden: {label: "Show or hide the output to readers", group: "Cells"},
  enterEdit: {label: "Edit the selected cell", group: "Navigate"},
  leaveEdit: {label: "Leave the cell's editor", group: "Navigate"},
  selectPrevious: {label: "Select the previous cell", group: "Navigate"},
  selectNext: {label: "Select the next cell", group: "Navigate"},
  outline: {label: "Outline: go to a heading", group: "Navigate"},
  catalog: {label: "Data: show or hide the tables, their columns and sources", group: "Navigate"},
  save: {label: "Save", group: "Notebook"},
  download: {label: "Download the notebook file", group: "Notebook"},
  exportFile: {label: "Export as a single file that opens from disk with no network", group: "Notebook"},
  exportFileWithEngine: {label: "Export as a single file with the database engine (queries run again; about 10 MB more)", group: "Notebook"},
  open: {label: "Open a notebook file", group: "Notebook"},
  attach: {label: "Attach data files (CSV, TSV, JSON, Parquet, Arrow)", group: "Notebook"},
  history: {label: "History: restore a kept version", group: "Notebook"},
  share: {label: "Share: copy a link to this notebook", group: "Notebook"},
  present: {label: "Present: show the notebook as slides", group: "Notebook"},
  help: {label: "Keyboard help", group: "Notebook"},
  palette: {label: "Command palette", group: "Notebook"},
  done: {label: "Done editing", group: "Notebook"}
} as const satisfies Record<string, {label: string; group: string}>;

/** The name of a command in {@link COMMANDS}. */
export type CommandId = keyof typeof COMMANDS;

/**
 * The commands of a presentation (src/ui/present/): the one list its keys, its buttons and the
 * keyboard help read. Reader pages load this file without the editor.
 */
export const PRESENT_COMMANDS = {
  next: {label: "Next slide"},
  previous: {label: "Previous slide"},
  first: {label: "First slide"},
  last: {label: "Last slide"},
  edit: {label: "Edit this slide's cells (Esc, outside a code editor, goes back to the slides)"},
  notes: {label: "Speaker notes in a second window"},
  exit: {label: "Back to the notebook, at this slide"}
} as const satisfies Record<string, {label: string}>;

/** The name of a command in {@link PRESENT_COMMANDS}. */
export type PresentCommandId = keyof typeof PRESENT_COMMANDS;

/** Every key of a presentation ("Space" is the space bar); the notebook's P starts one (see `KEYMAP`, keymap.ts). */
export const PRESENT_KEYMAP: ReadonlyArray<{keys: string; command: PresentCommandId}> = [
  {keys: "ArrowRight", command: "next"},
  {keys: "ArrowDown", command: "next"},
  {keys: "Space", command: "next"},
  {keys: "PageDown", command: "next"},
  {keys: "ArrowLeft", command: "previous"},
  {keys: "ArrowUp", command: "previous"},
  {keys: "Shift+Space", command: "previous"},
  {keys: "PageUp", command: "previous"},
  {keys: "Home", command: "first"},
  {keys: "End", command: "last"},
  {keys: "Enter", command: "edit"},
  {keys: "S", command: "notes"},
  {keys: "Escape", command: "exit"}
];

/** The keys of a presentation command, as shown to users. */
export function presentKeysOf(command: PresentCommandId): string[] {
  return PRESENT_KEYMAP.filter((binding) => binding.command === command).map((binding) => binding.keys);
}
