import {randomBytes, timingSafeEqual} from "node:crypto";
import {lstat, readFile, realpath, rename, rm, writeFile} from "node:fs/promises";
import type {IncomingMessage, ServerResponse} from "node:http";
import path from "node:path";
import type {Connect} from "vite";
import {readNotebook} from "../notebook/index.ts";
import {saveRequestHeader, textVersion, type SaveRequest, type SaveResponse} from "../shared/index.ts";

/** Where the endpoint may write. */
export interface SaveTarget {
  /** The project (Vite) root; request paths are relative to it. */
  root: string;
  /** The notebooks folder: the only folder written to, never below or above it. */
  notebooksDir: string;
}

/** A refusal, with the HTTP status that says why. */
export type Refusal = Extract<SaveResponse, {error: string}>;

/** A refusal with this status and message. */
export const refuse = (status: Refusal["status"], error: string): Refusal => ({status, error} as Refusal);

/** Largest notebook file the endpoint accepts, in bytes. */
const maxNotebookBytes = 5 * 1024 * 1024;

/** The exact form of a notebook file name the endpoint writes. */
const notebookFileName = /^[a-z0-9][a-z0-9_-]*\.html$/;

/**
 * The absolute file a request path names, or a refusal. Accepted: `notebooks/<name>.html`
 * relative to the root, forward slashes, naming a file directly in the notebooks folder, `<name>`
 * lower-case ASCII letters, digits, `-` and `_`. Refused (400) with what is wrong: other
 * characters (upper case, spaces, right-to-left overrides, look-alike slashes, percent-escapes:
 * the path is never decoded), other extensions, `index.html` (the site's own index page).
 * Refused (403): absolute paths, `..` or `.` segments, backslashes, other folders, and symbolic
 * links (even ones pointing inside).
 */
export async function resolveNotebookFile(target: SaveTarget, requested: unknown): Promise<string | Refusal> {
  if (typeof requested !== "string" || requested === "") return refuse(400, "path must be a non-empty string");
  if (requested.startsWith("/") || requested.includes("\\") || /^[a-z]:/i.test(requested)) {
    return refuse(403, `refused path ${JSON.stringify(requested)}: only notebooks/<name>.html may be written`);
  }
  const segments = requested.split("/");
  const name = segments.at(-1)!;
  if (segments.some((s) => s === "" || s === "." || s === "..")) {
    return refuse(403, `refused path ${JSON.stringify(requested)}: only notebooks/<name>.html may be written`);
  }
  const odd = [...requested].find((c) => !/[a-z0-9_./-]/.test(c));
  if (odd !== undefined) {
    const code = `U+${odd.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    return refuse(400, `refused path ${JSON.stringify(requested)}: it has the character ${code}; a notebook file name is lower-case letters a-z, digits, "-" and "_", ending in .html`);
  }
  if (!notebookFileName.test(name)) {
    return refuse(400, `refused name ${JSON.stringify(name)}: a notebook file name is lower-case letters a-z, digits, "-" and "_", ending in .html`);
  }
  if (name === "index.html") return refuse(400, `refused name "index.html": it is the name of the site's index page; choose another name`);
  const notebooksDir = path.resolve(target.notebooksDir);
  const file = path.resolve(target.root, ...segments);
  if (path.dirname(file) !== notebooksDir) {
    return refuse(403, `refused path ${JSON.stringify(requested)}: not directly inside ${path.relative(target.root, notebooksDir) || "."}/`);
  }
  let realDir: string;
  try {
    realDir = await realpath(notebooksDir);
  } catch {
    return refuse(403, "the notebooks folder does not exist");
  }
  const stat = await lstat(file).catch(() => undefined);
  if (stat?.isSymbolicLink()) return refuse(403, `refused path ${JSON.stringify(requested)}: it is a symbolic link`);
  if (stat && !stat.isFile()) return refuse(403, `refused path ${JSON.stringify(requested)}: not a regular file`);
  return path.join(realDir, name);
}

// One save at a time per file, so a check and its write are never interleaved with another's.
const queues = new Map<string, Promise<unknown>>();

/**
 * Saves a notebook file for a page: checks the path (see `resolveNotebookFile`), that the text
 * reads as a notebook without errors, and that the file on disk is still the version the page
 * loaded (`baseVersion`, `null` for a new file); then writes atomically (a temporary file in the
 * same folder renamed over the old one). A changed file answers 409 with the disk's text.
 */
export async function saveNotebookFile(target: SaveTarget, request: unknown): Promise<SaveResponse> {
  const body = request as Partial<SaveRequest> | null;
  if (typeof body !== "object" || body === null) return refuse(400, "expected a JSON object {path, text, baseVersion}");
  if (typeof body.text !== "string") return refuse(400, "text must be a string");
  if (body.baseVersion !== null && typeof body.baseVersion !== "string") return refuse(400, "baseVersion must be a string or null");
  const file = await resolveNotebookFile(target, body.path);
  if (typeof file !== "string") return file;
  const {text, baseVersion} = body as SaveRequest;
  if (!/<notebook[\s>]/i.test(text)) return refuse(422, "the text is not a notebook: it has no <notebook> element");
  const errors = readNotebook(text).diagnostics.filter((d) => d.severity === "error");
  if (errors.length) return refuse(422, `the notebook has errors: ${errors.map((d) => `line ${d.line}: ${d.message}`).join("; ")}`);

  const previous = queues.get(file) ?? Promise.resolve();
  const result = previous.then(() => writeIfUnchanged(file, text, baseVersion));
  queues.set(file, result.catch(() => {}));
  return result;
}

async function writeIfUnchanged(file: string, text: string, baseVersion: string | null): Promise<SaveResponse> {
  const diskText = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  const diskVersion = diskText === null ? null : textVersion(diskText);
  if (diskVersion !== baseVersion) {
    const error = diskText === null
      ? "the file was deleted since this page loaded it"
      : baseVersion === null ? "a file with this name exists" : "the file changed on disk since this page loaded it";
    return {status: 409, error, diskText, diskVersion};
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, {encoding: "utf8", flag: "wx"});
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, {force: true});
    return refuse(500, `could not write ${path.basename(file)}: ${(error as Error).message}`);
  }
  return {status: 200, version: textVersion(text)};
}

