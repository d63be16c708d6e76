import {tokenizeHtml, type HtmlToken} from "./tokenizeHtml.ts";

/**
 * Whose HTML is sanitised. `"trusted"`: a notebook its reader runs; the author's markup (styles,
 * forms, images from elsewhere) is kept, but nothing in it runs script. `"untrusted"`: shown
 * before its reader decided to trust it; also no style, form or template element, and nothing
 * loaded from another site (an image from elsewhere would tell that site the page was opened).
 */
export type SanitizePolicy = "trusted" | "untrusted";

/** Elements that run code, embed other documents or rewrite the page: removed with their content. */
const droppedAlways = new Set([
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "portal", "noscript", "template",
  // Raw-text elements nobody writes in a notebook; their content would be read as text elsewhere.
  "xmp", "noembed", "noframes", "plaintext",
  // SVG animation can set an `href` to a `javascript:` URL after the markup was checked.
  "animate", "set", "animatemotion", "animatetransform", "handler", "listener"
]);
const droppedUntrusted = new Set([...droppedAlways, "form", "style"]);
/** Elements with no content: dropping one drops just its tag. */
const voidElements = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "frame"]);
/** Attributes that hold URLs a browser follows or loads. */
const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "ping", "srcset", "codebase", "cite", "xml:base"]);
/** Attributes whose URL the browser loads by itself, without a click. */
const loadedAttributes = new Set(["src", "srcset", "poster", "data", "background", "xlink:href"]);
const attributeName = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;
const tagName = /^[a-z][a-z0-9-]*$/;

/** True when an element of this (lower-case) name is removed, with its content, under `policy`. */
function isDroppedElement(name: string, policy: SanitizePolicy): boolean {
  return (policy === "trusted" ? droppedAlways : droppedUntrusted).has(name);
}

/**
 * True when an attribute may stay under `policy`: never an event handler (`on*`), `srcdoc`, a
 * scripting URL (`javascript:`, `vbscript:`, `data:` other than images) or a CSS expression.
 * `value` is the attribute's decoded value.
 */
export function isAllowedAttribute(name: string, value: string, policy: SanitizePolicy): boolean {
  const lower = name.toLowerCase();
  if (!attributeName.test(name) || lower.startsWith("on") || lower === "srcdoc") return false;
  if (lower === "style") return policy === "trusted" ? !/expression\s*\(|javascript:/i.test(value) : !/url\s*\(|expression\s*\(/i.test(value);
  if (urlAttributes.has(lower) && !isSafeUrl(value)) return false;
  if (policy === "untrusted" && (lower === "ping" || (loadedAttributes.has(lower) && loadsElsewhere(value)))) return false;
  return true;
}

/**
 * HTML made inert: no script, no event handler, no `javascript:` (or other scripting) URL, no
 * frame, `srcdoc`, base, meta or link element; under `"untrusted"` also no style, form or loads
 * from elsewhere (see {@link SanitizePolicy}). Works on text (no DOM needed, so the build can
 * sanitise static Markdown): the HTML is tokenized as a browser would and written out again
 * with every attribute re-quoted and every stray `<` escaped, so the browser reads the result
 * as exactly the tags that were checked. Comments are dropped.
 */
export function sanitizeHtml(html: string, policy: SanitizePolicy = "untrusted"): string {
  let out = "";
  // While > 0, tokens belong to a dropped element: `skipping` is its name, `depth` its nesting.
  let skipping = "";
  let depth = 0;
  let keptRawText = "";
  for (const token of tokenizeHtml(html)) {
    if (depth > 0) {
      if (token.kind === "startTag" && token.name === skipping && !token.selfClosing) depth++;
      else if (token.kind === "endTag" && token.name === skipping) depth--;
      continue;
    }
    switch (token.kind) {
      case "text":
        out += html.slice(token.start, token.end).replaceAll("<", "&lt;");
        break;
      case "comment":
      case "unfinishedTag":
        break;
      case "startTag":
        if (isDroppedElement(token.name, policy) || !tagName.test(token.name)) {
          if (!voidElements.has(token.name) && !token.selfClosing && tagName.test(token.name)) {
            skipping = token.name;
            depth = 1;
          }
          break;
        }
        out += startTag(token, policy);
        keptRawText = token.name;
        break;
      case "rawText":
        // Only kept raw-text elements get here (title, textarea, and style when trusted): escape
        // every `<` so that, in any context (inside <svg> a <style> holds markup), it stays text.
        out += html.slice(token.start, token.end).replaceAll("<", keptRawText === "style" ? "\\3c " : "&lt;");
        if (!token.closed) out += `</${keptRawText}>`;
        break;
      case "endTag":
        if (!isDroppedElement(token.name, policy) && tagName.test(token.name)) out += `</${token.name}>`;
        break;
    }
  }
  return out;
}

function startTag(token: Extract<HtmlToken, {kind: "startTag"}>, policy: SanitizePolicy): string {
  let out = `<${token.name}`;
  for (const {name, value} of token.attributes) {
    if (!isAllowedAttribute(name, value ?? "", policy)) continue;
    out += value === null ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
  }
  return out + (token.selfClosing ? "/>" : ">");
}

/**
 * Sanitises a DOM tree in place, with the same rules as {@link sanitizeHtml}: for markup built
 * by code (an HTML cell's `htl` result, a Markdown cell after its values were inserted). Event
 * handlers set as properties (`onclick=${function}` in htl) are not attributes and stay.
 * Returns `root`, or an empty fragment when `root` itself is a dropped element.
 */
export function sanitizeNode(root: Node, policy: SanitizePolicy): Node {
  if (isElement(root) && isDroppedElement(root.localName, policy)) return root.ownerDocument.createDocumentFragment();
  const elements: Element[] = isElement(root) ? [root, ...root.querySelectorAll("*")] : isParent(root) ? [...root.querySelectorAll("*")] : [];
  for (const element of elements) {
    if (element !== (root as Node) && isDroppedElement(element.localName, policy)) {
      element.remove();
      continue;
    }
    for (const {name, value} of [...element.attributes]) {
      if (!isAllowedAttribute(name, value, policy)) element.removeAttribute(name);
    }
  }
  return root;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function isParent(node: Node): node is Node & ParentNode {
  return typeof (node as Partial<ParentNode>).querySelectorAll === "function";
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => (c === "&" ? "&amp;" : c === '"' ? "&quot;" : c === "<" ? "&lt;" : "&gt;"));
}

/** True for URLs that cannot run script: relative ones and http(s), mailto, and images as data. */
function isSafeUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme === undefined) return true;
  if (scheme === "http" || scheme === "https" || scheme === "mailto") return true;
  return scheme === "data" && /^data:image\/(png|gif|jpeg|webp);/.test(compact);
}

/** True when loading the URL would contact another site (an absolute or protocol-relative address). */
function loadsElsewhere(value: string): boolean {
  return value.split(",").some((part) => /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(part.replace(/[\u0000-\u001f]/g, "")));
}
