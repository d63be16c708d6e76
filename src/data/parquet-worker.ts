// A worker that decodes one Parquet file (see parquet.ts), so a large file never freezes the
// page: the page only relays what it receives. Two requests: the whole file as one Arrow IPC
// stream (`FileAttachment.parquet()`), or a table's row groups one at a time, each sent as soon
// as it is decoded and the next one held back until the page says the previous one is inserted.
import {parquetToIPCStream, streamParquetBatches} from "./parquet.ts";
import type {ParquetWorkerReply, ParquetWorkerRequest} from "./parquet-off-thread.ts";

const scope = globalThis as unknown as {onmessage: ((event: MessageEvent<ParquetWorkerRequest>) => void) | null; postMessage(message: ParquetWorkerReply, transfer?: Transferable[]): void};

/** Resolves the promise of the batch the page is inserting when the page acknowledges it. */
let acknowledge: (() => void) | undefined;

scope.onmessage = async ({data}) => {
  if ("ack" in data) return acknowledge?.();
  try {
    if ("bytes" in data) {
      const ipc = await parquetToIPCStream(data.bytes, (progress) => scope.postMessage({progress}));
      return scope.postMessage({ipc}, [ipc.buffer]);
    }
    await streamParquetBatches(data.file, {
      onSummary: (summary) => scope.postMessage({summary}),
      onBatch: (batch, progress) =>
        new Promise<void>((resolve) => {
          acknowledge = resolve;
          scope.postMessage({batch, progress}, [batch.buffer]);
        })
    });
    scope.postMessage({done: true});
  } catch (error) {
    scope.postMessage({error: error instanceof Error ? error.message : String(error)});
  }
};
