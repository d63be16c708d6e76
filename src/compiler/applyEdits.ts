/** Replace `source.slice(start, end)` by `text`; passes collect these instead of printing ASTs. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The text of `source` between `from` and `to` with every edit inside that range applied.
 * Edits must not overlap; their order in the array does not matter.
 */
export function applyEdits(source: string, edits: readonly Edit[], from = 0, to = source.length): string {
  const inside = edits.filter((edit) => edit.start >= from && edit.end <= to).sort((a, b) => a.start - b.start);
  let out = "";
  let at = from;
  for (const edit of inside) {
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at, to);
}
