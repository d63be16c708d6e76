import "./editor.css";

export {startEditing, type Editing, type EditingOptions} from "./editing.ts";
export {chordMs, initialKeyState, pressKey, type KeyInput, type KeyMode, type KeyResult, type KeyState} from "./command-keys.ts";
export {COMMANDS, KEYMAP, keysOf, type CommandId, type KeyBinding} from "./commands.ts";
export {matchCommands} from "./palette.ts";
export {attachmentCellSource, freeAttachmentName, planAttachment, type AttachPlan, type ChosenFile} from "./attach-plan.ts";
