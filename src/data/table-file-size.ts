import {formatBytes} from "./file-load.ts";
import type {TableFormat} from "./formats.ts";

/**
 * The largest file of each format a page loads as a table. DuckDB-WASM has at most 4 GiB of
 * memory (about 3.1 GiB by default) and holds a file's bytes and the table made of them at once:
 * a 1 GB CSV loads, a 2 GB one fails (research/toolchain.md). JSON is decoded into JS values
 * first, several times the file's size. Parquet is streamed into DuckDB row group by row group;
 * what its table would take is estimated from its footer when it loads (`checkMemoryBudget`),
 * so its size limit here only stops a file that could not fit whatever its contents.
 */
export const MAX_TABLE_FILE_BYTES: Readonly<Record<TableFormat, number>> = {
  csv: 1e9,
  tsv: 1e9,
  arrow: 1e9,
  parquet: 1e9,
  json: 250e6
};

/**
 * Throws when a file of `size` bytes is too large to load as a `format` table in a browser page
 * (see {@link MAX_TABLE_FILE_BYTES}), saying what to do instead; call it before reading the file.
 */
export function checkTableFileSize(size: number, format: TableFormat, file: string): void {
  const limit = MAX_TABLE_FILE_BYTES[format];
  if (size <= limit) return;
  const advice =
    format === "parquet"
      ? "Split it into smaller Parquet files, or query it at build time"
      : "Convert it to Parquet (often ten times smaller), or query it at build time";
  throw new Error(
    `"${file}" is ${formatBytes(size)}, more than the ${formatBytes(limit)} a browser page can load as a ${format.toUpperCase()} table. ${advice} with a database the notebook names in its SQL cells' database attribute.`
  );
}
