import type {DataType} from "apache-arrow";
import type {SchemaElement} from "hyparquet";

type Arrow = typeof import("apache-arrow");

/**
 * Parquet bytes as Arrow IPC stream bytes, decoded in JS (hyparquet, every compression codec).
 * DuckDB-WASM reads Parquet only through its parquet extension, which it downloads at run time;
 * MAPT loads nothing from the network, so Parquet crosses into DuckDB as Arrow instead. Flat
 * columns keep their Parquet types (INT32, INT64, DOUBLE, BOOLEAN, STRING, DATE, TIMESTAMP;
 * DECIMAL becomes DOUBLE); nested ones get the type Arrow infers from their values.
 */
export async function parquetToIPCStream(bytes: Uint8Array): Promise<Uint8Array> {
  const [{parquetMetadata, parquetRead, parquetSchema}, {compressors}, Arrow] = await Promise.all([
    import("hyparquet"),
    import("hyparquet-compressors"),
    import("apache-arrow")
  ]);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const fields = parquetSchema(metadata).children.map((child) => child.element);
  // Column chunks, not rows: assembling row arrays and transposing them back costs more than decoding.
  const columns = new Map<string, unknown[]>(fields.map((field) => [field.name, new Array(Number(metadata.num_rows))]));
  await parquetRead({
    file,
    metadata,
    compressors,
    onChunk: ({columnName, columnData, rowStart}) => {
      const column = columns.get(columnName);
      if (column !== undefined) for (let i = 0; i < columnData.length; i++) column[rowStart + i] = columnData[i];
    }
  });
  const vectors = fields.map((field) => {
    const type = arrowTypeOf(field, Arrow);
    let values = columns.get(field.name) ?? [];
    if (type !== undefined && Arrow.DataType.isTimestamp(type)) values = values.map((v) => (v instanceof Date ? v.getTime() : v));
    return [field.name, type === undefined ? Arrow.vectorFromArray(values) : Arrow.vectorFromArray(values, type)] as const;
  });
  return Arrow.tableToIPC(new Arrow.Table(Object.fromEntries(vectors)), "stream");
}

/** The Arrow type of a flat Parquet column, or `undefined` to let Arrow infer it. */
function arrowTypeOf(field: SchemaElement, Arrow: Arrow): DataType | undefined {
  if (field.num_children) return undefined;
  const logical = field.logical_type;
  if (logical?.type === "INTEGER" && !logical.isSigned) return logical.bitWidth < 64 ? new Arrow.Float64() : undefined;
  switch (logical?.type ?? field.converted_type) {
    case "STRING":
    case "UTF8":
    case "ENUM":
    case "JSON":
      return new Arrow.Utf8();
    case "DATE":
      return new Arrow.DateMillisecond();
    case "TIMESTAMP":
    case "TIMESTAMP_MILLIS":
    case "TIMESTAMP_MICROS":
      return new Arrow.TimestampMillisecond();
    case "DECIMAL":
      return new Arrow.Float64();
  }
  switch (field.type) {
    case "BOOLEAN":
      return new Arrow.Bool();
    case "INT32":
      return new Arrow.Int32();
    case "INT64":
      return new Arrow.Int64();
    case "FLOAT":
    case "DOUBLE":
      return new Arrow.Float64();
    default:
      return undefined;
  }
}
