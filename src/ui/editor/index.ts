import "./editor.css";

export {startEditing, type Editing, type EditingOptions} from "./editing.ts";
export {chordMs, initialKeyState, pressKey, type KeyInput, type KeyMode, type KeyResult, type KeyState} from "./command-keys.ts";
export {COMMANDS, type CommandId} from "./commands.ts";
export {KEYMAP, keysOf, type KeyBinding} from "./keymap.ts";
export {matchCommands} from "./palette.ts";
export {attachmentCellSource, freeAttachmentName, planAttachment, type AttachPlan, type ChosenFile} from "./attach-plan.ts";
export {catalogRows, filterCatalogRows, starterSql, type CatalogRow, type CatalogTableRow, type UserTableRow, type Verification} from "./catalog-rows.ts";
export {sqlCompletionTarget, type SqlCompletionTarget} from "./sql-completion-target.ts";
