/**
 * Where a cell's live state goes. The runtime glue calls these; the UI implements them (one
 * `CellView` per cell, in the page's registry). Nothing here is saved with the document.
 */
export interface CellSink {
  /** A run of the cell started (first run, an input changed, or it was redefined). */
  running(): void;
  /**
   * The cell was interrupted: it waits, showing what it last showed, until it runs again. Its
   * dependents wait too.
   */
  interrupted(): void;
  /** Remove everything the cell displayed (the current run displays anew). */
  clear(): void;
  /** Show one more value of the current run (a DOM node as it is, anything else inspected). */
  append(value: unknown): void;
  /** The run settled with a value; `display` is true when the value itself should be shown. */
  fulfilled(value: unknown, display: boolean): void;
  /** The run (or one of its inputs) failed. */
  rejected(error: unknown): void;
  /**
   * A remark about the cell's definition that is not an error of its own, such as a name it
   * declares that another cell declares too; `undefined` removes it.
   */
  notice(text: string | undefined): void;
}
