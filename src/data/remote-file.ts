/**
 * A file at a URL, known by its size before any of its bytes are fetched. Where its server
 * answers range requests, a loader reads it a range at a time (DuckDB's worker for a CSV, the
 * Parquet decoder's worker for Parquet), so a file larger than the page could hold loads, and
 * one too large for memory is refused before it is fetched.
 */
export interface RemoteFile {
  /** The absolute URL. */
  readonly url: string;
  /** Its size in bytes, when the server said (`Content-Range` or `Content-Length`). */
  readonly size: number | undefined;
  /** Whether the server answers a `Range` request with that range (206). */
  readonly ranges: boolean;
}

/**
 * `url` made absolute against the page's address when it is an HTTP(S) address the page's `fetch`
 * can ask for ranges, else `undefined` (a `blob:` or `data:` URL, or a file path where there is no
 * page, as in Node).
 */
export function httpAddress(url: string): string | undefined {
  try {
    const absolute = new URL(url, globalThis.location?.href).href;
    return /^https?:/i.test(absolute) ? absolute : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks for the first byte of `url` (`Range: bytes=0-0`) to learn the file's size and whether its
 * server reads ranges, without fetching the file. Fails on a non-2xx status as `fetchBytes` does.
 * A URL that is not HTTP (`blob:`, `data:`) is not asked: its size unknown, it is fetched whole.
 */
export async function openRemoteFile(url: string): Promise<RemoteFile> {
  const absolute = httpAddress(url);
  if (absolute === undefined) return {url: new URL(url, globalThis.location?.href).href, size: undefined, ranges: false};
  const response = await fetch(absolute, {headers: {range: "bytes=0-0"}});
  if (!response.ok) throw new Error(`fetching ${url} failed: ${response.status} ${response.statusText}`.trim());
  // A server that ignores ranges sends the whole file: only its headers are wanted here.
  await response.body?.cancel().catch(() => {});
  if (response.status === 206) {
    const total = /\/(\d+)\s*$/.exec(response.headers.get("content-range") ?? "")?.[1];
    return {url: absolute, size: total === undefined ? undefined : Number(total), ranges: total !== undefined};
  }
  const length = response.headers.get("content-length");
  // A compressed body's length is not the file's.
  const size = length === null || response.headers.get("content-encoding") ? undefined : Number(length);
  return {url: absolute, size, ranges: false};
}

/** Bytes `start` to `end` (exclusive) of a file whose server reads ranges. */
export async function readRange(file: RemoteFile, start: number, end: number): Promise<ArrayBuffer> {
  if (end <= start) return new ArrayBuffer(0);
  const response = await fetch(file.url, {headers: {range: `bytes=${start}-${end - 1}`}});
  if (response.status !== 206) throw new Error(`reading bytes ${start}-${end - 1} of ${file.url} failed: ${response.status} ${response.statusText}`.trim());
  return response.arrayBuffer();
}

/** Whether `value` is a {@link RemoteFile} (not bytes or a Blob). */
export function isRemoteFile(value: unknown): value is RemoteFile {
  return typeof value === "object" && value !== null && typeof (value as RemoteFile).url === "string" && typeof (value as RemoteFile).ranges === "boolean";
}
