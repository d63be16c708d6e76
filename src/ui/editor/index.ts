import "./editor.css";

export {
  deleteChordMs,
  initialKeyState,
  pressKey,
  type KeyCommand,
  type KeyInput,
  type KeyMode,
  type KeyResult,
  type KeyState
} from "./command-keys.ts";
export {chooseVersion, type ConflictChoice, type SaveState} from "./editor-bar.ts";
export {autosaveDelayMs, newNotebookText, startEditor, type EditorSession} from "./session.ts";
