import {parquetWriteBuffer, type SchemaElement} from "hyparquet-writer";
import type {DownloadColumn} from "./table-columns.ts";
import {formatValue} from "./table-csv.ts";

/**
 * The columns as a Parquet file. Each column gets the one Parquet type that holds all its
 * values (booleans, 32-bit integers, 64-bit integers, doubles, dates, timestamps); a column of
 * mixed or other values is written as text, as the CSV writes it. Every column may hold nulls.
 */
export function toParquet(columns: readonly DownloadColumn[]): ArrayBuffer {
  const typed = columns.map(parquetColumn);
  const schema: SchemaElement[] = [{name: "root", num_children: typed.length}, ...typed.map((c) => c.schema)];
  return parquetWriteBuffer({columnData: typed.map((c) => ({name: c.schema.name, data: c.data})), schema});
}

function parquetColumn(column: DownloadColumn): {schema: SchemaElement; data: unknown[]} {
  const present = column.values.filter((v) => v !== null && v !== undefined);
  const element = (fields: Omit<SchemaElement, "name">): SchemaElement => ({name: column.name, repetition_type: "OPTIONAL", ...fields});
  const values = column.values.map((v) => v ?? null);
  const all = (test: (v: unknown) => boolean) => present.every(test);
  if (present.length > 0 && all((v) => v instanceof Date && !Number.isNaN(v.getTime()))) {
    return column.kind === "date"
      ? {schema: element({type: "INT32", converted_type: "DATE"}), data: values}
      : {schema: element({type: "INT64", converted_type: "TIMESTAMP_MILLIS"}), data: values};
  }
  if (present.length > 0 && all((v) => typeof v === "boolean")) return {schema: element({type: "BOOLEAN"}), data: values};
  if (present.length > 0 && all((v) => typeof v === "bigint")) return {schema: element({type: "INT64"}), data: values};
  if (present.length > 0 && all((v) => Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31 - 1)) return {schema: element({type: "INT32"}), data: values};
  if (present.length > 0 && all((v) => typeof v === "number")) return {schema: element({type: "DOUBLE"}), data: values};
  return {schema: element({type: "BYTE_ARRAY", converted_type: "UTF8"}), data: column.values.map((v) => (v === null || v === undefined ? null : formatValue(v, column.kind)))};
}
