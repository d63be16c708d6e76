import {createHash} from "node:crypto";
import {gzipSync} from "node:zlib";
import {engineBlocks, type FrozenRecord} from "../data/index.ts";
import {escapeHtml} from "../shared/index.ts";
import type {CellFailure} from "./settle.ts";

/** What goes into a single-file export. */
export interface SingleFileParts {
  /** The built page, which links its script and stylesheet. */
  html: string;
  /** Reads a file the page links, by its URL relative to the page. */
  readAsset(url: string): string;
  frozen: FrozenRecord;
  /** Cells that failed while the export recorded the page (listed in the file's banner). */
  failures: CellFailure[];
  /**
   * "Include the database engine": DuckDB-WASM's worker script and wasm, and the catalog files
   * the page read (by the file name the build gave them), carried gzip-compressed in base64.
   */
  engine?: {worker: Uint8Array; wasm: Uint8Array; files: Array<{name: string; bytes: Uint8Array}>};
}

/** Bytes of a single-file export and what takes the room. */
export interface SizeReport {
  total: number;
  code: number;
  styles: number;
  /** Frozen query results (Arrow IPC, base64). */
  results: number;
  /** Files inlined as `data:` URLs in the code and styles (attachments, fonts). */
  inlinedFiles: number;
  /** DuckDB-WASM's worker and wasm (gzip, base64); 0 without the engine. */
  engine: number;
  /** The catalog tables the engine queries (gzip, base64); 0 without the engine. */
  data: number;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * One HTML file from a built page: its module script and stylesheet inlined, the frozen results
 * in a JSON block, and a banner saying when and from what it was exported and what needs the
 * full app. Pure: the caller reads and writes files.
 */
export function assembleSingleFile(parts: SingleFileParts): {text: string; size: SizeReport} {
  let code = "";
  let styles = "";
  const hashes: string[] = [];
  // Each module script stands as a placeholder until the page's own markup is edited: the
  // edits below must never reach into the code (a library's text may hold `<link ...>`, `<main`
  // or `</body>`), and the code goes in last.
  const scripts: string[] = [];
  const placeholder = (index: number) => `\u0000mapt-script-${index}\u0000`;
  let html = parts.html.replace(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g, (_, url: string) => {
    const script = parts.readAsset(url);
    code += script;
    const inline = inlineScript(script);
    hashes.push(`'sha256-${createHash("sha256").update(inline).digest("base64")}'`);
    scripts.push(inline);
    return `<script type="module">${placeholder(scripts.length - 1)}</script>`;
  });
  // The site's policy allows scripts from its origin; a file has none. This one allows exactly
  // the inlined script (by hash) and lets nothing leave the file: data: and blob: only.
  const policy = [
    "default-src 'none'",
    `script-src ${hashes.join(" ")} 'wasm-unsafe-eval' 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "media-src data: blob:",
    "font-src data:",
    "connect-src data: blob:",
    "worker-src blob:",
    "frame-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join("; ");
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, "");
  html = html.replace(/<head>/i, `<head>\n<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  html = html.replace(/<link rel="stylesheet"[^>]*\shref="([^"]+)"[^>]*>/g, (_, url: string) => {
    const css = parts.readAsset(url);
    styles += css;
    return `<style>${css.replace(/<\/style/gi, "<\\/style")}</style>`;
  });
  html = html.replace(/<link rel="modulepreload"[^>]*>\n?/g, "");
  // The site's index page is not in the file.
  html = html.replace(/<a class="mapt-home" href="[^"]*">([^<]*)<\/a>/, '<span class="mapt-home">$1</span>');
  const frozen = JSON.stringify(parts.frozen).replace(/</g, "\\u003c");
  html = html.replace(/<main\b[^>]*>/, (open) => `${open}\n${banner(parts)}`);
  // Blocks of data (not script: never run, so the policy needs no hash for them).
  const block = (attributes: string, data: Uint8Array) => `<script type="application/octet-stream" ${attributes}>${gzipSync(data, {level: 9}).toString("base64")}</script>\n`;
  const engine = parts.engine ? block(`id="${engineBlocks.worker}"`, parts.engine.worker) + block(`id="${engineBlocks.wasm}"`, parts.engine.wasm) : "";
  const data = (parts.engine?.files ?? []).map((file) => block(`class="${engineBlocks.file}" data-name="${escapeHtml(file.name)}"`, file.bytes)).join("");
  html = html.replace("</body>", () => `<script type="application/json" id="mapt-frozen">${frozen}</script>\n${engine}${data}</body>`);
  html = html.replace(/\u0000mapt-script-(\d+)\u0000/g, (_, index: string) => scripts[Number(index)]!);
  const inlined = [...(code + styles).matchAll(/data:[a-z]+\/[-+.\w]+;base64,[A-Za-z0-9+/=]+/g)].reduce((n, m) => n + m[0].length, 0);
  return {
    text: html,
    size: {total: bytes(html), code: bytes(code) - inlined, styles: bytes(styles), results: bytes(frozen), inlinedFiles: inlined, engine: bytes(engine), data: bytes(data)}
  };
}

/** A module's text, safe inside `<script>`: no `</script` or `<!--` can end or change it. */
function inlineScript(script: string): string {
  return script.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");
}

function banner({frozen, failures, engine}: SingleFileParts): string {
  const when = frozen.exported.slice(0, 16).replace("T", " ");
  const failed = failures.length
    ? `<p>When it was exported, ${failures.length === 1 ? "one cell" : `${failures.length} cells`} failed: ${failures
        .map((f) => `cell ${f.cell} (${escapeHtml(f.error.split("\n")[0] ?? "")})`)
        .join("; ")}.</p>`
    : "";
  const about = engine
    ? "This one file holds the notebook, its results as they were then, and the database engine with the data its queries read: it opens from disk with no network.</p><p>Inputs work: a query asked for other values runs on the engine in this file (it starts on the first such change, which takes a few seconds). Attaching data and editing need the full app."
    : "This one file holds the notebook and its results as they were then: it opens from disk with no network and no database engine.</p><p>Inputs that only change what is drawn still work. An input that changes a query shows the exported result: running queries again, attaching data and editing need the full app.";
  return `<aside class="mapt-export-banner" role="note"><p><strong>Exported ${escapeHtml(when)} UTC from ${escapeHtml(frozen.source)}</strong> with MAPT Notebooks. ${about}</p>${failed}</aside>`;
}
