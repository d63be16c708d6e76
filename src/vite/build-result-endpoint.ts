import {createReadStream} from "node:fs";
import type {IncomingMessage, ServerResponse} from "node:http";
import path from "node:path";
import type {CompiledCell} from "../compiler/index.ts";
import {mimeTypeOf} from "../shared/index.ts";
import {runBuildLoaders} from "./build-loaders.ts";
import {runBuildQueries} from "./build-queries.ts";

/** What the endpoint needs from the plugin: a page's current cells and where to cache results. */
export interface BuildResultTarget {
  /** The compiled cells of the notebook page `page` (root-relative) as its file now reads, and its folder; undefined: no such page. */
  cellsOf(page: string): {cells: CompiledCell[]; dir: string} | undefined;
  cacheDir: string;
}

/**
 * The dev server's `buildResultPath` endpoint: runs the build-time query or data loader with
 * `key` of a notebook file as it is on disk (the editor saves it), so an edited cell gets its
 * result without a rebuild. Only cells of the project's notebook pages run, never code sent in
 * the request.
 */
export function buildResultMiddleware(target: () => BuildResultTarget) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "", "http://localhost");
    const page = url.searchParams.get("page") ?? "";
    const key = url.searchParams.get("key") ?? "";
    const {cellsOf, cacheDir} = target();
    const found = req.method === "GET" ? cellsOf(page) : undefined;
    const cell = found?.cells.find((c) => c.query?.key === key || c.loader?.key === key);
    if (found === undefined || cell === undefined) {
      return text(res, 404, `no cell with this query or program in ${page || "(no page)"}: save the notebook, then run the cell again`);
    }
    const [result] = cell.query
      ? await runBuildQueries([cell], found.dir, path.join(cacheDir, "queries"))
      : await runBuildLoaders([cell], found.dir, path.join(cacheDir, "loaders"));
    if (result === undefined || "error" in result) return text(res, 422, result?.error ?? "nothing ran");
    res.statusCode = 200;
    res.setHeader("Content-Type", mimeTypeOf(result.file));
    res.setHeader("Cache-Control", "no-store");
    createReadStream(result.file).pipe(res);
  };
}

function text(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(message);
}
