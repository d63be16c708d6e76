import type {StepCounter} from "./types.ts";

/** Line and column of offsets in one text, each found by binary search over the line starts. */
export interface LineIndex {
  /** 1-based line of `offset`. */
  line(offset: number): number;
  /** 0-based column of `offset` (characters since the line's start). */
  column(offset: number): number;
}

/** Builds a `LineIndex` for `text`; a line ends at `\n`, `\r\n` or a lone `\r`, as in HTML. */
export function lineIndex(text: string, counter: StepCounter): LineIndex {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
  counter.steps += text.length;
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
      counter.steps++;
    }
    return lo;
  };
  return {
    line: (offset) => lineAt(offset) + 1,
    column: (offset) => offset - starts[lineAt(offset)]!
  };
}
