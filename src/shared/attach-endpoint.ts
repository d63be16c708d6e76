/**
 * The protocol between a notebook page and the dev server's attach endpoint
 * (src/vite/attach-endpoint.ts), which writes a data file beside a notebook in `notebooks/`.
 * Requests carry the save endpoint's header and pass its checks; a static build has neither.
 */

/**
 * URL path of the dev-only attach endpoint: `POST` the file's bytes (`application/octet-stream`)
 * to `${attachEndpointPath}?notebook=<notebooks/x.html>&name=<file name>`.
 */
export const attachEndpointPath = "/__mapt/attach";

/** What the endpoint answers. The HTTP status is `status`. */
export type AttachResponse =
  /** Written: `path` is the file, relative to the project root ("notebooks/deaths.csv"). */
  | {status: 200; path: string}
  | {status: 400 | 403 | 404 | 405 | 411 | 413 | 415 | 500; error: string};
