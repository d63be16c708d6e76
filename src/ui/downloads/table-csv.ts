import type {DownloadColumn} from "./table-columns.ts";

/**
 * The columns as CSV (RFC 4180): a header row, then one line per row, with CRLF line ends.
 * Fields with a comma, quote or line break are quoted. Missing values are empty; dates are
 * `YYYY-MM-DD`, timestamps ISO instants, objects JSON.
 */
export function toCsv(columns: readonly DownloadColumn[]): string {
  const rowCount = columns[0]?.values.length ?? 0;
  const lines = [columns.map((c) => csvField(c.name)).join(",")];
  for (let i = 0; i < rowCount; ++i) lines.push(columns.map((c) => csvField(formatValue(c.values[i], c.kind))).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** A value as the text a CSV (or a Parquet string column) holds. */
export function formatValue(value: unknown, kind: DownloadColumn["kind"]): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    return kind === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (typeof value === "number") return Number.isNaN(value) ? "" : String(value);
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? String(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
