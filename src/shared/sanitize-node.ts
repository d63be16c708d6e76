// The sanitiser's rules, and the sanitiser of DOM trees: no HTML tokenizer (with its tables of
// entities) here, so pages that only check DOM they built (an HTML cell's, a Markdown cell's
// values) load just this. `sanitizeHtml` (sanitize.ts) applies the same rules to text.
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
export const voidElements = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "frame"]);
/** Attributes that hold URLs a browser follows or loads. */
const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "ping", "srcset", "codebase", "cite", "xml:base"]);
/** Attributes whose URL the browser loads by itself, without a click. */
const loadedAttributes = new Set(["src", "srcset", "poster", "data", "background", "xlink:href"]);
const attributeName = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;
export const tagName = /^[a-z][a-z0-9-]*$/;

/** True when an element of this (lower-case) name is removed, with its content, under `policy`. */
export function isDroppedElement(name: string, policy: SanitizePolicy): boolean {
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
