/**
 * The Content-Security-Policy of every MAPT page: nothing a page loads or sends leaves its own
 * origin, except to the hosts a notebook lists in its `remote-hosts` attribute (DuckDB and
 * `fetch` may then read from them). Built pages carry it as a `<meta>` tag; the dev server and
 * `mapt check`'s server also send it as a header.
 *
 * Scripts: only the site's own files, never inline script or inline event handlers, and never
 * code made from a string (`eval`, `Function`): a reader page is strict. One relaxation:
 * `'wasm-unsafe-eval'` (DuckDB-WASM and Graphviz compile WebAssembly; it allows no JavaScript).
 * Pages that compile a notebook's code while they run (the editor page of drafts and links, a
 * notebook page's editing twin `x.edit.html`, every page of the dev server) also allow
 * `'unsafe-eval'` (`compile: true`): a policy cannot be loosened in place, so Edit on a strict
 * page moves to its twin (see src/app/editing.ts). Neither relaxation lets a page reach another
 * address: that is `connect-src`, `img-src`, `media-src`, `frame-src`, `font-src` and
 * `form-action`, all held to the page's origin.
 */

/** The notebook attribute that lists the hosts its queries and `fetch` may read from. */
export const remoteHostsAttribute = "remote-hosts";

/** What a `remote-hosts` value holds: the hosts allowed, and the entries refused with why. */
export interface RemoteHosts {
  hosts: string[];
  invalid: string[];
}

// A host name (letters, digits, dots, hyphens) or an IPv4 address, an optional port, and an
// optional http(s) scheme; no paths, wildcards, quotes or semicolons (which would change the policy).
const hostSource = /^(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]{1,5})?$/;

/** Reads a `remote-hosts` value: hosts separated by spaces or commas, lower-cased. */
export function parseRemoteHosts(value: string | null | undefined): RemoteHosts {
  const result: RemoteHosts = {hosts: [], invalid: []};
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const host = entry.toLowerCase().replace(/\/$/, "");
    if (hostSource.test(host)) {
      if (!result.hosts.includes(host)) result.hosts.push(host);
    } else result.invalid.push(entry);
  }
  return result;
}

/** The `remote-hosts` of a notebook's root attributes (`Notebook.extra`). */
export function remoteHostsOf(extra: ReadonlyArray<{name: string; value: string | null}> | undefined): RemoteHosts {
  return parseRemoteHosts(extra?.find((attribute) => attribute.name.toLowerCase() === remoteHostsAttribute)?.value);
}

/** How much a page's scripts may do: `compile` pages also make code from strings (see the module comment). */
export interface PolicyOptions {
  compile?: boolean;
  /**
   * `'sha256-…'` sources of inline scripts the page may run: those of the notebook's page
   * template (its author's page, see src/vite/page-template.ts). Default none; anything that is
   * not such a source is ignored.
   */
  scriptHashes?: readonly string[];
}

const hashSource = /^'sha256-[A-Za-z0-9+/]{43}='$/;

/** The policy of a page whose notebook allows `remoteHosts` (default: none); strict unless `compile`. */
export function contentSecurityPolicy(remoteHosts: readonly string[] = [], options: PolicyOptions = {}): string {
  const remote = remoteHosts.filter((host) => hostSource.test(host));
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...(options.compile ? ["'unsafe-eval'"] : []), ...(options.scriptHashes ?? []).filter((hash) => hashSource.test(hash))].join(" "),
    // Plot, Inputs and KaTeX set styles inline; a style cannot send anything where img-src and font-src forbid.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    // data: and blob: URLs are read in the page itself (small bundled files, files kept in this browser).
    ["connect-src 'self' data: blob:", ...remote].join(" "),
    // DuckDB runs in a worker made from a blob: URL, so it inherits this policy on any host.
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
}

/** The `<meta>` tag that carries {@link contentSecurityPolicy} in a page. */
export function contentSecurityPolicyMeta(remoteHosts: readonly string[] = [], options: PolicyOptions = {}): string {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(remoteHosts, options)}">`;
}

/** Whether a policy lets the page make code from strings (`'unsafe-eval'`). */
export function policyCompiles(policy: string): boolean {
  return /(?:^|;)\s*script-src\b[^;]*'unsafe-eval'/.test(policy);
}

/**
 * A notebook page's editing twin: the same page beside it, `x.edit.html` for `x.html`, whose
 * policy allows compiling (Edit mode, and disk changes under the dev server, compile cells).
 */
export function editingTwinName(pageFileName: string): string {
  return pageFileName.replace(/\.html$/, ".edit.html");
}

/** The meta tag a strict notebook page carries to name its editing twin (relative to the page). */
export const editingTwinMetaName = "mapt-editing-page";
/** The meta tag an editing twin carries to name the page it stands in for (relative to itself). */
export const readerPageMetaName = "mapt-reader-page";

/** The policy a page's `<meta>` tag states, so a server can send the same as a header. */
export function policyOfPage(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html)?.[1];
}
