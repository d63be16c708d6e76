import type {Data, DataType, RecordBatch} from "apache-arrow";
import type {AsyncBuffer, ColumnData, FileMetaData, SchemaElement} from "hyparquet";
import {isRemoteFile, readRange, type RemoteFile} from "./remote-file.ts";

type Arrow = typeof import("apache-arrow");

/** How far a Parquet decode is: rows decoded so far of the file's total. */
export interface ParquetProgress {
  rows: number;
  totalRows: number;
}

/** What a Parquet file's footer says before any row is decoded. */
export interface ParquetSummary {
  totalRows: number;
  rowGroups: number;
  /**
   * About how many bytes the file takes in memory once loaded as a DuckDB table, plus the file
   * itself (held while it is decoded): see {@link estimateParquetMemory}.
   */
  estimatedBytes: number;
}

/**
 * Where the decoder reads a file from: its bytes, or a `Blob` or a file at a URL whose server
 * reads ranges, read one row group at a time.
 */
export type ParquetInput = Uint8Array | Blob | RemoteFile;

/**
 * Parquet bytes as Arrow IPC stream bytes, decoded in JS (hyparquet, every compression codec).
 * DuckDB-WASM reads Parquet only through its parquet extension, which it downloads at run time;
 * MAPT loads nothing from the network, so Parquet crosses into DuckDB as Arrow instead.
 *
 * One Arrow record batch per Parquet row group, each column built straight from what hyparquet
 * decodes: numbers from its typed arrays, strings from their UTF-8 bytes (never made into JS
 * strings and encoded back), so there is no per-value work beyond a copy, and no limit on rows
 * (Arrow's own builders keep every pending string of a column in one Map, which fails past 2^24
 * values). Flat columns keep their Parquet types (INT32, INT64, DOUBLE, BOOLEAN, STRING, DATE,
 * TIMESTAMP; DECIMAL and unsigned integers become DOUBLE); nested ones get the type Arrow infers
 * from the first row group's values. Pages run it in a worker (see `parquet-off-thread.ts`).
 *
 * This whole-file form is for `FileAttachment.parquet()`; tables are made batch by batch with
 * {@link streamParquetBatches}, which never holds more than a row group's Arrow data.
 */
export async function parquetToIPCStream(bytes: Uint8Array, onProgress?: (progress: ParquetProgress) => void): Promise<Uint8Array> {
  const Arrow = await import("apache-arrow");
  const batches: RecordBatch[] = [];
  const decoder = await openParquet(bytes);
  for await (const batch of decoder.batches()) {
    batches.push(batch.batch);
    onProgress?.(batch.progress);
  }
  if (batches.length === 0) return Arrow.tableToIPC(decoder.emptyTable(), "stream");
  return Arrow.tableToIPC(new Arrow.Table(batches), "stream");
}

/** What {@link streamParquetBatches} calls as it goes. */
export interface ParquetBatchHandlers {
  /** The file's footer is read: throw to stop before any row is decoded (e.g. too large). */
  onSummary?(summary: ParquetSummary): void | Promise<void>;
  /**
   * One row group as a complete Arrow IPC stream (schema, one record batch, end): the first
   * creates the table, the others append to it. A file without rows gives one stream of its
   * schema only. The next row group is decoded meanwhile; the promise holds back the one after.
   */
  onBatch(ipc: Uint8Array, progress: ParquetProgress): Promise<void>;
}

/**
 * Decodes a Parquet file row group by row group, handing each to `handlers.onBatch` as soon as it
 * is decoded (see {@link ParquetBatchHandlers}), so a table of any number of rows is made without
 * the whole of it ever being in Arrow form at once.
 */
export async function streamParquetBatches(input: ParquetInput, handlers: ParquetBatchHandlers): Promise<void> {
  const Arrow = await import("apache-arrow");
  const decoder = await openParquet(input);
  await handlers.onSummary?.(decoder.summary);
  // One insert in flight while the next row group decodes: the work overlaps, the memory is two batches.
  let pending: Promise<void> = Promise.resolve();
  let sent = false;
  for await (const {batch, progress} of decoder.batches()) {
    const ipc = Arrow.tableToIPC(new Arrow.Table([batch]), "stream");
    await pending;
    pending = handlers.onBatch(ipc, progress);
    sent = true;
  }
  await pending;
  if (!sent) await handlers.onBatch(Arrow.tableToIPC(decoder.emptyTable(), "stream"), {rows: 0, totalRows: 0});
}

