import type {DuckDBConnection} from "./engine.ts";
import {DataFileError} from "./errors.ts";
import {quoteIdentifier, quoteString} from "./formats.ts";
import type {TableFileBytes} from "./table-file.ts";

/** How many bad lines a message lists; the rest are counted. */
const LISTED = 5;
let scans = 0;

/**
 * Fails, with the lines at fault, when a CSV or TSV table just made from `file` is not the file's
 * table: given rows with differing numbers of fields, DuckDB's sniffer falls back to one column
 * of whole lines, or pads the header out to the longest row. Either way the table's columns are
 * not the header's fields. The table is dropped first, so nothing is left of the failed attempt.
 */
export async function checkDelimitedTable(connection: DuckDBConnection, file: TableFileBytes): Promise<void> {
  const columns = await connection.query(`SELECT count(*)::INTEGER AS n FROM (DESCRIBE ${quoteIdentifier(file.name)})`);
  const header = new TextDecoder().decode(file.bytes.subarray(0, 65536)).replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0]!;
  const fields = fieldCount(header, file.format === "tsv" ? "\t" : ",");
  const found = Number(columns.get(0)!.toJSON().n);
  // One field: the sniffer may rightly have found another delimiter (a semicolon CSV).
  if (fields === 1 || found === fields) return;
  const problem = await raggedLines(connection, file);
  if (problem === undefined && found > 1) return;
  await connection.query(`DROP TABLE IF EXISTS ${quoteIdentifier(file.name)}`);
  throw problem ?? new DataFileError(file.fileName, `its rows do not all have the ${fields} fields of its header`);
}

/** The fields of one delimited line, counting delimiters outside double quotes. */
function fieldCount(line: string, delimiter: string): number {
  let count = 1;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * The rows of `file` whose number of fields differs from its header's, as a {@link DataFileError}
 * listing their lines; `undefined` when there are none. Reads the registered file once more with
 * the format's delimiter and DuckDB's rejects tables (dropped after).
 */
export async function raggedLines(connection: DuckDBConnection, file: TableFileBytes): Promise<DataFileError | undefined> {
  const id = ++scans;
  const rejects = `mapt_rejects_${id}`;
  const scan = `mapt_reject_scans_${id}`;
  const delimiter = file.format === "tsv" ? "\\t" : ",";
  try {
    await connection.query(
      `SELECT count(*) FROM read_csv(${quoteString(file.registeredName)}, header = true, delim = '${delimiter}', ignore_errors = true, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${scan}')`
    );
    const found = await connection.query(
      `SELECT line::INTEGER AS line, error_message AS message FROM ${rejects} WHERE error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') ORDER BY line`
    );
    if (found.numRows === 0) return undefined;
    const rows = found.toArray().map((row) => row.toJSON() as {line: number; message: string});
    const expected = /Expected Number of Columns: (\d+)/.exec(rows[0]!.message)?.[1] ?? "the header's";
    const listed = rows.slice(0, LISTED).map((row) => `line ${row.line} has ${/Found: (\d+)/.exec(row.message)?.[1] ?? "another number of"}`).join(", ");
    const more = rows.length > LISTED ? ` and ${rows.length - LISTED} more line${rows.length - LISTED === 1 ? "" : "s"}` : "";
    return new DataFileError(
      file.fileName,
      `${rows.length} row${rows.length === 1 ? " does" : "s do"} not have the ${expected} fields of the header: ${listed}${more}. Fix ${rows.length === 1 ? "that line" : "those lines"} (a missing or extra ${file.format === "tsv" ? "tab" : "comma"}, or a value with a comma that needs "quotes") and attach the file again.`,
      {line: rows[0]!.line}
    );
  } finally {
    await connection.query(`DROP TABLE IF EXISTS ${rejects}; DROP TABLE IF EXISTS ${scan}`);
  }
}
