import {createHash} from "node:crypto";
import {gunzipSync} from "node:zlib";
import {Window} from "happy-dom";
import {describe, expect, it} from "vitest";
import {assembleSingleFile} from "../../src/cli/single-file.ts";

const page = `<!doctype html><html><head><link rel="stylesheet" crossorigin href="./assets/app.css"><link rel="modulepreload" href="./assets/x.js"></head>
<body><header><a class="mapt-home" href="../index.html">MAPT Notebooks</a></header><main class="mapt-notebook" id="mapt-notebook"><p>text</p></main>
<script type="module" crossorigin src="./assets/app.js"></script></body></html>`;

const assets: Record<string, string> = {
  "./assets/app.js": `const a = "</script><script>window.hacked = 1</script>"; const b = "<!-- <script>"; window.ran = a.length + b.length;`,
  "./assets/app.css": `main { color: red } /* </style><script>x</script> */`
};

function assemble(sql: string) {
  return assembleSingleFile({
    html: page,
    readAsset: (url) => assets[url]!,
    frozen: {exported: "2026-12-01T10:00:00.000Z", source: "study.html", results: [{sql, params: [1], ipc: "AAAA"}]},
    failures: [{cell: 3, mode: "js", error: "<b>boom</b>\nstack"}]
  });
}

describe("assembleSingleFile", () => {
  it("inlines the script and stylesheet so that their text cannot end or open elements, and drops links to other files", () => {
    const {text} = assemble("SELECT '</script><img src=x onerror=alert(1)>'");
    const document = new Window().document;
    document.write(text);
    const scripts = [...document.querySelectorAll("script")];
    expect(scripts.map((s) => s.getAttribute("type"))).toEqual(["module", "application/json"]);
    expect(scripts[0]!.textContent).toContain("window.ran");
    expect(document.querySelectorAll("img, link").length).toBe(0);
    expect(document.querySelector("style")!.textContent).toContain("color: red");
    expect(document.querySelector("a.mapt-home")).toBeNull();
    // The file's policy allows exactly its inlined script, by hash, and no request out of the file.
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!;
    const hash = createHash("sha256").update(scripts[0]!.textContent!).digest("base64");
    expect(policy).toContain(`script-src 'sha256-${hash}'`);
    expect(policy).toContain("connect-src data: blob:");
    expect(policy).toContain("default-src 'none'");
  });

  it("leaves the inlined code as it was, whatever markup its strings hold (React's text holds <link rel=stylesheet href=%s>)", () => {
    const library = `const tags = ['<link rel="stylesheet" href="%s">', '<link rel="modulepreload" href="y.js">', '<main id="m">', '</body>', '<head>', '<a class="mapt-home" href="z">Z</a>', "$&"]; window.tags = tags;`;
    const asked: string[] = [];
    const {text} = assembleSingleFile({
      html: page,
      readAsset: (url) => (asked.push(url), url === "./assets/app.js" ? library : assets[url]!),
      frozen: {exported: "2026-12-01T10:00:00.000Z", source: "study.html", results: []},
      failures: []
    });
    expect(asked.sort()).toEqual(["./assets/app.css", "./assets/app.js"]);
    const document = new Window().document;
    document.write(text);
    expect(document.querySelector('script[type="module"]')!.textContent).toBe(library.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--"));
    expect(document.querySelectorAll(".mapt-export-banner").length).toBe(1);
  });

  it("carries the frozen results as JSON that reads back exactly, and a banner naming the export, its source and its failed cells as text", () => {
    const sql = "SELECT '</script><img src=x onerror=alert(1)>'";
    const {text, size} = assemble(sql);
    const document = new Window().document;
    document.write(text);
    const frozen = JSON.parse(document.getElementById("mapt-frozen")!.textContent!);
    expect(frozen.results[0].sql).toBe(sql);
    const banner = document.querySelector(".mapt-export-banner")!;
    expect(banner.textContent).toMatch(/Exported 2026-12-01 10:00 UTC from study\.html/);
    expect(banner.textContent).toContain("cell 3 (<b>boom</b>)");
    expect(banner.querySelector("b")).toBeNull();
    expect(size.total).toBe(new TextEncoder().encode(text).length);
  });

  it("with the engine, carries the worker, the wasm and the tables as compressed blocks that read back to the same bytes, and reports their room", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const engine = {worker: bytes("worker code ".repeat(100)), wasm: bytes("wasm ".repeat(1000)), files: [{name: 'x"<y>.duckdb', bytes: bytes("table")}]};
    const {text, size} = assembleSingleFile({html: page, readAsset: (url) => assets[url]!, frozen: {exported: "2026-12-01T10:00:00.000Z", source: "study.html", results: []}, failures: [], engine});
    const document = new Window().document;
    document.write(text);
    const read = (element: {textContent: string | null} | null) => new TextDecoder().decode(gunzipSync(Buffer.from(element!.textContent!, "base64")));
    expect(read(document.getElementById("mapt-engine-worker"))).toBe("worker code ".repeat(100));
    expect(read(document.getElementById("mapt-engine-wasm"))).toBe("wasm ".repeat(1000));
    const table = document.querySelector("script.mapt-engine-file")!;
    expect(table.getAttribute("data-name")).toBe('x"<y>.duckdb');
    expect(read(table)).toBe("table");
    // Blocks of data, never run: only the inlined module is script.
    expect([...document.querySelectorAll("script")].filter((s) => s.getAttribute("type") === "module").length).toBe(1);
    expect(size.engine).toBeGreaterThan(0);
    expect(size.data).toBeGreaterThan(0);
    expect(document.querySelector(".mapt-export-banner")!.textContent).toContain("the database engine");
    const without = assemble("SELECT 1");
    expect(without.size.engine).toBe(0);
    expect(without.text).not.toContain("mapt-engine");
  });
});