/**
 * The dev server middleware answering `POST` {@link SaveRequest}s (mount it at
 * `saveEndpointPath`). Requests must be JSON, carry the `x-mapt-save: 1` header and, when the
 * browser sends an Origin, come from the server's own host.
 */
export function saveMiddleware(target: () => SaveTarget, token: string): Connect.NextHandleFunction {
  return (req, res) => {
    void handleSave(req, res, target(), token).catch((error: unknown) => send(res, refuse(500, String(error))));
  };
}

/**
 * Why a request may not write (not a POST, without the server's token in the save header,
 * another content type, from another origin), or `undefined` when it may. Every endpoint that
 * writes files checks this.
 */
export function refusePageWrite(req: IncomingMessage, contentType: string, token: string): Refusal | undefined {
  if (req.method !== "POST") return refuse(405, "use POST");
  if (!sameToken(req.headers[saveRequestHeader], token)) {
    return refuse(403, `missing or wrong ${saveRequestHeader} header: a write must carry the token of the page this dev server served (reload the page if the server restarted)`);
  }
  if (!String(req.headers["content-type"] ?? "").startsWith(contentType)) return refuse(415, `send ${contentType}`);
  const origin = req.headers.origin;
  if (origin && (origin === "null" || new URL(origin).host !== req.headers.host)) return refuse(403, `refused origin ${origin}`);
  return undefined;
}

/** Whether a request's header is the server's token (compared in constant time). */
function sameToken(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== "string" || token === "") return false;
  const a = Buffer.from(header);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function handleSave(req: IncomingMessage, res: ServerResponse, target: SaveTarget, token: string): Promise<void> {
  const refusal = refusePageWrite(req, "application/json", token);
  if (refusal) return send(res, refusal);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxNotebookBytes) return send(res, refuse(413, `a notebook file may be at most ${maxNotebookBytes} bytes`));
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return send(res, refuse(400, "the body is not JSON"));
  }
  send(res, await saveNotebookFile(target, body));
}

/** Answers a request with `response` as JSON, its status as the HTTP status. */
export function send(res: ServerResponse, response: {status: number}): void {
  res.statusCode = response.status;
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(response));
}
