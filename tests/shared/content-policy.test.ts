import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import {readNotebook} from "../../src/notebook/index.ts";
import {contentSecurityPolicy, parseRemoteHosts, policyCompiles, policyOfPage} from "../../src/shared/index.ts";
import {notebookRisks} from "../../src/ui/notebook-risks.ts";
import {editingTwinHtml, renderNotebookPage} from "../../src/vite/notebook-page.ts";

/** The policy's directives, by name. */
const directives = (policy: string) => new Map(policy.split(/;\s*/).map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));

const page = (attributes: string, options: {compile?: boolean; fileName?: string} = {}) =>
  renderNotebookPage(`<!doctype html>\n<notebook${attributes}>\n  <title>T</title>\n  <script id="1" type="module">\n    1\n  </script>\n</notebook>\n`, {
    moduleId: "virtual:page",
    rootUrl: "./",
    stylesheet: "/styles.css",
    ...options
  });

describe("the Content-Security-Policy", () => {
  it("holds every way out of a page to its own origin and allows no inline script", () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // data: and blob: URLs never leave the page.
    expect(policy.get("connect-src")).toEqual(["'self'", "data:", "blob:"]);
    for (const name of ["img-src", "media-src"]) expect(policy.get(name), name).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("frame-src")).toEqual(["'self'", "blob:"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("is strict unless the page compiles code as it runs: no eval, only WebAssembly", () => {
    expect(directives(contentSecurityPolicy()).get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policyCompiles(contentSecurityPolicy())).toBe(false);
    const compiling = contentSecurityPolicy(["data.example.org"], {compile: true});
    expect(directives(compiling).get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"]);
    expect(policyCompiles(compiling)).toBe(true);
    // Only script-src decides; the same word elsewhere does not.
    expect(policyCompiles("default-src 'self'; style-src 'unsafe-eval'")).toBe(false);
  });

  it("a built page names its editing twin, whose policy compiles and which names the page back; the dev server's pages compile", () => {
    const strict = page(' remote-hosts="data.example.org"', {fileName: "x.html"});
    expect(policyCompiles(policyOfPage(strict.html)!)).toBe(false);
    expect(strict.html).toContain('<meta name="mapt-editing-page" content="x.edit.html">');
    const twin = editingTwinHtml(strict.html, strict, "x.html");
    expect(policyOfPage(twin)).toBe(contentSecurityPolicy(["data.example.org"], {compile: true}));
    expect(twin).toContain('<meta name="mapt-reader-page" content="x.html">');
    expect(twin).not.toContain("mapt-editing-page");
    // Everything but those two tags is the same page.
    const strip = (html: string) => html.replace(/<meta (http-equiv|name)="(Content-Security-Policy|mapt-[a-z-]+)"[^>]*>/g, "");
    expect(strip(twin)).toBe(strip(strict.html));
    const served = page("", {compile: true, fileName: "x.html"});
    expect(policyCompiles(policyOfPage(served.html)!)).toBe(true);
    expect(served.html).not.toContain("mapt-editing-page");
  });

  it("a built page states it in a meta tag, with the hosts its notebook lists in remote-hosts in connect-src", () => {
    const plain = policyOfPage(page("").html);
    expect(plain).toBe(contentSecurityPolicy());
    const remote = directives(policyOfPage(page(' remote-hosts="data.example.org, stats.example.net:8443"').html)!);
    expect(remote.get("connect-src")).toEqual(["'self'", "data:", "blob:", "data.example.org", "stats.example.net:8443"]);
    expect(remote.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("an entry of remote-hosts that is not a host is ignored and named on the page, and cannot change the policy", () => {
    const {html} = page(` remote-hosts="ok.example.org *.evil.org 'unsafe-inline'; x;script-src http://a/b"`);
    const policy = directives(policyOfPage(html)!);
    expect(policy.get("connect-src")).toEqual(["'self'", "data:", "blob:", "ok.example.org"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const document = new new Window().DOMParser().parseFromString(html, "text/html");
    const notice = document.querySelector("aside.mapt-diagnostics:not([hidden]) li")?.textContent ?? "";
    expect(notice).toContain('remote-hosts: "*.evil.org"');
    expect(notice).toContain("are not hosts");
  });

  it("parseRemoteHosts reads hosts separated by spaces or commas, with an optional scheme and port", () => {
    expect(parseRemoteHosts("A.example.org  https://b.example.org/,127.0.0.1:8080")).toEqual({hosts: ["a.example.org", "https://b.example.org", "127.0.0.1:8080"], invalid: []});
    expect(parseRemoteHosts("ftp://x.org a/b").invalid).toEqual(["ftp://x.org", "a/b"]);
    expect(parseRemoteHosts(undefined)).toEqual({hosts: [], invalid: []});
  });

  it("the trust banner's list of risks names the hosts a notebook asks to read from", () => {
    const {notebook} = readNotebook(`<notebook remote-hosts="data.example.org"><script id="1" type="module">1</script></notebook>`);
    expect(notebookRisks(notebook).remoteHosts).toEqual(["data.example.org"]);
  });
});
