import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import type {IncomingMessage, ServerResponse} from "node:http";
import {tmpdir} from "node:os";
import path from "node:path";
import type {Connect} from "vite";
import type {ExportRequest} from "../shared/index.ts";
import {refuse, refusePageWrite, send} from "./save-endpoint.ts";

/** Writes one self-contained file of the notebook `file` to `out` (see src/cli/export.ts). */
export type ExportNotebook = (options: {root: string; file: string; out: string; engine?: boolean}) => Promise<unknown>;

const maxTextBytes = 5 * 1024 * 1024;

/**
 * The dev server's export endpoint: a page posts the notebook's current text (and the file it
 * belongs to, whose folder holds its attachments) and receives the single file that
 * `mapt export` writes. The text is exported from a temporary copy of the notebook's folder, so
 * unsaved edits are in the export and the project is never written.
 */
export function exportMiddleware(root: () => string, token: string, loadExporter: () => Promise<ExportNotebook>): Connect.NextHandleFunction {
  return (req, res) => {
    void handleExport(req, res, root(), token, loadExporter).catch((error: unknown) => send(res, refuse(500, String(error))));
  };
}

async function handleExport(req: IncomingMessage, res: ServerResponse, root: string, token: string, loadExporter: () => Promise<ExportNotebook>): Promise<void> {
  // Exporting runs a build and a browser on this machine: only the server's own pages may ask.
  const refusal = refusePageWrite(req, "application/json", token);
  if (refusal) return send(res, refusal);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxTextBytes) return send(res, refuse(413, `a notebook to export may be at most ${maxTextBytes} bytes`));
    chunks.push(chunk);
  }
  let body: ExportRequest;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ExportRequest;
  } catch {
    return send(res, refuse(400, "the body is not JSON"));
  }
  if (typeof body?.text !== "string") return send(res, refuse(400, "expected {text, path?, engine?}"));
  const notebooks = path.join(root, "notebooks");
  let folder: string | undefined;
  if (body.path !== undefined) {
    const file = path.resolve(root, String(body.path));
    if (path.dirname(file) !== notebooks || !existsSync(file)) return send(res, refuse(403, `refused path ${JSON.stringify(body.path)}: only notebooks/<name>.html`));
    folder = notebooks;
  }
  const stage = mkdtempSync(path.join(tmpdir(), "mapt-export-page-"));
  try {
    // The notebook's files (not other notebooks) beside the text, as the export reads them.
    if (folder) for (const name of readdirSync(folder)) if (!name.endsWith(".html") && statSync(path.join(folder, name)).isFile()) copyFileSync(path.join(folder, name), path.join(stage, name));
    const name = body.path ? path.basename(body.path) : "notebook.html";
    writeFileSync(path.join(stage, name), body.text);
    const out = path.join(stage, "export.out.html");
    const exportNotebook = await loadExporter();
    await exportNotebook({root, file: path.join(stage, name), out, engine: body.engine === true});
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    res.end(readFileSync(out));
  } finally {
    rmSync(stage, {recursive: true, force: true});
  }
}
