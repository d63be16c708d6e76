/** Elements that run code, embed other documents or send data elsewhere: removed with their content. */
const dropped = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "meta", "link", "style", "template", "noscript", "portal"]);
/** Attributes that hold URLs a browser follows or loads. */
const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "ping", "srcset"]);
/** Attributes whose URL the browser loads by itself, without a click: only this site's may stay. */
const loadedAttributes = new Set(["src", "srcset", "poster", "data", "background", "xlink:href"]);

/**
 * HTML made inert: no script, no event handler, no `javascript:` (or other scripting) URL, no
 * frame, form, base, meta, link or style element, and nothing loaded from another site (an image
 * from elsewhere would tell that site the page was opened). For content that must be shown before its
 * reader decided to trust it (an untrusted notebook's Markdown and HTML). Pure DOM work on an
 * inert `<template>`: nothing in `html` loads or runs while it is sanitised.
 */
export function sanitizeHtml(html: string, document: Document = globalThis.document): string {
  const template = document.createElement("template");
  template.innerHTML = html;
  sanitizeTree(template.content);
  return template.innerHTML;
}

function sanitizeTree(root: ParentNode): void {
  for (const element of [...root.querySelectorAll("*")]) {
    if (dropped.has(element.localName)) {
      element.remove();
      continue;
    }
    for (const {name, value} of [...element.attributes]) {
      const lower = name.toLowerCase();
      if (lower.startsWith("on") || lower === "srcdoc" || lower === "style" && /url\s*\(|expression\s*\(/i.test(value)) element.removeAttribute(name);
      else if (urlAttributes.has(lower) && !isSafeUrl(value)) element.removeAttribute(name);
      else if (loadedAttributes.has(lower) && loadsElsewhere(value)) element.removeAttribute(name);
      else if (lower === "ping") element.removeAttribute(name);
    }
  }
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
