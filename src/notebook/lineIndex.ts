/** Maps offsets in a text to 1-based line numbers. */
export type LineIndex = (offset: number) => number;

/** Builds a `LineIndex` for `text` (binary search over line starts). */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
