// What DuckDB-WASM's main-thread module uses of apache-arrow, and nothing more: the build points
// its `import * from "apache-arrow"` here (src/vite/import-redirects.ts) so that a reader page does
// not download all of Arrow to read query results. Cells that name `Arrow` still get all of it.
import type {RecordBatch} from "apache-arrow/recordbatch";
import type {Schema} from "apache-arrow/schema";
import {readArrowIPC} from "./arrow-ipc.ts";

export {Type} from "apache-arrow/enum";
export {Table} from "apache-arrow/table";

/** The reader DuckDB-WASM makes of a result; `new Table(reader)` and `for await` take its batches. */
interface ResultReader extends Iterable<RecordBatch>, AsyncIterable<RecordBatch> {
  schema: Schema;
  isSync(): boolean;
  isAsync(): boolean;
  isFile(): boolean;
  isStream(): boolean;
}

function resultReader(bytes: Uint8Array, streamed: boolean): ResultReader {
  const {schema, batches} = readArrowIPC(bytes);
  return {
    schema,
    isSync: () => !streamed,
    isAsync: () => streamed,
    isFile: () => !streamed,
    isStream: () => streamed,
    [Symbol.iterator]: () => batches[Symbol.iterator](),
    async *[Symbol.asyncIterator]() {
      yield* batches;
    }
  };
}

/**
 * `RecordBatchReader.from` for DuckDB-WASM's results: the whole IPC bytes of `query()`, or the
 * chunks of a sent query (`send()`, whose caller reads every batch), read once they all came.
 */
export const RecordBatchReader = {
  from(source: Uint8Array | AsyncIterable<Uint8Array>): ResultReader | Promise<ResultReader> {
    if (source instanceof Uint8Array) return resultReader(source, false);
    return (async () => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of source) chunks.push(chunk);
      const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      return resultReader(bytes, true);
    })();
  }
};

/** DuckDB-WASM's `insertArrowTable` writes a table as IPC: this app inserts IPC bytes instead (`insertArrowFromIPCStream`). */
export function tableToIPC(): never {
  throw new Error("insertArrowTable is not available on this page: insert Arrow IPC bytes with insertArrowFromIPCStream");
}