/** Reads the footer of a Parquet file and sums it up (no row is decoded). */
export async function summarizeParquet(input: ParquetInput): Promise<ParquetSummary> {
  return (await openParquet(input)).summary;
}

/** A Parquet file whose footer is read, ready to decode row group by row group. */
async function openParquet(input: ParquetInput) {
  const [{parquetMetadataAsync, parquetRead, parquetSchema}, {compressors}, Arrow] = await Promise.all([
    import("hyparquet"),
    import("hyparquet-compressors"),
    import("apache-arrow")
  ]);
  const file = asyncBufferOf(input);
  const metadata = await parquetMetadataAsync(file);
  const elements = parquetSchema(metadata).children.map((child) => child.element);
  const declared = elements.map((element) => arrowTypeOf(element, Arrow));
  const totalRows = Number(metadata.num_rows);
  const summary: ParquetSummary = {totalRows, rowGroups: metadata.row_groups.length, estimatedBytes: estimateParquetMemory(metadata, file.byteLength)};

  async function* batches(): AsyncGenerator<{batch: RecordBatch; progress: ParquetProgress}> {
    const inferred: Array<DataType | undefined> = [];
    let groupStart = 0;
    for (const group of groupsOf(metadata)) {
      const rowEnd = groupStart + group;
      const parts = new Map<string, ColumnData[]>(elements.map((element) => [element.name, []]));
      await parquetRead({
        file,
        metadata,
        compressors,
        rowStart: groupStart,
        rowEnd,
        parsers: RAW_PARSERS,
        onChunk: (chunk) => parts.get(chunk.columnName)?.push(chunk)
      });
      const children = elements.map((element, i) => {
        const values = columnValues(parts.get(element.name)!, groupStart, rowEnd);
        const data = columnData(values, declared[i] ?? inferred[i], Arrow);
        inferred[i] ??= data.type;
        return data;
      });
      const fields = elements.map((element, i) => new Arrow.Field(element.name, children[i]!.type, true));
      const schema = new Arrow.Schema(fields);
      groupStart = rowEnd;
      yield {
        batch: new Arrow.RecordBatch(schema, Arrow.makeData({type: new Arrow.Struct(fields), length: group, children, nullCount: 0})),
        progress: {rows: groupStart, totalRows}
      };
    }
  }

  const emptyTable = () => new Arrow.Table(new Arrow.Schema(elements.map((element, i) => new Arrow.Field(element.name, declared[i] ?? new Arrow.Utf8(), true))));
  return {summary, batches, emptyTable};
}

/** hyparquet's AsyncBuffer over bytes, or over a Blob read a slice at a time (a worker never holds the whole file). */
function asyncBufferOf(input: ParquetInput): AsyncBuffer {
  if (input instanceof Uint8Array) {
    const buffer = input.byteOffset === 0 && input.byteLength === input.buffer.byteLength ? (input.buffer as ArrayBuffer) : (input.slice().buffer as ArrayBuffer);
    return {byteLength: buffer.byteLength, slice: (start, end) => buffer.slice(start, end)};
  }
  if (isRemoteFile(input)) {
    const size = input.size ?? 0;
    return {byteLength: size, slice: (start, end) => readRange(input, start, end ?? size)};
  }
  return {byteLength: input.size, slice: (start, end) => input.slice(start, end).arrayBuffer()};
}

/**
 * About how many bytes a Parquet file needs in memory to become a DuckDB-WASM table: each
 * column's values at DuckDB's width (4 or 8 bytes a number, 16 a string plus its bytes beyond
 * the footer's uncompressed size), plus the file itself, which is held while it is decoded. An
 * estimate from the footer, meant to catch a file several times too large, not to be exact.
 */
export function estimateParquetMemory(metadata: FileMetaData, fileBytes: number): number {
  let bytes = fileBytes;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    for (const column of group.columns) {
      const meta = column.meta_data;
      if (!meta) continue;
      const uncompressed = Number(meta.total_uncompressed_size);
      switch (meta.type) {
        case "BOOLEAN":
          bytes += rows;
          break;
        case "INT32":
        case "FLOAT":
          bytes += rows * 4;
          break;
        case "INT64":
        case "DOUBLE":
          bytes += rows * 8;
          break;
        case "BYTE_ARRAY":
          // DuckDB keeps strings of up to 12 bytes inside a 16-byte slot, longer ones beside it.
          bytes += rows * 16 + uncompressed;
          break;
        default:
          bytes += Math.max(rows * 16, uncompressed);
      }
    }
  }
  return bytes;
}

