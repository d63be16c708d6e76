/**
 * The protocol between a notebook page and the dev server's save endpoint and change events
 * (src/vite/save-endpoint.ts). Only the dev server answers it; a static build has no endpoint.
 */

/** URL path of the dev-only save endpoint (POST, JSON {@link SaveRequest}). */
export const saveEndpointPath = "/__mapt/save";

/** URL path of the dev-only export endpoint (POST, JSON {@link ExportRequest}; answers the single file). */
export const exportEndpointPath = "/__mapt/export";

/** What a page posts to export a notebook as one file: its text (the page's current version). */
export interface ExportRequest {
  /** The notebook file the text belongs to, relative to the project root (its attachments are beside it); absent for a draft. */
  path?: string;
  text: string;
  /** Include the database engine (see `mapt export --engine`). */
  engine?: boolean;
}

/**
 * Header every write to the dev server carries, its value the server's token: a random string
 * made when the server starts and given only to the pages it serves (see {@link saveTokenMeta}).
 * A plain cross-site form cannot send the header, and no other site can read the token.
 */
export const saveRequestHeader = "x-mapt-save";

/** Name of the `<meta>` tag that gives a dev-server page the server's write token. */
export const saveTokenMetaName = "mapt-save-token";

/** The `<meta>` tag with the dev server's write token. */
export function saveTokenMeta(token: string): string {
  return `<meta name="${saveTokenMetaName}" content="${token.replace(/[^A-Za-z0-9_-]/g, "")}">`;
}

/** Name of the Vite custom event sent to open pages when a notebook file changes on disk. */
export const notebookChangedEvent = "mapt:notebook-changed";

/** What a page posts to save a notebook file. */
export interface SaveRequest {
  /** The file, relative to the project root, e.g. "notebooks/kenya.html". */
  path: string;
  /** The whole notebook file to write. */
  text: string;
  /** `textVersion` of the file as the page loaded it; `null` to create a new file. */
  baseVersion: string | null;
}

/** What the endpoint answers. The HTTP status is `status`. */
export type SaveResponse =
  | {status: 200; version: string}
  /** The file changed on disk since the page loaded it; `diskText` is `null` when it was deleted. */
  | {status: 409; error: string; diskText: string | null; diskVersion: string | null}
  | {status: 400 | 403 | 405 | 413 | 415 | 422 | 500; error: string};

/** The payload of {@link notebookChangedEvent}. */
export interface NotebookChange {
  /** The file, relative to the project root. */
  path: string;
  text: string;
  version: string;
}

/**
 * A short fingerprint of a text (two 32-bit FNV-1a hashes and the length, in hex), the same in
 * Node and every browser, secure context or not. It detects changes, it is not a security hash.
 */
export function textVersion(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${hex(a)}${hex(b)}-${text.length.toString(16)}`;
}
