import type {CellId, ParseDiagnostic} from "./types.ts";

/** A cell's `id` attribute as read, before repair. */
export interface RawId {
  /** The attribute value; `undefined` when the attribute is missing. */
  value: string | undefined;
  /** 1-based line of the cell's `<script>` tag. */
  line: number;
}

/**
 * Gives every cell a valid, unique id. Keeps the first occurrence of each positive integer id;
 * a missing, duplicate, non-integer or non-positive id gets a fresh one (largest valid id + 1,
 * + 2, ... in document order), reported as a warning on the cell's line.
 */
export function repairIds(ids: RawId[], diagnostics: ParseDiagnostic[]): CellId[] {
  const valid = ids.map(({value}) => (value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN));
  const seen = new Set<number>();
  const keep = valid.map((id) => {
    if (!Number.isSafeInteger(id) || id <= 0 || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  let next = Math.max(0, ...seen) + 1;
  return ids.map(({value, line}, i) => {
    if (keep[i]) return valid[i] as CellId;
    const id = next++ as CellId;
    const problem =
      value === undefined
        ? "has no id"
        : seen.has(valid[i])
          ? `has duplicate id "${value}"`
          : `has invalid id "${value}" (ids are positive integers)`;
    diagnostics.push({line, severity: "warning", message: `cell ${problem}; assigned id ${id}`});
    return id;
  });
}
