import {assertNever} from "../../shared/index.ts";
import {PRESENT_KEYMAP, type PresentCommandId} from "../editor/commands.ts";

/**
 * A presentation as a value: which slide shows, whether the presenter is editing it, whether the
 * speaker notes window should be open. Keys and page events change it through
 * {@link transitionPresentation}; the deck (deck.ts) shows whatever state it is given.
 */
export interface PresentState {
  /** The slide shown, from 0 (0 also when there are none). */
  index: number;
  /** How many slides the notebook has now (editing may change it). */
  count: number;
  /** "slides": keys move between slides; "editing": the slide's cells are in Edit mode and keys go to them (Esc comes back); "ended": back to the notebook. */
  phase: "slides" | "editing" | "ended";
  /** Whether the speaker notes window should be open. */
  notes: boolean;
}

/** A key press, as `KeyboardEvent.key` and Shift. */
export interface PresentKey {
  key: string;
  shift?: boolean;
}

/** What changes a presentation. */
export type PresentEvent =
  | ({type: "key"} & PresentKey)
  /** The notebook was split again (it changed): `index` keeps the slide that was showing. */
  | {type: "slides"; count: number; index: number}
  /** A click on the deck's own buttons. */
  | {type: "command"; command: PresentCommandId}
  /** The presenter closed the notes window. */
  | {type: "notesClosed"};

/** A presentation of `count` slides, starting at slide `index`. */
export function startPresentationState(count: number, index = 0): PresentState {
  return {index: clamp(index, count), count, phase: "slides", notes: false};
}

/** "Space" for " ", as the key list writes it. */
const keyName = (key: string) => (key === " " ? "Space" : key);

/** The presentation command a key runs, if any ("Shift+Space" is not "Space"). */
export function presentCommandOf(input: PresentKey): PresentCommandId | undefined {
  const name = keyName(input.key).toLowerCase();
  return PRESENT_KEYMAP.find(({keys}) => {
    const parts = keys.split("+");
    const key = parts.pop()!.toLowerCase();
    // A letter matches either case; Shift counts for the other keys.
    return key === name && (key.length === 1 || parts.includes("Shift") === (input.shift ?? false));
  })?.command;
}

/** The state after one event. */
export function transitionPresentation(state: PresentState, event: PresentEvent): PresentState {
  switch (event.type) {
    case "key": {
      // While editing, keys belong to the cells' editors; Esc (outside a code editor) comes back.
      if (state.phase === "editing") return event.key === "Escape" ? {...state, phase: "slides"} : state;
      const command = presentCommandOf(event);
      return command === undefined ? state : runCommand(state, command);
    }
    case "command":
      return runCommand(state, event.command);
    case "slides":
      return {...state, count: event.count, index: clamp(event.index, event.count)};
    case "notesClosed":
      return {...state, notes: false};
    default:
      return assertNever(event, "presentation event");
  }
}

/** The state after a key press: {@link transitionPresentation} for one key. */
export function presentKey(state: PresentState, key: PresentKey): PresentState {
  return transitionPresentation(state, {type: "key", ...key});
}

function runCommand(state: PresentState, command: PresentCommandId): PresentState {
  if (state.phase === "ended") return state;
  switch (command) {
    case "next":
      return {...state, index: clamp(state.index + 1, state.count)};
    case "previous":
      return {...state, index: clamp(state.index - 1, state.count)};
    case "first":
      return {...state, index: 0};
    case "last":
      return {...state, index: clamp(state.count - 1, state.count)};
    case "edit":
      return state.count === 0 ? state : {...state, phase: state.phase === "editing" ? "slides" : "editing"};
    case "notes":
      return {...state, notes: !state.notes};
    case "exit":
      return {...state, phase: "ended", notes: false};
    default:
      return assertNever(command, "presentation command");
  }
}

const clamp = (index: number, count: number) => Math.max(0, Math.min(count - 1, index));

