import {essenceOf, mimeTypeOf} from "../shared/index.ts";

/** File formats DuckDB can turn into a table here. */
export type TableFormat = "parquet" | "csv" | "tsv" | "json" | "arrow";

/** Every {@link TableFormat}, in the order error messages list them. */
export const TABLE_FORMATS: readonly TableFormat[] = ["parquet", "csv", "tsv", "json", "arrow"];

const BY_MIME_TYPE: Record<string, TableFormat> = {
  "application/vnd.apache.parquet": "parquet",
  "application/x-parquet": "parquet",
  "text/csv": "csv",
  "text/tab-separated-values": "tsv",
  "application/json": "json",
  "application/vnd.apache.arrow.file": "arrow",
  "application/vnd.apache.arrow.stream": "arrow"
};

/**
 * The table format of a file from its MIME type, else from the MIME type of its name's extension
 * (src/shared/mime-types.ts; query and hash ignored); `undefined` when neither tells.
 */
export function maybeTableFormat(name: string, mimeType?: string): TableFormat | undefined {
  const byType = mimeType === undefined ? undefined : BY_MIME_TYPE[essenceOf(mimeType)];
  return byType ?? BY_MIME_TYPE[mimeTypeOf(name)];
}

/** The SQL that reads a registered delimited file, e.g. `read_csv('f', header = true)`. */
export function readFileSql(file: string, format: "csv" | "tsv"): string {
  const delimiter = format === "tsv" ? ", delim = '\\t'" : "";
  return `read_csv(${quoteString(file)}, header = true${delimiter})`;
}

/** A SQL string literal. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL quoted identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
