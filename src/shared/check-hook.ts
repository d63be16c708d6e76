/**
 * Name of the page function `mapt check` installs to learn, synchronously, each time a cell's
 * code starts: a page that then hangs can no longer be asked which cell it was running.
 */
export const cellStartsHook = "__maptCellStarts";

/** Tells `mapt check` (when it watches the page) that cell `id` starts running its code. */
export function reportCellStart(id: number): void {
  (globalThis as Record<string, unknown> & {[cellStartsHook]?: (id: number) => void})[cellStartsHook]?.(id);
}
