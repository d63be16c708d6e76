import {escapeAttribute} from "entities/escape";
import {isSpace} from "../shared/index.ts";
import type {ExtraAttribute, TagText} from "./types.ts";

/**
 * Attributes to change in a tag, by lower-case name: the attribute to write (value `null` for a
 * bare one like `pinned`), or `undefined` to remove every attribute of that name.
 */
export type AttributeChanges = Map<string, ExtraAttribute | undefined>;

/**
 * A tag as written with only `changes` applied: every other attribute, the spacing and quoting
 * stay as they were; a changed attribute keeps its place and spelling; a removed one goes with
 * the space before it; a new one is added after the last.
 */
export function rewriteTag(tag: TagText, changes: AttributeChanges): string {
  if (changes.size === 0) return tag.text;
  const text = tag.text;
  let out = "";
  let pos = 0;
  const written = new Set<string>();
  for (const attribute of tag.attributes) {
    const key = attribute.name.toLowerCase();
    if (!changes.has(key)) continue;
    const wanted = changes.get(key);
    if (wanted === undefined || written.has(key)) {
      let start = attribute.start;
      while (start > pos && isSpace(text.charCodeAt(start - 1))) start--;
      out += text.slice(pos, start);
    } else {
      out += text.slice(pos, attribute.start) + writeAttribute({name: attribute.name, value: wanted.value});
      written.add(key);
    }
    pos = attribute.end;
  }
  const insertAt = Math.max(pos, tag.attributes.at(-1)?.end ?? tag.nameEnd);
  let added = "";
  for (const [key, wanted] of changes) if (wanted && !written.has(key)) added += " " + writeAttribute(wanted);
  return out + text.slice(pos, insertAt) + added + text.slice(insertAt);
}

/** The changes that turn attributes `before` into `after` (both lists of attributes we do not interpret). */
export function extraChanges(changes: AttributeChanges, before: ExtraAttribute[], after: ExtraAttribute[]): void {
  const old = new Map(before.map((attribute) => [attribute.name.toLowerCase(), attribute.value]));
  const now = new Map(after.map((attribute) => [attribute.name.toLowerCase(), attribute]));
  for (const key of old.keys()) if (!now.has(key)) changes.set(key, undefined);
  for (const [key, attribute] of now) if (!old.has(key) || old.get(key) !== attribute.value) changes.set(key, attribute);
}

/** ` name="value"` for each attribute, or ` name` for a bare one. */
export function writeAttributes(attributes: ExtraAttribute[]): string {
  return attributes.map((attribute) => " " + writeAttribute(attribute)).join("");
}

function writeAttribute({name, value}: ExtraAttribute): string {
  return value === null ? name : `${name}="${escapeAttribute(value)}"`;
}
