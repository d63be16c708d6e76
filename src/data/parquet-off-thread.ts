import {parquetToIPCStream, type ParquetProgress} from "./parquet.ts";

/** What the page sends the Parquet worker. */
export interface ParquetWorkerRequest {
  bytes: Uint8Array;
}

/** What the Parquet worker answers: progress while decoding, then the IPC bytes or an error. */
export type ParquetWorkerReply = {progress: ParquetProgress} | {ipc: Uint8Array} | {error: string};

/**
 * {@link parquetToIPCStream} in a worker where there is a browser (one worker per file, ended
 * when done), else (Node, tests) on this thread. The caller's bytes are copied, not taken.
 */
export function parquetToIPCStreamOffThread(bytes: Uint8Array, onProgress?: (progress: ParquetProgress) => void): Promise<Uint8Array> {
  if (typeof Worker === "undefined" || typeof document === "undefined") return parquetToIPCStream(bytes, onProgress);
  const worker = new Worker(new URL("./parquet-worker.ts", import.meta.url), {type: "module", name: "parquet"});
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = ({data}: MessageEvent<ParquetWorkerReply>) => {
      if ("progress" in data) return onProgress?.(data.progress);
      worker.terminate();
      if ("ipc" in data) resolve(data.ipc);
      else reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`the Parquet decoder failed to start: ${event.message || "worker error"}`));
    };
    worker.postMessage({bytes} satisfies ParquetWorkerRequest);
  });
}
