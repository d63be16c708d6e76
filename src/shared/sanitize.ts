import {tokenizeHtml, type HtmlToken} from "./tokenizeHtml.ts";
import {isAllowedAttribute, isDroppedElement, tagName, voidElements, type SanitizePolicy} from "./sanitize-node.ts";

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

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => (c === "&" ? "&amp;" : c === '"' ? "&quot;" : c === "<" ? "&lt;" : "&gt;"));
}
