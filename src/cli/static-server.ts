import {createReadStream, existsSync, readFileSync, realpathSync, statSync} from "node:fs";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import path from "node:path";
import {contentSecurityPolicy, contentTypeOf, policyOfPage} from "../shared/index.ts";

/** A running static file server. */
export interface StaticServer {
  /** Base URL, ending in "/". */
  url: string;
  close(): Promise<void>;
}

/** A folder served under a URL path of its own, for files the site does not have there. */
export interface StaticMount {
  /** URL path, starting and ending in "/", e.g. "/.mapt/stage-1/0/". */
  urlPath: string;
  dir: string;
  /**
   * A symbolic link in `dir` may lead anywhere inside this folder (the notebook's project) but
   * into a hidden folder; given, hidden files are never served. Default: links stay in `dir`.
   */
  linkRoot?: string;
  /**
   * The folder a site-root address (`/public/logo.svg`) of this mount's pages names, as on the
   * site its project builds (see `notebookKitSite`): a path the site has no file for, asked by a
   * page under `urlPath` (its `Referer`), is looked for there, under `linkRoot`'s rules.
   * Default: such a path is not found.
   */
  siteRoot?: string;
}

/** Where a request's path leads: a file to serve, or the status that answers it. */
export type RequestTarget = {file: string} | {status: 400 | 403 | 404; reason: string};

/**
 * The file a request URL names inside `root`, decided without trusting the URL: the path is
 * percent-decoded once (a malformed escape is 400), may not hold NUL, backslashes or `..`
 * segments (400 or 403), and the file, once symbolic links are followed, must still be inside
 * `root` (a sibling folder whose name starts with the root's is outside), or inside `linkRoot`
 * outside its hidden folders when one is given. A folder means its `index.html`.
 */
export function resolveRequestPath(root: string, url: string, linkRoot?: string): RequestTarget {
  const raw = url.split(/[?#]/, 1)[0]!;
  if (!raw.startsWith("/")) return {status: 400, reason: "the path does not start with /"};
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return {status: 400, reason: "malformed percent-escape"};
  }
  if (/[\u0000-\u001f\u007f]/.test(pathname)) return {status: 400, reason: "control character in the path"};
  if (pathname.includes("\\")) return {status: 400, reason: "backslash in the path"};
  const segments = pathname.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) return {status: 403, reason: "the path leaves the site"};
  // A served project (a mount with its linkRoot) keeps its hidden files (.git, .env) to itself.
  if (linkRoot !== undefined && segments.some((s) => s.startsWith("."))) return {status: 403, reason: "a hidden file"};
  const base = path.resolve(root);
  let file = path.join(base, ...segments);
  if (!isInside(base, file)) return {status: 403, reason: "the path leaves the site"};
  if (!existsSync(file)) return {status: 404, reason: "not found"};
  const realBase = realpathSync(base);
  const realLinkRoot = linkRoot !== undefined && existsSync(linkRoot) ? realpathSync(linkRoot) : undefined;
  const allowed = (real: string) =>
    isInside(realBase, real) || (realLinkRoot !== undefined && isInside(realLinkRoot, real) && !path.relative(realLinkRoot, real).split(path.sep).some((s) => s.startsWith(".")));
  if (!allowed(realpathSync(file))) return {status: 403, reason: "a link out of the site"};
  if (statSync(file).isDirectory()) {
    file = path.join(file, "index.html");
    if (!existsSync(file)) return {status: 404, reason: "not found"};
    if (!allowed(realpathSync(file))) return {status: 403, reason: "a link out of the site"};
  }
  if (!statSync(file).isFile()) return {status: 404, reason: "not found"};
  return {file};
}

/** The path of a `Referer` header's URL, or `undefined`. */
function refererPath(referer: string | undefined): string | undefined {
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).pathname;
  } catch {
    return undefined;
  }
}

/**
 * The one byte range a `Range` header asks of a file of `size` bytes (`bytes=0-99`, `bytes=100-`,
 * `bytes=-100`), clamped to the file; `"unsatisfiable"` when it starts past the end; `undefined`
 * (serve the whole file) for anything else, several ranges included, as a host may.
 */
export function parseByteRange(header: string, size: number): {start: number; end: number} | "unsatisfiable" | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    return suffix === 0 ? "unsatisfiable" : {start: Math.max(0, size - suffix), end: size - 1};
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return "unsatisfiable";
  return end < start ? undefined : {start, end};
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Serves a folder as any plain static host would: files as they are (a single byte range of one
 * when asked, as DuckDB's range reads of a large file do), no rewrites. One header
 * more than a plain host: each response carries the page's Content-Security-Policy (an HTML
 * page's own `<meta>` policy, else MAPT's default), so what the page may contact is enforced
 * twice. `mounts` serve other folders (a checked notebook's own folder) where the site has no file.
 */
export async function serveStatic(dir: string, options: {mounts?: StaticMount[]} = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const mounts = options.mounts ?? [];
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    let target = resolveRequestPath(root, url);
    if ("status" in target && target.status === 404) {
      const mount = mounts.find((m) => url.startsWith(m.urlPath));
      if (mount) target = resolveRequestPath(mount.dir, url.slice(mount.urlPath.length - 1), mount.linkRoot);
      else {
        const from = refererPath(request.headers.referer);
        const site = mounts.find((m) => m.siteRoot !== undefined && from?.startsWith(m.urlPath));
        if (site) target = resolveRequestPath(site.siteRoot!, url, site.linkRoot ?? site.siteRoot);
      }
    }
    if ("status" in target) return void response.writeHead(target.status, {"content-type": "text/plain; charset=utf-8"}).end(target.reason);
    const {file} = target;
    const html = /\.html?$/i.test(file);
    const size = statSync(file).size;
    const headers = {
      "content-type": contentTypeOf(file),
      "accept-ranges": "bytes",
      "content-security-policy": (html && policyOfPage(readFileSync(file, "utf8"))) || contentSecurityPolicy()
    };
    const range = request.headers.range === undefined ? undefined : parseByteRange(request.headers.range, size);
    if (range === "unsatisfiable") return void response.writeHead(416, {...headers, "content-range": `bytes */${size}`}).end();
    const {start, end} = range ?? {start: 0, end: size - 1};
    response.writeHead(range ? 206 : 200, {
      ...headers,
      "content-length": Math.max(0, end - start + 1),
      ...(range && {"content-range": `bytes ${start}-${end}/${size}`})
    });
    if (request.method === "HEAD" || end < start) return void response.end();
    createReadStream(file, {start, end}).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    })
  };
}
