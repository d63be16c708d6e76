import {createHash} from "node:crypto";
import {tokenizeHtml, type HtmlToken} from "../shared/index.ts";

/**
 * What a notebook page takes from a Notebook Kit page template (`notebooks build --template
 * file`): an HTML page whose `<main>` the notebook's cells go into. Read once per template with
 * {@link readPageTemplate}; `renderNotebookPage` lays the page out with it.
 */
export interface PageTemplate {
  /** The text of the template's `<title>`; Notebook Kit writes the notebook's title before it. Empty: none. */
  title: string;
  /** Markup for the page's `<head>`: the template's styles, stylesheets, icons, scripts and other meta tags. */
  head: string;
  /** The template's `<body>` markup before its `<main>` (all of it when it has no `<main>`). */
  beforeMain: string;
  /** The template's `<body>` markup after its `<main>`. */
  afterMain: string;
  /**
   * The `'sha256-…'` sources of the template's inline scripts, which the page's policy allows
   * by hash (a built page runs no other inline script).
   */
  scriptHashes: string[];
}

/** Head elements MAPT's page writes itself: the template's would repeat or loosen them. */
const ownHeadElements = new Set(["title", "base"]);
/** Elements whose address Vite would otherwise resolve at build time; a template's are left as written (served from its project). */
const addressElements = new Set(["script", "link", "img", "source", "video", "audio", "image", "use", "input"]);

/**
 * Reads a page template. Its `<head>` loses what MAPT's page states itself (charset, viewport,
 * title, base, Content-Security-Policy) and the `@import`s of Notebook Kit's own stylesheets and
 * font packages (`observable:styles/…`, `@fontsource/…`: MAPT's page has its own styles and
 * themes); the rest is kept as written, the template's addresses included, with `vite-ignore`
 * so the build leaves them to be served from the notebook's project. Its `<body>` is split at
 * its first `<main>`, where the notebook goes, as in Notebook Kit (with no `<main>`, the
 * notebook goes after the body's markup). Never throws: a template is the author's page, read
 * as a browser would.
 */
export function readPageTemplate(text: string): PageTemplate {
  const tokens = [...tokenizeHtml(text)];
  const scriptHashes: string[] = [];
  let title = "";
  let region: "before" | "head" | "body" | "after" = "before";
  let head = "";
  let body = "";
  // Where the notebook goes (an offset in `body`), and how deep inside that <main> a token is.
  let mainAt: number | undefined;
  let mainDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const raw = text.slice(token.start, token.end);
    const boundary = boundaryOf(token, raw);
    if (boundary === "skip") continue;
    if (boundary !== undefined) {
      region = boundary;
      continue;
    }
    if (region === "before") {
      if (token.kind === "text" && raw.trim() === "") continue;
      region = token.kind === "startTag" && isHeadElement(token.name) ? "head" : "body";
    }
    if (region === "after") continue;
    if (region === "head" && token.kind === "startTag" && !isHeadElement(token.name)) region = "body";
    // An element that holds text up to its end tag comes as start tag, text, end tag.
    const content = token.kind === "startTag" && tokens[i + 1]?.kind === "rawText" ? tokens[i + 1]! : undefined;
    const end = content && tokens[i + 2]?.kind === "endTag" ? tokens[i + 2]! : undefined;
    const whole = content ? text.slice(token.start, (end ?? content).end) : raw;
    if (content) i += end ? 2 : 1;
    let kept = whole;
    if (token.kind === "startTag") {
      const name = token.name;
      const inner = content ? text.slice(content.start, content.end) : "";
      if (name === "title") {
        title ||= decodeText(inner);
        continue;
      }
      if (region === "head" && (ownHeadElements.has(name) || (name === "meta" && isOwnMeta(token)))) continue;
      if (name === "style") kept = raw + withoutKitImports(inner) + (end ? text.slice(end.start, end.end) : "");
      if (addressElements.has(name) && !hasAttribute(token, "vite-ignore")) kept = withViteIgnore(token, text) + kept.slice(raw.length);
      if (name === "main" && region === "body" && mainAt === undefined) {
        mainAt = body.length;
        mainDepth = 1;
        continue;
      }
      if (name === "main" && mainDepth > 0) mainDepth++;
    }
    if (token.kind === "endTag" && token.name === "main" && mainDepth > 0) {
      mainDepth--;
      continue;
    }
    // What the template's <main> holds is replaced by the notebook.
    if (mainDepth > 0) continue;
    if (region === "head") head += kept;
    else body += kept;
    if (token.kind === "startTag" && token.name === "script" && content && !hasAttribute(token, "src")) {
      const script = text.slice(content.start, content.end);
      if (script.trim() !== "") scriptHashes.push(scriptHash(script));
    }
  }
  const split = mainAt ?? body.length;
  return {title, head: head.trim(), beforeMain: body.slice(0, split).trim(), afterMain: body.slice(split).trim(), scriptHashes};
}

