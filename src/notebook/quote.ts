/** A short quotation of the user's text for a message: JSON-quoted, cut after 40 characters. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text);
}
