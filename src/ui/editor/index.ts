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
