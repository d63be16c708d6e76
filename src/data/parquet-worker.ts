// A worker that decodes one Parquet file into Arrow IPC stream bytes (see parquet.ts), so a
// large file never freezes the page: the page only receives progress and the finished bytes.
import {parquetToIPCStream} from "./parquet.ts";
import type {ParquetWorkerReply, ParquetWorkerRequest} from "./parquet-off-thread.ts";

const scope = globalThis as unknown as {onmessage: ((event: MessageEvent<ParquetWorkerRequest>) => void) | null; postMessage(message: ParquetWorkerReply, transfer?: Transferable[]): void};

scope.onmessage = async ({data: {bytes}}) => {
  try {
    const ipc = await parquetToIPCStream(bytes, (progress) => scope.postMessage({progress}));
    scope.postMessage({ipc}, [ipc.buffer]);
  } catch (error) {
    scope.postMessage({error: error instanceof Error ? error.message : String(error)});
  }
};
