import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import path from "node:path";
import {contentTypeOf} from "../shared/index.ts";

/** A running static file server. */
export interface StaticServer {
  /** Base URL, ending in "/". */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder as any plain static host would: files as they are, no rewrites, no special
 * headers. The built site must work from exactly this.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return void response.writeHead(404).end("not found");
    response.writeHead(200, {
      "content-type": contentTypeOf(file),
      "content-length": statSync(file).size
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
