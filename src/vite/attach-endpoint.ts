import {randomBytes} from "node:crypto";
import {lstat, open, rename, rm} from "node:fs/promises";
import type {IncomingMessage, ServerResponse} from "node:http";
import path from "node:path";
import type {Connect} from "vite";
import {checkTableFileSize, MAX_TABLE_FILE_BYTES, maybeTableFormat} from "../data/index.ts";
import {ATTACHMENT_EXTENSIONS, isAttachmentFileName, type AttachResponse} from "../shared/index.ts";
import {refusePageWrite, resolveNotebookFile, send, type SaveTarget} from "./save-endpoint.ts";

/** A refusal, with the HTTP status that says why. */
type Refusal = Extract<AttachResponse, {error: string}>;

const refuse = (status: Refusal["status"], error: string): Refusal => ({status, error});

/**
 * Where a data file attached to `notebook` is written: directly beside it, in the notebooks
 * folder, under a name of the form `maybeAttachmentName` makes. The notebook must be a file the
 * save endpoint could write (the same rules) and exist; the target may not be a link or a folder.
 */
export async function resolveAttachmentFile(target: SaveTarget, notebook: unknown, name: unknown): Promise<string | Refusal> {
  const notebookFile = await resolveNotebookFile(target, notebook);
  // The save endpoint's refusals of a path (400, 403) are attach refusals too.
  if (typeof notebookFile !== "string") return notebookFile as Refusal;
  if (!(await lstat(notebookFile).catch(() => undefined))?.isFile()) return refuse(404, `there is no notebook ${JSON.stringify(notebook)} to attach a file to`);
  if (typeof name !== "string" || !isAttachmentFileName(name)) {
    const extensions = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(", ");
    return refuse(403, `refused file name ${JSON.stringify(name)}: an attached file is named with lower-case letters, digits, "-" and "_", and ends in ${extensions}`);
  }
  const file = path.join(path.dirname(notebookFile), name);
  const stat = await lstat(file).catch(() => undefined);
  if (stat?.isSymbolicLink()) return refuse(403, `refused file name ${JSON.stringify(name)}: it is a symbolic link`);
  if (stat && !stat.isFile()) return refuse(403, `refused file name ${JSON.stringify(name)}: not a regular file`);
  return file;
}

/**
 * Writes `body` to `file` atomically (a temporary file in the same folder, renamed over the old
 * one once complete), refusing, and writing nothing, past `maxBytes`.
 */
export async function writeAttachment(file: string, body: AsyncIterable<Uint8Array>, maxBytes: number, tooLarge: (size: number) => string): Promise<Refusal | undefined> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx");
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) {
        await handle.close();
        await rm(temporary, {force: true});
        return refuse(413, tooLarge(size));
      }
      await handle.write(chunk);
    }
    await handle.close();
    await rename(temporary, file);
    return undefined;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, {force: true});
    return refuse(500, `could not write ${path.basename(file)}: ${(error as Error).message}`);
  }
}

/**
 * The dev server middleware that attaches data files (mount it at `attachEndpointPath`): `POST`
 * the bytes as `application/octet-stream` with `?notebook=notebooks/x.html&name=deaths.csv`.
 * Requests pass the save endpoint's checks (`refusePageWrite`); files larger than a page can
 * load as a table are refused, by their Content-Length before any byte is read. `written` is
 * told each file written.
 */
export function attachMiddleware(target: () => SaveTarget, token: string, written: (file: string) => void): Connect.NextHandleFunction {
  return (req, res) => {
    void handleAttach(req, res, target(), token, written).catch((error: unknown) => send(res, refuse(500, String(error))));
  };
}

async function handleAttach(req: IncomingMessage, res: ServerResponse, target: SaveTarget, token: string, written: (file: string) => void): Promise<void> {
  const refusal = refusePageWrite(req, "application/octet-stream", token);
  if (refusal) return send(res, refusal);
  const query = new URL(req.url ?? "", "http://localhost").searchParams;
  const name = query.get("name");
  const file = await resolveAttachmentFile(target, query.get("notebook"), name);
  if (typeof file !== "string") return send(res, file);
  const format = maybeTableFormat(file)!;
  const tooLarge = (size: number) => {
    try {
      checkTableFileSize(size, format, name!);
    } catch (error) {
      return (error as Error).message;
    }
    return `"${name}" is larger than a page can load as a table`;
  };
  const length = Number(req.headers["content-length"]);
  if (Number.isFinite(length) && length > MAX_TABLE_FILE_BYTES[format]) return send(res, refuse(413, tooLarge(length)));
  const failed = await writeAttachment(file, req as AsyncIterable<Uint8Array>, MAX_TABLE_FILE_BYTES[format], tooLarge);
  if (failed) return send(res, failed);
  written(file);
  const response: AttachResponse = {status: 200, path: path.relative(target.root, file).split(path.sep).join("/")};
  send(res, response);
}
