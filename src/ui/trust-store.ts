import {sha256} from "../share/index.ts";

/** Where this browser keeps the SHA-256 of every notebook text its reader allowed to run. */
const key = "mapt:trusted-notebooks";
const most = 500;

function read(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

/** Whether this browser's reader allowed exactly this notebook text to run before. */
export async function isTrustedText(text: string): Promise<boolean> {
  return read().includes(await sha256(text));
}

/** Remembers that the reader allowed this notebook text to run (its SHA-256, nothing else). */
export async function trustText(text: string): Promise<void> {
  const hash = await sha256(text);
  const hashes = read().filter((item) => item !== hash);
  try {
    localStorage.setItem(key, JSON.stringify([...hashes, hash].slice(-most)));
  } catch {
    // Storage full or off: the notebook stays trusted in its draft record.
  }
}
