import {isSpace} from "./scanTag.ts";
import type {StepCounter} from "./scanTag.ts";

// The states of HTML's script data tokenizer that matter for where a <script> ends; the double
// escaped ones are numbered last so that `state >= State.DoubleEscaped` tells them apart.
const State = {Data: 0, Escaped: 1, EscapedDash: 2, EscapedDashDash: 3, DoubleEscaped: 4, DoubleEscapedDash: 5, DoubleEscapedDashDash: 6} as const;
type State = (typeof State)[keyof typeof State];

/**
 * Where the content of a `<script>` that starts at `from` ends: the offset of the `<` of its
 * `</script` end tag, or -1 when the file ends first. Follows HTML's script data states, so a
 * `</script>` inside `<!-- <script> ... -->` does not end the element, exactly as in a browser.
 * Visits each character at most once.
 */
export function scanScriptData(text: string, from: number, counter: StepCounter): number {
  const end = scriptDataEnd(text, from);
  counter.steps += (end === -1 ? text.length : end) - from;
  return end;
}

function scriptDataEnd(text: string, from: number): number {
  const n = text.length;
  let state: State = State.Data;
  let i = from;
  while (i < n) {
    if (state === State.Data) {
      // Fast path: only `<` matters in plain script data.
      const lt = text.indexOf("<", i);
      if (lt === -1) return -1;
      if (isEndTag(text, lt)) return lt;
      if (text.startsWith("<!--", lt)) {
        state = State.EscapedDashDash;
        i = lt + 4;
      } else {
        i = lt + 1;
      }
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === dash) {
      state = dashAfter(state);
      i++;
    } else if (c === lt) {
      if (state >= State.DoubleEscaped) {
        // `</script` followed by space, `/` or `>` only leaves the double escape.
        const name = text.charCodeAt(i + 1) === slash ? scriptNameAt(text, i + 2) : -1;
        state = name === -1 ? State.DoubleEscaped : State.Escaped;
        i = name === -1 ? i + 1 : name + 1;
      } else if (isEndTag(text, i)) {
        return i;
      } else {
        // `<script` followed by space, `/` or `>` enters the double escape.
        const name = scriptNameAt(text, i + 1);
        state = name === -1 ? State.Escaped : State.DoubleEscaped;
        i = name === -1 ? i + 1 : name + 1;
      }
    } else if (c === gt && (state === State.EscapedDashDash || state === State.DoubleEscapedDashDash)) {
      state = State.Data;
      i++;
    } else {
      state = state >= State.DoubleEscaped ? State.DoubleEscaped : State.Escaped;
      i++;
    }
  }
  return -1;
}

const dash = 45;
const lt = 60;
const gt = 62;
const slash = 47;

function dashAfter(state: State): State {
  switch (state) {
    case State.Escaped:
      return State.EscapedDash;
    case State.EscapedDash:
    case State.EscapedDashDash:
      return State.EscapedDashDash;
    case State.DoubleEscaped:
      return State.DoubleEscapedDash;
    default:
      return State.DoubleEscapedDashDash;
  }
}

/** Whether `</script` followed by space, `/` or `>` starts at `at` (case-insensitive). */
function isEndTag(text: string, at: number): boolean {
  return text.charCodeAt(at + 1) === slash && scriptNameAt(text, at + 2) !== -1;
}

/** When `script` (any case) followed by space, `/` or `>` starts at `at`: the offset of that character; else -1. */
function scriptNameAt(text: string, at: number): number {
  for (let k = 0; k < 6; k++) {
    if ((text.charCodeAt(at + k) | 0x20) !== "script".charCodeAt(k)) return -1;
  }
  const c = text.charCodeAt(at + 6);
  return isSpace(c) || c === slash || c === gt ? at + 6 : -1;
}
