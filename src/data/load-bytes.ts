/** Fetches the bytes at a URL or path. Node tests pass one that reads from disk. */
export type LoadBytes = (url: string) => Promise<Uint8Array | ArrayBuffer>;

/** The default {@link LoadBytes}: `fetch`, failing on a non-2xx status with the URL and status. */
export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetching ${url} failed: ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * {@link fetchBytes} as a `Blob`: the body is kept by the browser, not copied into the page's
 * memory, so a large file's workers can read it a slice at a time.
 */
export async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`fetching ${url} failed: ${response.status} ${response.statusText}`.trim());
  return response.blob();
}

/** Views any byte container as a `Uint8Array` without copying. */
export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}