/** Keep what hyparquet would turn into JS objects as raw values: bytes, day and millisecond counts. */
const RAW_PARSERS = {
  stringFromBytes: (bytes: Uint8Array | undefined) => bytes,
  jsonFromBytes: (bytes: Uint8Array | undefined) => bytes,
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (millis: bigint) => Number(millis),
  timestampFromMicroseconds: (micros: bigint) => Number(micros / 1000n),
  timestampFromNanoseconds: (nanos: bigint) => Number(nanos / 1_000_000n)
};

/** The row count of each row group, in order. */
function groupsOf(metadata: FileMetaData): number[] {
  const groups = metadata.row_groups.map((group) => Number(group.num_rows)).filter((rows) => rows > 0);
  return groups;
}

type Values = ArrayLike<unknown>;

/** One column's values for rows [start, end) from the chunks hyparquet gave (absolute row numbers). */
function columnValues(chunks: ColumnData[], start: number, end: number): Values {
  const only = chunks.length === 1 ? chunks[0]! : undefined;
  if (only && only.rowStart === start && only.columnData.length === end - start) return only.columnData as Values;
  const values = new Array<unknown>(end - start);
  for (const {rowStart, columnData} of chunks) {
    for (let i = Math.max(0, start - rowStart); i < columnData.length && rowStart + i < end; i++) values[rowStart + i - start] = columnData[i];
  }
  return values;
}

/** The Arrow data of one column of one batch. */
function columnData(values: Values, type: DataType | undefined, Arrow: Arrow): Data {
  if (type === undefined) return Arrow.vectorFromArray(Array.from(values)).data[0]!;
  const length = values.length;
  if (Arrow.DataType.isUtf8(type)) return utf8Data(values, type, Arrow);
  // Dates are day counts in both formats: an Int32Array, like INT32.
  if (type instanceof Arrow.Float64 || type instanceof Arrow.Int32 || type instanceof Arrow.Int64 || type instanceof Arrow.DateDay) {
    const ArrayType = type instanceof Arrow.Float64 ? Float64Array : type instanceof Arrow.Int64 ? BigInt64Array : Int32Array;
    if (values instanceof ArrayType) return Arrow.makeData({type, length, data: values, nullCount: 0} as never);
    const data = new ArrayType(length);
    const {bitmap, nulls} = validity(values);
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (value === null || value === undefined) continue;
      (data as unknown as unknown[])[i] = ArrayType === BigInt64Array ? BigInt(value as number) : Number(value);
    }
    return Arrow.makeData({type, length, data: data as never, nullBitmap: nulls ? bitmap : undefined, nullCount: nulls} as never);
  }
  // Booleans, timestamps and the rest: small per-value work, and no string Map.
  return Arrow.vectorFromArray(Array.from(values, (v) => v ?? null), type).data[0]!;
}

/** Utf8 data from byte arrays (or strings, from a writer that left no annotation). */
function utf8Data(values: Values, type: DataType, Arrow: Arrow): Data {
  const length = values.length;
  const offsets = new Int32Array(length + 1);
  const encoder = new TextEncoder();
  const encoded: Array<Uint8Array | undefined> = new Array(length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    const value = values[i];
    const bytes = value instanceof Uint8Array ? value : value === null || value === undefined ? undefined : encoder.encode(String(value));
    encoded[i] = bytes;
    total += bytes?.length ?? 0;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < length; i++) {
    const bytes = encoded[i];
    if (bytes) data.set(bytes, offsets[i]!);
  }
  const {bitmap, nulls} = validity(values);
  return Arrow.makeData({type: type as never, length, valueOffsets: offsets, data, nullBitmap: nulls ? bitmap : undefined, nullCount: nulls} as never);
}

/** Arrow's validity bitmap of `values` (bit set: a value) and its null count. */
function validity(values: Values): {bitmap: Uint8Array; nulls: number} {
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return {bitmap, nulls};
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
      return new Arrow.DateDay();
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
    case "BYTE_ARRAY":
      // No annotation: hyparquet reads it as text, as Notebook Kit does.
      return logical === undefined && field.converted_type === undefined ? new Arrow.Utf8() : undefined;
    default:
      return undefined;
  }
}
