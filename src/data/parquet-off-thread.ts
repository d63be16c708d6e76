import {parquetToIPCStream, streamParquetBatches, type ParquetBatchHandlers, type ParquetInput, type ParquetProgress, type ParquetSummary} from "./parquet.ts";

/** What the page sends the Parquet worker. */
export type ParquetWorkerRequest =
  /** Decode the whole file into one IPC stream. */
  | {bytes: Uint8Array}
  /** Decode a table's row groups one by one (see `streamParquetBatches`). */
  | {file: ParquetInput}
  /** The last batch sent is inserted: decode on. */
  | {ack: true};

/** What the Parquet worker answers. */
export type ParquetWorkerReply =
  | {progress: ParquetProgress}
  | {ipc: Uint8Array}
  | {summary: ParquetSummary}
  | {batch: Uint8Array; progress: ParquetProgress}
  | {done: true}
  | {error: string};

const inBrowser = () => typeof Worker !== "undefined" && typeof document !== "undefined";

function startWorker(): Worker {
  return new Worker(new URL("./parquet-worker.ts", import.meta.url), {type: "module", name: "parquet"});
}

/**
 * {@link parquetToIPCStream} in a worker where there is a browser (one worker per file, ended
 * when done), else (Node, tests) on this thread. The caller's bytes are copied, not taken.
 */
export function parquetToIPCStreamOffThread(bytes: Uint8Array, onProgress?: (progress: ParquetProgress) => void): Promise<Uint8Array> {
  if (!inBrowser()) return parquetToIPCStream(bytes, onProgress);
  const worker = startWorker();
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = ({data}: MessageEvent<ParquetWorkerReply>) => {
      if ("progress" in data && !("batch" in data)) return onProgress?.(data.progress);
      worker.terminate();
      if ("ipc" in data) resolve(data.ipc);
      else reject(new Error("error" in data ? data.error : "the Parquet decoder answered out of turn"));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the Parquet decoder failed to start: ${event.message || "worker error"}`));
    };
    worker.postMessage({bytes} satisfies ParquetWorkerRequest);
  });
}

/**
 * {@link streamParquetBatches} in a worker where there is a browser, else on this thread. The
 * page's part is only to pass each batch on (`handlers.onBatch`, e.g. to DuckDB's worker), so
 * no task of the page's thread grows with the file. `input` is handed over: bytes are
 * transferred (the caller's view is emptied), a Blob is shared, a file at a URL is read by the
 * worker a range at a time. When a handler throws (such as `onSummary` refusing a file too
 * large), the worker is ended and the promise rejects with it.
 */
export function streamParquetBatchesOffThread(input: ParquetInput, handlers: ParquetBatchHandlers): Promise<void> {
  if (!inBrowser()) return streamParquetBatches(input, handlers);
  const worker = startWorker();
  return new Promise<void>((resolve, reject) => {
    let stopped = false;
    const fail = (error: unknown) => {
      stopped = true;
      worker.terminate();
      reject(error);
    };
    worker.onmessage = async ({data}: MessageEvent<ParquetWorkerReply>) => {
      if (stopped) return;
      try {
        if ("summary" in data) await handlers.onSummary?.(data.summary);
        else if ("batch" in data) {
          await handlers.onBatch(data.batch, data.progress);
          worker.postMessage({ack: true} satisfies ParquetWorkerRequest);
        } else if ("done" in data) {
          worker.terminate();
          resolve();
        } else fail(new Error("error" in data ? data.error : "the Parquet decoder answered out of turn"));
      } catch (error) {
        fail(error);
      }
    };
    worker.onerror = (event) => fail(new Error(`the Parquet decoder failed to start: ${event.message || "worker error"}`));
    const transfer = input instanceof Uint8Array ? [input.buffer as ArrayBuffer] : [];
    worker.postMessage({file: input} satisfies ParquetWorkerRequest, transfer);
  });
}
