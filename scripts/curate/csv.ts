/** A parsed CSV file: its header and one record per data row, keyed by header name. */
export interface CsvTable {
  /** Column names, in file order. */
  header: string[];
  /** Data rows as `column -> text`; a missing trailing field reads as "". */
  rows: Record<string, string>[];
}

/**
 * Parses RFC 4180 CSV text: quoted fields, doubled quotes, newlines inside quotes, LF or CRLF
 * line endings, an optional byte-order mark. Throws on an unterminated quote.
 */
export function parseCsv(text: string, name = "csv"): CsvTable {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (quoted) throw new Error(`invalid CSV in ${name}: unterminated quoted field`);
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header = [], ...body] = records;
  const rows = body
    .filter((r) => !(r.length === 1 && r[0] === ""))
    .map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ""])));
  return {header, rows};
}

/** A cell value the writer knows how to format; `null` and `undefined` are written as an empty field. */
export type Cell = string | number | boolean | null | undefined;

/**
 * Formats a number the same way on every run: integers in plain digits, other values as the
 * shortest decimal that round-trips. Throws on non-finite values and on exponent notation,
 * which CSV readers may not type as numbers.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`invalid number for CSV: ${n}`);
  // 15 significant digits drop binary noise such as 0.42800000000000005 and keep every digit
  // a source wrote (doubles hold 15 exactly).
  const s = Object.is(n, -0) ? "0" : String(Number(n.toPrecision(15)));
  if (/e/i.test(s)) throw new Error(`number needs exponent notation, not written: ${s}`);
  return s;
}

function formatCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Writes rows as CSV text with a header line, LF line endings and a final newline. */
export function formatCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.map(formatCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => formatCell(row[c])).join(","));
  return lines.join("\n") + "\n";
}

/** Parses a numeric field; returns `undefined` for an empty or non-numeric field (a missing value). */
export function maybeNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === "" || t.toUpperCase() === "NA") return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
