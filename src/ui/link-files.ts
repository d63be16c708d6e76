import {sha256, type FileReference} from "../share/index.ts";
import type {ResolvedFile} from "../stdlib/index.ts";
import type {NotebookFiles} from "./notebook-files.ts";

/** What a file's bytes are, to compare with a link's reference. */
export interface FileFingerprint {
  size: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
}

/** A file a link refers to that the page cannot give its cells as it is. */
export interface LinkFileProblem {
  reference: FileReference;
  /** "missing": the page has no file of that name; "different": it has other bytes under that name. */
  kind: "missing" | "different";
}

/** The references of a link that what the page has (by name) does not match. */
export function checkLinkFiles(references: readonly FileReference[], present: ReadonlyMap<string, FileFingerprint>): LinkFileProblem[] {
  return references.flatMap((reference): LinkFileProblem[] => {
    const found = present.get(reference.name);
    if (found === undefined) return [{reference, kind: "missing"}];
    return found.sha256 === reference.sha256 ? [] : [{reference, kind: "different"}];
  });
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;
const bytes = (size: number) => `${size.toLocaleString("en-US")} byte${size === 1 ? "" : "s"}`;

/** What the page and the cells that read the file say about a problem: which file, and what to do. */
export function linkFileMessage({reference, kind}: LinkFileProblem): string {
  const which = `“${reference.name}” (${bytes(reference.size)}, SHA-256 ${short(reference.sha256)})`;
  return kind === "missing"
    ? `The link refers to the file ${which} but does not carry it, and this browser does not have it. Choose that file (ask whoever sent the link for it): it is checked against the link before any cell reads it.`
    : `The “${reference.name}” this browser has is not the file the link refers to, ${which}: its bytes differ. Choose the file that came with the link: it is checked against the link before any cell reads it.`;
}

/** Why a chosen file is not the one a link refers to, or undefined when it is. */
export function chosenFileProblem(reference: FileReference, chosen: FileFingerprint & {name: string}): string | undefined {
  if (chosen.sha256 === reference.sha256) return undefined;
  const how = chosen.size === reference.size
    ? `it has the same size, but its SHA-256 is ${short(chosen.sha256)}, the link's is ${short(reference.sha256)}`
    : `it has ${bytes(chosen.size)}, the link's has ${bytes(reference.size)}`;
  return `“${chosen.name}” is not the file the link refers to as “${reference.name}”: ${how}. Nothing was changed; choose the file that came with the link.`;
}

/** The size and SHA-256 of some bytes. */
export async function fingerprint(blob: Blob): Promise<FileFingerprint> {
  return {size: blob.size, sha256: await sha256(new Uint8Array(await blob.arrayBuffer()))};
}

async function blobOf(file: ResolvedFile): Promise<Blob> {
  if (file.blob) return file.blob;
  const response = await fetch(file.url);
  if (!response.ok) throw new Error(`fetching ${file.url} failed: ${response.status}`);
  return response.blob();
}

/** What the page has of the files a link refers to, by name (files it cannot read are left out). */
export async function presentFiles(references: readonly FileReference[], files: NotebookFiles): Promise<Map<string, FileFingerprint>> {
  const present = new Map<string, FileFingerprint>();
  for (const {name} of references) {
    try {
      const file = files.resolve(name);
      if (file) present.set(name, await fingerprint(await blobOf(file)));
    } catch {
      // Unreadable: as good as missing.
    }
  }
  return present;
}

/**
 * The files a link to the notebook refers to: each file its cells name that the page has, by name,
 * size and SHA-256 (never the bytes). A file the page still waits for (it came by link and was
 * not chosen yet) is referred to as that link did; one the page cannot read now is left out.
 */
export async function linkFileReferences(files: NotebookFiles): Promise<FileReference[]> {
  const references: FileReference[] = [];
  for (const name of files.referenced()) {
    const expected = files.expected(name);
    if (expected) {
      references.push(expected);
      continue;
    }
    try {
      const file = files.resolve(name);
      if (file) references.push({name, ...(await fingerprint(await blobOf(file)))});
    } catch {
      // Unreachable: the link cannot vouch for it.
    }
  }
  return references;
}

const storageKey = (notebook: string) => `mapt-link-files:${notebook}`;

/**
 * Remembers the files a link refers to for the notebook it opened in (`draft:<id>`): the page's
 * address loses the link, and a reload must check the files again.
 */
export function rememberLinkFiles(notebook: string, references: readonly FileReference[]): void {
  try {
    if (references.length) localStorage.setItem(storageKey(notebook), JSON.stringify(references));
    else localStorage.removeItem(storageKey(notebook));
  } catch {
    // Storage unavailable: the check then holds for this visit only.
  }
}

/** The files a link that opened this notebook referred to (none if no link did). */
export function rememberedLinkFiles(notebook: string): FileReference[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(notebook)) ?? "[]");
    return Array.isArray(value) ? value.filter(isReference) : [];
  } catch {
    return [];
  }
}

function isReference(value: unknown): value is FileReference {
  const file = value as FileReference;
  return typeof file === "object" && file !== null && typeof file.name === "string" && typeof file.size === "number" && typeof file.sha256 === "string";
}
