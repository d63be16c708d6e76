/**
 * `parquetToIPCStreamOffThread`, its module loaded on the first call: a page that reads no
 * Parquet file (most) does not download the decoder's side of it.
 */
export async function loadParquetAsIPC(bytes: Uint8Array): Promise<Uint8Array> {
  const {parquetToIPCStreamOffThread} = await import("./parquet-off-thread.ts");
  return parquetToIPCStreamOffThread(bytes);
}
