/**
 * Jupyter-style keys as a pure state machine: `(state, key) => {state, commands, handled}`.
 * The editor turns DOM key events into `KeyInput`s and carries out the commands; nothing here
 * touches the DOM, so every key is testable in Node.
 */

/** Where keys go: a cell's code editor ("edit") or the list of cells ("command"). */
export type KeyMode = "command" | "edit";

/** What the key machine remembers between keys. */
export interface KeyState {
  mode: KeyMode;
  /** When the first D of a possible "D D" was pressed (ms), in command mode. */
  pendingDeleteAt?: number;
}

/** One key press, with its modifiers and time (ms, any monotonic clock). */
export interface KeyInput {
  /** `KeyboardEvent.key`: "a", "A", "Enter", "Escape", "ArrowUp"... */
  key: string;
  shift?: boolean;
  /** Ctrl, or Cmd on macOS. */
  mod?: boolean;
  alt?: boolean;
  time: number;
}

/** What the editor must do in answer to a key. */
export type KeyCommand =
  | {type: "enterEdit"}
  | {type: "leaveEdit"}
  | {type: "insertAbove"}
  | {type: "insertBelow"}
  | {type: "delete"}
  | {type: "undoDelete"}
  | {type: "setMode"; mode: "md" | "js"}
  | {type: "select"; by: -1 | 1}
  /** Run the selected cell; when `advance`, select the next one, adding a cell at the end. */
  | {type: "run"; advance: boolean}
  | {type: "save"};

/** The answer to one key. `handled` false means the key belongs to the focused element. */
export interface KeyResult {
  state: KeyState;
  commands: KeyCommand[];
  handled: boolean;
}

/** The second D of "D D" must come within this many ms of the first. */
export const deleteChordMs = 800;

/** The state the editor starts in: command mode. */
export const initialKeyState: KeyState = {mode: "command"};

/** Answers one key press. */
export function pressKey(state: KeyState, input: KeyInput): KeyResult {
  const done = (commands: KeyCommand[], mode: KeyMode = state.mode): KeyResult => ({state: {mode}, commands, handled: true});
  if (input.key === "Enter" && input.shift && !input.mod) return done([{type: "run", advance: true}]);
  if (input.key === "Enter" && input.mod) return done([{type: "run", advance: false}]);
  if (input.mod && !input.alt && input.key.toLowerCase() === "s") return done([{type: "save"}]);

  if (state.mode === "edit") {
    if (input.key === "Escape") return done([{type: "leaveEdit"}], "command");
    return {state, commands: [], handled: false};
  }

  // Command mode: plain keys only; anything with Ctrl/Cmd/Alt stays the browser's.
  if (input.mod || input.alt) return {state: {mode: "command"}, commands: [], handled: false};
  switch (input.key) {
    case "Enter":
      return done([{type: "enterEdit"}], "edit");
    case "ArrowUp":
    case "k":
    case "K":
      return done([{type: "select", by: -1}]);
    case "ArrowDown":
    case "j":
    case "J":
      return done([{type: "select", by: 1}]);
    case "a":
    case "A":
      return done([{type: "insertAbove"}]);
    case "b":
    case "B":
      return done([{type: "insertBelow"}]);
    case "m":
    case "M":
      return done([{type: "setMode", mode: "md"}]);
    case "y":
    case "Y":
      return done([{type: "setMode", mode: "js"}]);
    case "z":
    case "Z":
      return done([{type: "undoDelete"}]);
    case "d":
    case "D": {
      const first = state.pendingDeleteAt;
      if (first !== undefined && input.time - first <= deleteChordMs) return done([{type: "delete"}]);
      return {state: {mode: "command", pendingDeleteAt: input.time}, commands: [], handled: true};
    }
    default:
      return {state: {mode: "command"}, commands: [], handled: false};
  }
}
