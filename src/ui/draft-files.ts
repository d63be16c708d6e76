import {filesStoreName, transact} from "./drafts.ts";
import type {NotebookFiles} from "./notebook-files.ts";

/** A data file attached to a notebook kept in this browser, as IndexedDB stores it. */
export interface DraftFile {
  /** The notebook's key: "draft:<id>", or the page path of a notebook edited here. */
  notebook: string;
  /** The name cells give `FileAttachment`, e.g. "deaths.csv". */
  name: string;
  /** The bytes. IndexedDB keeps the Blob itself: storing it reads nothing into the page's memory. */
  blob: Blob;
  /** Its MIME type ("" when the browser did not know). */
  type: string;
  /** Its size in bytes. */
  size: number;
  /** `Date.now()` when it was attached. */
  time: number;
}

/** The record that attaches `blob` to a notebook as `name`. */
export function draftFile(notebook: string, name: string, blob: Blob, time: number): DraftFile {
  return {notebook, name, blob, type: blob.type, size: blob.size, time};
}

/** Stores a notebook's file, replacing one of the same name. */
export async function writeDraftFile(file: DraftFile): Promise<void> {
  await transact("readwrite", (tx) => tx.objectStore(filesStoreName).put(file), [filesStoreName]);
}

/** Every file attached to a notebook kept in this browser, by name. */
export function listDraftFiles(notebook: string): Promise<DraftFile[]> {
  return transact("readonly", (tx) => tx.objectStore(filesStoreName).getAll(IDBKeyRange.bound([notebook], [notebook, []])) as IDBRequest<DraftFile[]>, [filesStoreName]);
}

/** Makes the files kept in this browser for notebook `key` resolvable on the page (an unreadable store adds none). */
export async function restoreDraftFiles(files: NotebookFiles, key: string): Promise<void> {
  for (const kept of await listDraftFiles(key).catch(() => [])) {
    files.set(kept.name, {url: URL.createObjectURL(kept.blob), mimeType: kept.type || undefined, blob: kept.blob});
  }
}

/** Removes every file kept for notebook `key` (an unreadable store removes none). */
export async function deleteDraftFiles(key: string): Promise<void> {
  await transact("readwrite", (tx) => tx.objectStore(filesStoreName).delete(IDBKeyRange.bound([key], [key, []])), [filesStoreName]).catch(() => {});
}
