import type {Table} from "apache-arrow";
import {readArrowIPC} from "./arrow-ipc.ts";
import {queryKey} from "./query-key.ts";
import {QueryShortcuts} from "./query-shortcuts.ts";

/**
 * Frozen query results: what a single-file export (`mapt export`) carries instead of a database.
 * The export opens the notebook once with a real DuckDB, records every query the page made with
 * its parameters and result (Arrow IPC), and the exported page answers the same queries from that
 * record without starting DuckDB.
 */

/** One recorded query: its text, its parameters as JSON values, its result as base64 Arrow IPC. */
export interface FrozenResult {
  sql: string;
  params: unknown[];
  ipc: string;
}

/** What an exported page carries (a `<script type="application/json" id="mapt-frozen">`). */
export interface FrozenRecord {
  /** ISO date of the export. */
  exported: string;
  /** The notebook file it was made from (as given to `mapt export`). */
  source: string;
  results: FrozenResult[];
}

/** Ids and class of the blocks an export with the engine carries (gzip, base64; src/cli/single-file.ts, src/app/frozen-page.ts). */
export const engineBlocks = {worker: "mapt-engine-worker", wasm: "mapt-engine-wasm", file: "mapt-engine-file"} as const;

/**
 * A stand-in for the page's database in an exported file: answers each query the export
 * recorded. A query with other parameters (an input moved) is answered with the result recorded
 * for the same text, and `onOtherValues` says so; a query never recorded fails with what to do.
 */
export class FrozenClient extends QueryShortcuts {
  readonly #exact = new Map<string, FrozenResult>();
  readonly #byText = new Map<string, FrozenResult>();
  readonly #onOtherValues: (sql: string) => void;

  constructor(record: FrozenRecord, onOtherValues: (sql: string) => void = () => {}) {
    super();
    for (const result of record.results) {
      this.#exact.set(queryKey(result.sql, result.params), result);
      if (!this.#byText.has(result.sql)) this.#byText.set(result.sql, result);
    }
    this.#onOtherValues = onOtherValues;
  }

  /** Whether the export recorded this query with exactly these parameters. */
  recorded(sql: string, params: readonly unknown[] = []): boolean {
    return this.#exact.has(queryKey(sql, params));
  }

  async query(sql: string, params: readonly unknown[] = []): Promise<Table> {
    const exact = this.#exact.get(queryKey(sql, params));
    if (exact) return readArrowIPC(fromBase64(exact.ipc));
    const same = this.#byText.get(sql);
    if (same) {
      this.#onOtherValues(sql);
      return readArrowIPC(fromBase64(same.ipc));
    }
    throw new Error(
      "This query was not run when the notebook was exported, and this file has no database engine. Open the notebook in MAPT Notebooks to run it."
    );
  }



  async describeTables(): Promise<[]> {
    return [];
  }
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
