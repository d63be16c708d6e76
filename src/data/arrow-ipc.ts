// Reads Arrow IPC bytes (file or stream format) into an Apache Arrow `Table`, from Arrow's own
// modules but without its general reader. Performance trick (bytes): `tableFromIPC` brings all of
// apache-arrow's reader (streams, async and JSON sources, ~40 kB gzip) to every page, for results
// that are always whole byte arrays here (DuckDB's query results, the build's result snapshots).
// The readable version is `tableFromIPC(bytes)`; the tables are the same class and contents
// (tests/data/arrow-ipc.test.ts compares them).
import {MessageHeader} from "apache-arrow/enum";
import {makeData, type Data} from "apache-arrow/data";
import {Footer} from "apache-arrow/ipc/metadata/file";
import {Message} from "apache-arrow/ipc/metadata/message";
import {RecordBatch, _InternalEmptyPlaceholderRecordBatch} from "apache-arrow/recordbatch";
import type {Schema} from "apache-arrow/schema";
import {Table} from "apache-arrow/table";
import {Struct, type DataType} from "apache-arrow/type";
import {Vector} from "apache-arrow/vector";
import {VectorLoader} from "apache-arrow/visitor/vectorloader";

/** Bytes that are not Arrow IPC, or end before a message they announce. */
export class ArrowIPCError extends Error {
  override name = "ArrowIPCError";
}

const MAGIC = "ARROW1";
/** The file format's leading magic, padded to 8 bytes. */
const FILE_START = 8;

/** True when `bytes` are Arrow's file format (magic at both ends), false for the stream format. */
function isFileFormat(bytes: Uint8Array): boolean {
  const magicAt = (at: number) => at >= 0 && String.fromCharCode(...bytes.subarray(at, at + MAGIC.length)) === MAGIC;
  return bytes.length >= FILE_START + MAGIC.length * 2 && magicAt(0) && magicAt(bytes.length - MAGIC.length);
}

interface ReadMessage {
  message: Message;
  body: Uint8Array;
  /** Offset of the next message. */
  next: number;
}

/** The message at `offset`, with its body; `undefined` at the end-of-stream marker or the end. */
function readMessage(bytes: Uint8Array, offset: number): ReadMessage | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (offset + 4 > bytes.length) return undefined;
  let at = offset;
  let length = view.getInt32(at, true);
  at += 4;
  // A continuation marker (-1) precedes the length since Arrow 0.15; older streams start with it.
  if (length === -1) {
    if (at + 4 > bytes.length) return undefined;
    length = view.getInt32(at, true);
    at += 4;
  }
  if (length === 0) return undefined;
  if (length < 0 || at + length > bytes.length) throw new ArrowIPCError(`Arrow IPC message at byte ${offset} announces ${length} bytes of metadata; ${bytes.length - at} remain`);
  const message = Message.decode(bytes.subarray(at, at + length));
  at += length;
  if (at + message.bodyLength > bytes.length) throw new ArrowIPCError(`Arrow IPC message at byte ${offset} announces a body of ${message.bodyLength} bytes; ${bytes.length - at} remain`);
  let body = bytes.subarray(at, at + message.bodyLength);
  // Typed arrays over the body need it aligned to 8 bytes.
  if (body.byteOffset % 8 !== 0) body = body.slice();
  return {message, body, next: at + message.bodyLength};
}

/** Builds record batches from the messages it is given, in order. */
class BatchLoader {
  readonly batches: RecordBatch[] = [];
  readonly #dictionaries = new Map<number, Vector>();
  constructor(readonly schema: Schema) {}

  add({message, body}: ReadMessage): void {
    if (message.isRecordBatch()) {
      const header = message.header();
      const children = this.#load(body, header.nodes, header.buffers, this.schema.fields.map((f) => f.type));
      this.batches.push(new RecordBatch(this.schema, makeData({type: new Struct(this.schema.fields), length: header.length, children})));
    } else if (message.isDictionaryBatch()) {
      const header = message.header();
      const type = this.schema.dictionaries.get(header.id);
      if (type === undefined) throw new ArrowIPCError(`Arrow IPC dictionary batch for unknown dictionary ${header.id}`);
      const vector = new Vector(this.#load(body, header.data.nodes, header.data.buffers, [type]));
      const previous = this.#dictionaries.get(header.id);
      this.#dictionaries.set(header.id, (previous && header.isDelta ? previous.concat(vector) : vector).memoize());
    }
  }

  #load(body: Uint8Array, nodes: ConstructorParameters<typeof VectorLoader>[1], buffers: ConstructorParameters<typeof VectorLoader>[2], types: DataType[]): Data[] {
    return new VectorLoader(body, nodes, buffers, this.#dictionaries, this.schema.metadataVersion).visitMany(types);
  }

  table(): Table {
    // As Arrow's reader does: a result with no batch keeps its columns in one empty batch.
    return new Table(this.batches.length ? this.batches : [new _InternalEmptyPlaceholderRecordBatch(this.schema)]);
  }
}

/**
 * The table in Arrow IPC `bytes` (the file format, as DuckDB-WASM returns results, or the
 * stream format). Throws {@link ArrowIPCError} on bytes that are not Arrow IPC.
 */
export function readArrowIPC(bytes: Uint8Array): Table {
  if (isFileFormat(bytes)) {
    const end = bytes.length - MAGIC.length - 4;
    const footerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(end, true);
    if (footerLength <= 0 || footerLength > end) throw new ArrowIPCError(`Arrow IPC file with a footer of ${footerLength} bytes in ${bytes.length}`);
    const footer = Footer.decode(bytes.subarray(end - footerLength, end));
    const loader = new BatchLoader(footer.schema);
    const at = (offset: number) => {
      const read = readMessage(bytes, offset);
      if (read === undefined) throw new ArrowIPCError(`Arrow IPC file: no message at byte ${offset}`);
      return read;
    };
    for (const block of footer.dictionaryBatches()) loader.add(at(block.offset));
    for (const block of footer.recordBatches()) loader.add(at(block.offset));
    return loader.table();
  }
  const first = readMessage(bytes, 0);
  if (first === undefined || first.message.headerType !== MessageHeader.Schema) throw new ArrowIPCError("Arrow IPC stream does not start with a schema");
  const loader = new BatchLoader(first.message.header() as Schema);
  for (let read = readMessage(bytes, first.next); read; read = readMessage(bytes, read.next)) loader.add(read);
  return loader.table();
}
