import {DataFileError} from "./errors.ts";
import type {TableFormat} from "./formats.ts";

/**
 * How far the loading of a user's file into a table is. Rows are known for Parquet (from its
 * footer, then row group by row group); a CSV is one step, its bytes known but not its rows.
 */
export interface FileLoadProgress {
  /** The table being made (as queries name it). */
  table: string;
  /** The file, as its user knows it. */
  file: string;
  /** "loading" while rows go in; "done" once the table is made; "failed" if it was not. */
  phase: "loading" | "done" | "failed";
  /** The file's size. */
  totalBytes: number;
  /** Bytes read into the table so far (Parquet: in proportion to the rows; others: 0, then all). */
  bytes: number;
  /** Rows in the table so far, when known. */
  rows?: number;
  /** Rows of the whole file, when known (Parquet). */
  totalRows?: number;
}

/** How a user's files are loaded as tables. */
export interface FileLoadOptions {
  /** Called as a file loads (see {@link FileLoadProgress}). Default: nothing. */
  onProgress?: (progress: FileLoadProgress) => void;
  /**
   * Bytes of memory a file may take once loaded (see {@link estimateFileMemory}); a file over it
   * is refused before it is decoded. Default: {@link defaultMemoryBudget}.
   */
  memoryBudget?: number;
}

/**
 * DuckDB-WASM is 32-bit wasm: at most 4 GiB of memory, of which the engine itself and its
 * buffers take some. A page's tables share what is left; 3 GiB is what a file may take.
 */
export const DUCKDB_WASM_MEMORY_BUDGET = 3 * 2 ** 30;

/**
 * The memory a file may take: {@link DUCKDB_WASM_MEMORY_BUDGET}, or less where the browser says
 * its JS heap is smaller (`performance.memory.jsHeapSizeLimit`, Chromium only): a file's bytes
 * and the batch being decoded live on the JS side too.
 */
export function defaultMemoryBudget(): number {
  const limit = (globalThis.performance as {memory?: {jsHeapSizeLimit?: number}} | undefined)?.memory?.jsHeapSizeLimit;
  return typeof limit === "number" && limit > 0 ? Math.min(limit, DUCKDB_WASM_MEMORY_BUDGET) : DUCKDB_WASM_MEMORY_BUDGET;
}

/**
 * About how much memory a file of `size` bytes needs to become a table, for the formats whose
 * footer says nothing (Parquet's estimate comes from its footer: `estimateParquetMemory`). A
 * CSV's table takes about 1.5 times the file (native DuckDB's in-memory table of the scale
 * bench's CSV: 1.48); `inPlace` (default false), the CSV is read where it is (a Blob, a URL read
 * a range at a time) and that is all, else its bytes are in DuckDB's memory too. JSON becomes JS
 * values first, several times its size; Arrow is copied once into DuckDB.
 */
export function estimateFileMemory(size: number, format: Exclude<TableFormat, "parquet">, inPlace = false): number {
  if (format === "csv" || format === "tsv") return size * (inPlace ? 1.5 : 2.5);
  return size * (format === "arrow" ? 2 : 8);
}

/**
 * Throws a {@link DataFileError} naming `file` when `estimatedBytes` is over `budget`: the file
 * would likely make the tab run out of memory, so it is refused before it is decoded, with the
 * route that works for a file this large (a SQL cell the build runs on native DuckDB).
 */
export function checkMemoryBudget(file: string, estimatedBytes: number, budget: number, rows?: number): void {
  if (estimatedBytes <= budget) return;
  const what = rows === undefined ? "" : ` (${rows.toLocaleString("en-US")} rows)`;
  throw new DataFileError(
    file,
    `is too large to load in this page${what}: as a table it would take about ${formatBytes(estimatedBytes)} of memory, more than the ${formatBytes(budget)} a page's DuckDB can use, and the tab could crash. ${queryAtBuildTime(file)}`
  );
}

/** What to do with a file too large for a page: the route that works whatever its size. */
export function queryAtBuildTime(file: string): string {
  return `Query it when the site is built instead: put the file beside the notebook and use a SQL cell with database="duckdb" (SELECT … FROM '${file}'), which native DuckDB runs at build time.`;
}

/** "1.2 GB", "350 MB": a size for a message. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * A memory budget as written in a page's address (`?memory-budget=500MB`): bytes, or a number
 * with kB, MB or GB (powers of 1000). `undefined` for anything else, so a typo keeps the default.
 */
export function parseMemoryBudget(text: string | null | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text ?? "");
  if (!match) return undefined;
  const unit = {b: 1, kb: 1e3, mb: 1e6, gb: 1e9}[(match[2] ?? "b").toLowerCase() as "b"];
  const bytes = Number(match[1]) * unit;
  return bytes > 0 ? bytes : undefined;
}
