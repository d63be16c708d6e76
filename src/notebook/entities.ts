// The few named references a notebook title or attribute plausibly holds; others stay as written.
const named: Record<string, string> = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0"};

/** Replaces HTML character references (`&amp;`, `&#39;`, `&#x27;`) with the characters they name. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (match, dec, hex, name) => {
    if (name !== undefined) return named[name] ?? match;
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

/** Escapes text for an element's content (`<title>`): `&`, `<` and `>`. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes a value for a double-quoted attribute: `&`, `"`, `<` and `>`. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;");
}