/** The region a token opens (`<head>`, `<body>`, `</body>`), `"skip"` for the page's frame (`<!doctype>`, `<html>`), else `undefined`. */
function boundaryOf(token: HtmlToken, raw: string): "head" | "body" | "after" | "skip" | undefined {
  if (token.kind === "comment") return /^<!doctype/i.test(raw) ? "skip" : undefined;
  if (token.kind !== "startTag" && token.kind !== "endTag") return undefined;
  const start = token.kind === "startTag";
  if (token.name === "head") return start ? "head" : "body";
  if (token.name === "body") return start ? "body" : "after";
  if (token.name === "html") return start ? "skip" : "after";
  return undefined;
}

/**
 * The policy source that allows an inline script: the SHA-256 of its text as the browser reads
 * it (an HTML parser turns CR LF and CR into LF before anything else).
 */
function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script.replace(/\r\n?/g, "\n")).digest("base64")}'`;
}

/** Elements a browser keeps in `<head>` (any other start tag opens the body). */
function isHeadElement(name: string): boolean {
  return ["meta", "link", "style", "script", "title", "base", "noscript", "template"].includes(name);
}

/** `<meta charset>`, viewport and `http-equiv` tags: MAPT's page has its own (a template may not loosen its policy). */
function isOwnMeta(token: Extract<HtmlToken, {kind: "startTag"}>): boolean {
  if (hasAttribute(token, "charset") || hasAttribute(token, "http-equiv")) return true;
  return attributeValue(token, "name")?.toLowerCase() === "viewport";
}

function hasAttribute(token: Extract<HtmlToken, {kind: "startTag"}>, name: string): boolean {
  return token.attributes.some((attribute) => attribute.name.toLowerCase() === name);
}

function attributeValue(token: Extract<HtmlToken, {kind: "startTag"}>, name: string): string | undefined {
  return token.attributes.find((attribute) => attribute.name.toLowerCase() === name)?.value ?? undefined;
}

/** The start tag with a `vite-ignore` attribute added before its `>`. */
function withViteIgnore(token: Extract<HtmlToken, {kind: "startTag"}>, text: string): string {
  const tag = text.slice(token.start, token.end);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).trimEnd()} vite-ignore${tag.slice(close)}`;
}

/**
 * A template stylesheet without the `@import`s of Notebook Kit's own styles (`observable:…`) and
 * of scoped packages (`@fontsource/inter/400.css`), which Notebook Kit's build resolves from
 * its install and MAPT's page replaces with its own styles and fonts.
 */
export function withoutKitImports(css: string): string {
  return css.replace(/^[ \t]*@import\s+(?:url\(\s*)?(["'])([^"']*)\1\s*\)?[^;\n]*;[ \t]*\r?\n?/gm, (line, _quote, address: string) =>
    address.startsWith("observable:") || address.startsWith("@") ? "" : line
  );
}

/** The text of a `<title>` (an RCDATA element: character references decoded). */
function decodeText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'"})[name]!);
}
