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
export {chooseVersion} from "./editor-bar.ts";
export {newNotebookText} from "./new-notebook.ts";
export {startEditor, type EditorSession} from "./session.ts";
