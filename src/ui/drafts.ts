
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
  // The parser is loaded here, not with the module: a reader page reads drafts but never makes one.
  const {readNotebook} = await import("./notebook-text.ts");
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

/** What a page tells the other pages of this browser when it keeps a new version of a notebook. */
export interface DraftWritten {
  key: string;
  text: string;
  /** `textVersion` of the text the writing page had before this edit (its base). */
  base: string;
  /** The writing page (each page has its own id). */
  page: string;
}

/** The channel on which pages tell each other of the versions they keep. */
export const draftChannelName = "mapt:drafts";

/** Changes a record in one transaction (read and write together: another page cannot slip in between). */
function updateIn(db: IDBDatabase, key: string, change: (record: DraftRecord) => DraftRecord): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, "readwrite");
    const store = tx.objectStore(storeName);
    const read = store.get(key) as IDBRequest<DraftRecord | undefined>;
    read.onsuccess = () => void store.put(change(read.result ?? emptyDraft(key)));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Writes a notebook's edits to IndexedDB, at most `delayMs` after each one. */
export interface DraftWriter {
  /** Records `text` as the newest version (debounced); `base` is the text it was edited from. */
  write(text: string, title: string, base: string): void;
  /** Marks the newest version as saved to the file (or not, after a new edit). */
  markSaved(text: string): Promise<void>;
  /** Keeps `text` as a version (History) without any other change: the losing side of a conflict. */
  keep(text: string): Promise<void>;
  /** Writes anything pending now. */
  flush(): Promise<void>;
}

/** This page's id, for the messages it sends other pages. */
export const pageId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * A debounced writer for one notebook. Pending edits are also written when the page hides or
 * closes: the transaction starts inside the `pagehide` handler itself, so it completes even as
 * the page goes. Each write is announced to the other pages of this browser.
 */
export function createDraftWriter(key: string, delayMs = 400): DraftWriter {
  let pending: {text: string; title: string; base: string} | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let db: IDBDatabase | undefined;
  void (database ??= openDatabase()).then((opened) => (db = opened), () => {});
  const channel = typeof BroadcastChannel === "undefined" ? undefined : new BroadcastChannel(draftChannelName);
  const report = (error: unknown) => console.error("MAPT could not keep a draft in IndexedDB", error);
  const update = (change: (record: DraftRecord) => DraftRecord) =>
    (chain = chain.then(async () => updateIn(db ?? (await (database ??= openDatabase())), key, change)).catch(report));
  const take = () => {
    clearTimeout(timer);
    timer = undefined;
    const next = pending;
    pending = undefined;
    return next;
  };
  const announce = (next: {text: string; base: string}) => {
    const message: DraftWritten = {key, text: next.text, base: next.base, page: pageId};
    channel?.postMessage(message);
  };
  const flush = () => {
    const next = take();
    if (!next) return chain;
    return update((record) => addDraftVersion(record, next.text, Date.now(), next.title)).then(() => announce(next));
  };
  const flushNow = () => {
    const next = take();
    if (!next) return;
    if (!db) return void flush();
    // Synchronously, in the handler: the page may be gone before a promise would run.
    updateIn(db, key, (record) => addDraftVersion(record, next.text, Date.now(), next.title)).then(() => announce(next), report);
  };
  addEventListener("pagehide", flushNow);
  addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flushNow());
  return {
    write(text, title, base) {
      // Edits coalesced into one write keep the base of the first: the text the batch started from.
      pending = {text, title, base: pending?.base ?? base};
      timer ??= setTimeout(() => void flush(), delayMs);
    },
    async markSaved(text) {
      await flush();
      await update((record) => ({...record, unsaved: record.versions.at(-1)?.text !== text}));
    },
    async keep(text) {
      await flush();
      await update((record) => {
        if (record.versions.some((version) => version.text === text)) return record;
        // Kept just below the newest version: History has it, the notebook stays as it is.
        const versions = [...record.versions];
        versions.splice(Math.max(0, versions.length - 1), 0, {time: Date.now(), text});
        return {...record, versions: versions.slice(-maxDraftVersions)};
      });
    },
    flush
  };
}
