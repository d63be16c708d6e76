/**
 * Where a cell's live state goes. The runtime glue calls these; the UI implements them.
 * Nothing here is saved with the document.
 */
export interface CellSink {
  /** The cell started computing (first run or after an input changed). */
  running(): void;
  /** Remove everything the cell displayed in its previous run. */
  clear(): void;
  /** Show one more value (a DOM node as it is, anything else through the inspector). */
  append(value: unknown): void;
  /** The cell settled with a value; `display` is true when the value itself should be shown. */
  fulfilled(value: unknown, display: boolean): void;
  /** The cell (or one of its inputs) failed. */
  rejected(error: unknown): void;
}
