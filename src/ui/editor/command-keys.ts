import type {CommandId} from "./commands.ts";
import {KEYMAP, type KeyBinding} from "./keymap.ts";

/**
 * Jupyter-style keys as a pure state machine: `(state, key) => {state, commands, handled}`,
 * driven by {@link KEYMAP}. The editor turns DOM key events into `KeyInput`s and carries out
 * the commands; nothing here touches the DOM, so every key is testable in Node.
 */

/** Where keys go: a cell's code editor ("edit") or the list of cells ("command"). */
export type KeyMode = "command" | "edit";

/** What the key machine remembers between keys. */
export interface KeyState {
  mode: KeyMode;
  /** The first press of a possible chord ("D D"), and when (ms), in command mode. */
  pending?: {key: string; time: number};
}

/** One key press, with its modifiers and time (ms, any monotonic clock). */
export interface KeyInput {
  /** `KeyboardEvent.key`: "a", "A", "Enter", "Escape", "ArrowUp", "?"... */
  key: string;
  shift?: boolean;
  /** Ctrl, or Cmd on macOS. */
  mod?: boolean;
  alt?: boolean;
  time: number;
}

/** The answer to one key. `handled` false means the key belongs to the focused element. */
export interface KeyResult {
  state: KeyState;
  commands: CommandId[];
  handled: boolean;
}

/** The second press of a chord ("D D", "I I") must come within this many ms of the first. */
export const chordMs = 800;

/** The state the editor starts in: command mode. */
export const initialKeyState: KeyState = {mode: "command"};

/** The mode a command leaves the keys in. */
const modeAfter: Partial<Record<CommandId, KeyMode>> = {enterEdit: "edit", leaveEdit: "command"};

interface ParsedKey {
  key: string;
  mod: boolean;
  shift: boolean;
}

/** "Mod+Shift+Enter" → {key: "enter", mod, shift}; a letter matches either case. */
function parseKey(text: string): ParsedKey {
  const parts = text.split("+");
  const key = parts.pop()!;
  return {key: key.toLowerCase(), mod: parts.includes("Mod"), shift: parts.includes("Shift")};
}

const bindings = KEYMAP.map((binding) => ({binding, presses: binding.keys.split(" ").map(parseKey)}));

/** Whether a pressed key is the bound key: a bare character ignores Shift (it is part of "?"). */
function matches(bound: ParsedKey, input: KeyInput): boolean {
  if (bound.key !== input.key.toLowerCase() || bound.mod !== (input.mod ?? false) || (input.alt ?? false)) return false;
  const character = bound.key.length === 1;
  return character && !bound.mod ? true : bound.shift === (input.shift ?? false);
}

const inScope = (binding: KeyBinding, mode: KeyMode) => binding.scope === "both" || binding.scope === mode;

/** Answers one key press. */
export function pressKey(state: KeyState, input: KeyInput): KeyResult {
  const done = (command: CommandId): KeyResult => ({state: {mode: modeAfter[command] ?? state.mode}, commands: [command], handled: true});
  const pending = state.pending && input.time - state.pending.time <= chordMs ? state.pending : undefined;
  for (const {binding, presses} of bindings) {
    if (!inScope(binding, state.mode) || presses.length !== 2) continue;
    if (pending && matches(presses[0]!, {key: pending.key, time: 0}) && matches(presses[1]!, input)) return done(binding.command);
  }
  for (const {binding, presses} of bindings) {
    if (inScope(binding, state.mode) && presses.length === 1 && matches(presses[0]!, input)) return done(binding.command);
  }
  const startsChord = bindings.some(({binding, presses}) => inScope(binding, state.mode) && presses.length === 2 && matches(presses[0]!, input));
  if (startsChord) return {state: {mode: state.mode, pending: {key: input.key, time: input.time}}, commands: [], handled: true};
  return {state: {mode: state.mode}, commands: [], handled: false};
}
