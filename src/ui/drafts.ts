import {readNotebook} from "../notebook/index.ts";

/**
 * Unsaved work in the browser: every edit of a notebook lands in IndexedDB (debounced, within a
 * second), keyed by notebook, with its last versions kept. The pure record helpers are separate
 * from the IndexedDB edge so they can be tested anywhere.
 */

/** One saved state of a notebook's text. */
export interface DraftVersion {
  /** `Date.now()` when it was written. */
  time: number;
  text: string;
}

/** What IndexedDB keeps for one notebook. */
export interface DraftRecord {
  /** The notebook's key: its page path ("notebooks/kenya.html") or "draft:<id>" for new ones. */
  key: string;
  title: string;
  /** Oldest first, at most {@link maxDraftVersions}. */
  versions: DraftVersion[];
  /** True when the newest version is not in the notebook's file (or the file does not exist). */
  unsaved: boolean;
  /**
   * Whether the notebook may run when opened. False for a notebook that came from elsewhere (a
   * file, a link) until its reader clicked Run. Absent in records made before it existed: trusted.
   */
  trusted?: boolean;
}

/** How many versions of each notebook are kept. */
export const maxDraftVersions = 20;

/** The record with `text` as its newest version (unless it already is), marked unsaved. */
export function addDraftVersion(record: DraftRecord, text: string, time: number, title = record.title): DraftRecord {
  const last = record.versions.at(-1);
  const versions = last?.text === text ? record.versions : [...record.versions, {time, text}].slice(-maxDraftVersions);
  return {...record, title, versions, unsaved: true};
}

/** A fresh id for a notebook made or opened in this browser (its key is "draft:<id>"). */
function newDraftId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Stores a notebook's text as a new draft and returns its id (`id` when given). `trusted`: whether
 * it may run when opened (made here: yes; from a file or a link: no, until its reader says so).
 */
export async function createDraft(text: string, trusted: boolean, id = newDraftId()): Promise<string> {
  const title = readNotebook(text).notebook.title;
  await writeDraft({...addDraftVersion(emptyDraft(`draft:${id}`, title), text, Date.now()), trusted});
  return id;
}

/** Records that the reader allowed a draft to run. */
export async function trustDraft(key: string): Promise<void> {
  const record = await readDraft(key);
  if (record && record.trusted === false) await writeDraft({...record, trusted: true});
}

/** An empty record for a notebook. */
export function emptyDraft(key: string, title = ""): DraftRecord {
  return {key, title, versions: [], unsaved: false};
}

/**
 * The version to offer for recovery when a notebook opens with `fileText`: the newest version,
 * when it was never saved and differs from the file. `undefined` when there is nothing to offer.
 */
export function maybeRecoverable(record: DraftRecord | undefined, fileText: string): DraftVersion | undefined {
  const last = record?.versions.at(-1);
  return record?.unsaved && last && last.text !== fileText ? last : undefined;
}

const databaseName = "mapt-drafts";
const storeName = "notebooks";
/** The files attached to notebooks kept here: {@link DraftFile} records keyed by [notebook, name]. */
export const filesStoreName = "files";

/** The stores of the drafts database, created by the upgrade from whatever version was there. */
export function upgradeDraftStores(db: Pick<IDBDatabase, "objectStoreNames" | "createObjectStore">): void {
  if (!db.objectStoreNames.contains(storeName)) db.createObjectStore(storeName, {keyPath: "key"});
  if (!db.objectStoreNames.contains(filesStoreName)) db.createObjectStore(filesStoreName, {keyPath: ["notebook", "name"]});
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(databaseName, 2);
    request.onupgradeneeded = () => upgradeDraftStores(request.result);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database waits until this one lets go.
      db.onversionchange = () => {
        db.close();
        database = undefined;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}

let database: Promise<IDBDatabase> | undefined;

/** Runs `work` in one transaction over `stores`; resolves with its result once the transaction commits. */
export function transact<T>(mode: IDBTransactionMode, work: (tx: IDBTransaction) => IDBRequest<T>, stores: string[] = [storeName]): Promise<T> {
  database ??= openDatabase();
  return database.then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(stores, mode);
        const request = work(tx);
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      })
  );
}

/** The stored record of a notebook, or `undefined`. */
export function readDraft(key: string): Promise<DraftRecord | undefined> {
  return transact("readonly", (tx) => tx.objectStore(storeName).get(key) as IDBRequest<DraftRecord | undefined>);
}

/** Stores a record (replacing the notebook's previous one). */
export async function writeDraft(record: DraftRecord): Promise<void> {
  await transact("readwrite", (tx) => tx.objectStore(storeName).put(record));
}

/** Removes a notebook's record, every kept version of it and the files attached to it. */
export async function deleteDraft(key: string): Promise<void> {
  await transact(
    "readwrite",
    (tx) => {
      tx.objectStore(filesStoreName).delete(IDBKeyRange.bound([key], [key, []]));
      return tx.objectStore(storeName).delete(key);
    },
    [storeName, filesStoreName]
  );
}

/** Every stored record, for the index page's list of drafts. */
export function listDrafts(): Promise<DraftRecord[]> {
  return transact("readonly", (tx) => tx.objectStore(storeName).getAll() as IDBRequest<DraftRecord[]>);
}

/** Writes a notebook's edits to IndexedDB, at most `delayMs` after each one. */
export interface DraftWriter {
  /** Records `text` as the newest version (debounced). */
  write(text: string, title: string): void;
  /** Marks the newest version as saved to the file (or not, after a new edit). */
  markSaved(text: string): Promise<void>;
  /** Writes anything pending now. */
  flush(): Promise<void>;
}

/** A debounced writer for one notebook; pending edits are also written when the page hides. */
export function createDraftWriter(key: string, delayMs = 400): DraftWriter {
  let pending: {text: string; title: string} | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  const update = (change: (record: DraftRecord) => DraftRecord) =>
    (chain = chain.then(async () => writeDraft(change((await readDraft(key)) ?? emptyDraft(key)))).catch((error: unknown) => {
      console.error("MAPT could not keep a draft in IndexedDB", error);
    }));
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const next = pending;
    pending = undefined;
    return next ? update((record) => addDraftVersion(record, next.text, Date.now(), next.title)) : chain;
  };
  addEventListener("pagehide", () => void flush());
  addEventListener("visibilitychange", () => document.visibilityState === "hidden" && void flush());
  return {
    write(text, title) {
      pending = {text, title};
      timer ??= setTimeout(() => void flush(), delayMs);
    },
    async markSaved(text) {
      await flush();
      await update((record) => ({...record, unsaved: record.versions.at(-1)?.text !== text}));
    },
    flush
  };
}
