import type {Table} from "apache-arrow";
import {readArrowIPC} from "./arrow-ipc.ts";
import type {DuckDBClient, QueryOptions} from "./client.ts";
import {queryKey} from "./query-key.ts";
import {QueryShortcuts} from "./query-shortcuts.ts";

/**
 * Result snapshots: what `npm run build` recorded for a shipped notebook at its default input
 * values (src/cli/snapshots.ts), so the built page paints its charts before DuckDB has started.
 * A snapshot answers a query only when its text and parameters equal a recorded one, and only
 * until the page first asks for anything else (an input moved, an edit began): from then on
 * DuckDB answers every query, so a result that could differ from DuckDB's is never shown.
 */

/** One recorded result: the query, its parameters as JSON values, its result as Arrow IPC. */
export interface SnapshotEntry {
  sql: string;
  params: unknown[];
  ipc: Uint8Array;
}

/**
 * The key of a query a snapshot may answer: its text and parameters (see `queryKey`), or
 * `undefined` when a parameter's JSON form would not say exactly what DuckDB binds (NaN and
 * Infinity become `null`, objects lose their class): such a query is never answered.
 */
export function snapshotKey(sql: string, params: readonly unknown[]): string | undefined {
  return params.every(isExactParam) ? queryKey(sql, params) : undefined;
}

function isExactParam(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value));
  return value instanceof Date && Number.isFinite(value.getTime());
}

// What a query may start with to only read (after comments and parentheses), and functions whose
// result changes from one run to the next. A query that is not read-only, or calls one of them,
// is not recorded: its result now could differ from the build's.
const readOnlyStart = /^(select|with|from|values|table|summarize|describe|show|pivot|unpivot)\b/i;
const volatileCall = /\b(random|uuid|gen_random_uuid|uuidv4|uuidv7|now|current_date|current_time|current_timestamp|get_current_time|get_current_timestamp|localtime|localtimestamp|today|transaction_timestamp|setseed|nextval|currval)\b/i;

/** Whether a query only reads, one statement, with no volatile function: what a snapshot may hold. */
export function isSnapshotSafe(sql: string): boolean {
  const text = statementText(sql);
  if (!readOnlyStart.test(text)) return false;
  // Strings and quoted names say nothing of what runs (a `'; '` separator, a column "now").
  const code = text.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
  // One statement: a `;` may only end the text.
  if (/;(?!\s*$)/.test(code)) return false;
  return !volatileCall.test(code);
}

/** The query without comments and opening parentheses, from its first keyword. */
function statementText(sql: string): string {
  return sql.replace(/--[^\n]*/g, " ").replace(/\/\*[\s\S]*?\*\//g, " ").trim().replace(/^\(+\s*/, "");
}

/** Why a recorded page gets no snapshot, or `undefined` when it may have one. */
export function snapshotRefusal(recorded: ReadonlyArray<{sql: string}>): string | undefined {
  const changing = recorded.find((entry) => !readOnlyStart.test(statementText(entry.sql)));
  // A statement that changes the database means later reads depend on the order cells ran in.
  return changing && `a query changes the database (${changing.sql.trim().split(/\s+/).slice(0, 3).join(" ")}…)`;
}

/**
 * The entries a snapshot keeps from a page's recording: each safe query once, keyed by text and
 * parameters; a query recorded twice with different results (it is not deterministic) is dropped.
 */
export function chooseSnapshotEntries(recorded: readonly SnapshotEntry[]): SnapshotEntry[] {
  const chosen = new Map<string, SnapshotEntry | null>();
  for (const entry of recorded) {
    const key = snapshotKey(entry.sql, entry.params);
    if (key === undefined || !isSnapshotSafe(entry.sql)) continue;
    const seen = chosen.get(key);
    if (seen === undefined) chosen.set(key, entry);
    else if (seen !== null && !sameBytes(seen.ipc, entry.ipc)) chosen.set(key, null);
  }
  return [...chosen.values()].filter((entry): entry is SnapshotEntry => entry !== null);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

// The file: "MAPTSNP1", a little-endian uint32 header length, the header (UTF-8 JSON: each
// entry's query, parameters, offset and length), then the entries' Arrow IPC streams.
const MAGIC = "MAPTSNP1";

interface SnapshotHeader {
  entries: Array<{sql: string; params: unknown[]; offset: number; length: number}>;
}

/** One file holding every entry (one fetch per page). */
export function encodeSnapshots(entries: readonly SnapshotEntry[]): Uint8Array {
  let offset = 0;
  const header: SnapshotHeader = {entries: entries.map(({sql, params, ipc}) => ({sql, params, offset: (offset += ipc.length) - ipc.length, length: ipc.length}))};
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const bytes = new Uint8Array(MAGIC.length + 4 + headerBytes.length + offset);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, headerBytes.length, true);
  bytes.set(headerBytes, MAGIC.length + 4);
  let at = MAGIC.length + 4 + headerBytes.length;
  for (const {ipc} of entries) {
    bytes.set(ipc, at);
    at += ipc.length;
  }
  return bytes;
}

/** The entries of a snapshot file; throws on bytes that are not one. */
export function decodeSnapshots(bytes: Uint8Array): SnapshotEntry[] {
  if (new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new Error("not a MAPT result snapshot file");
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  const start = MAGIC.length + 4;
  if (start + headerLength > bytes.length) throw new Error("a MAPT result snapshot file is cut short");
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(start, start + headerLength))) as SnapshotHeader;
  const body = start + headerLength;
  return header.entries.map(({sql, params, offset, length}) => {
    if (body + offset + length > bytes.length) throw new Error("a MAPT result snapshot file is cut short");
    return {sql, params, ipc: bytes.subarray(body + offset, body + offset + length)};
  });
}

/**
 * The bytes of a snapshot file as served: the build gzips it (a third of the size, whatever the
 * host's settings), and the browser's own `DecompressionStream` opens it, so no inflater ships
 * with the page. A host that already sent it with `Content-Encoding: gzip` leaves plain bytes.
 */
export async function readSnapshotFile(bytes: Uint8Array): Promise<SnapshotEntry[]> {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzipped) return decodeSnapshots(bytes);
  const plain = new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip")));
  return decodeSnapshots(new Uint8Array(await plain.arrayBuffer()));
}

/** Whether a page's snapshots still answer, and what they hold, by key. */
export interface SnapshotState {
  on: boolean;
  entries: ReadonlyMap<string, SnapshotEntry>;
}

/** A page's snapshot state from the file's entries. */
export function snapshotState(entries: readonly SnapshotEntry[]): SnapshotState {
  const byKey = new Map<string, SnapshotEntry>();
  for (const entry of entries) {
    const key = snapshotKey(entry.sql, entry.params);
    if (key !== undefined) byKey.set(key, entry);
  }
  return {on: byKey.size > 0, entries: byKey};
}

/**
 * A query asked of the page: the recorded entry that answers it, or none, and the next state.
 * The first query a snapshot cannot answer turns snapshots off: the page has left the state the
 * build recorded (an input changed, the notebook was edited), and DuckDB takes over.
 */
export function askSnapshot(state: SnapshotState, sql: string, params: readonly unknown[]): {state: SnapshotState; entry?: SnapshotEntry} {
  if (!state.on) return {state};
  const key = snapshotKey(sql, params);
  const entry = key === undefined ? undefined : state.entries.get(key);
  return entry ? {state, entry} : {state: stopSnapshots(state)};
}

/** Snapshots off for good (editing began, or a query missed). */
export function stopSnapshots(state: SnapshotState): SnapshotState {
  return state.on ? {...state, on: false} : state;
}

/** A page's snapshots: the state, and the results decoded on first use. */
export class PageSnapshots {
  #state: SnapshotState;
  /** How many queries the snapshots answered (shown to tests and the bench as `data-mapt-snapshot-hits`). */
  hits = 0;
  /** The query that turned them off, if one did (what a developer asks when a page waits for DuckDB). */
  missed: {sql: string; params: readonly unknown[]} | undefined;

  constructor(entries: readonly SnapshotEntry[]) {
    this.#state = snapshotState(entries);
  }

  get on(): boolean {
    return this.#state.on;
  }

  /** The recorded result of this query, or `undefined` (and snapshots are off from now on). */
  answer(sql: string, params: readonly unknown[]): Table | undefined {
    const {state, entry} = askSnapshot(this.#state, sql, params);
    if (this.#state.on && !state.on) this.missed = {sql, params};
    this.#state = state;
    if (!entry) return undefined;
    this.hits++;
    return readArrowIPC(entry.ipc);
  }

  stop(): void {
    this.#state = stopSnapshots(this.#state);
  }
}

/**
 * The database a built page's cells query while it has snapshots: a recorded query is answered
 * at once, any other waits for the page's DuckDB. Only the query methods are answered early;
 * the rest wait for DuckDB.
 */
export class SnapshotFirstClient extends QueryShortcuts {
  readonly #snapshots: PageSnapshots;
  readonly #database: () => Promise<DuckDBClient>;
  #ready: DuckDBClient | undefined;

  constructor(snapshots: PageSnapshots, database: () => Promise<DuckDBClient>) {
    super();
    this.#snapshots = snapshots;
    this.#database = database;
    void database().then((client) => (this.#ready = client), () => {});
  }

  async query(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<Table> {
    const recorded = this.#snapshots.answer(sql, params);
    if (recorded) return recorded;
    return (await this.#database()).query(sql, params, options);
  }



  /** The DuckDB instance, once the engine has started. */
  get instance(): DuckDBClient["instance"] {
    if (this.#ready) return this.#ready.instance;
    throw new Error("db.instance: DuckDB is still starting; use (await DuckDBClient.of(...)) or wait for a query of db first");
  }

  async describeTables(): ReturnType<DuckDBClient["describeTables"]> {
    return (await this.#database()).describeTables();
  }

  async describeColumns(table: string): ReturnType<DuckDBClient["describeColumns"]> {
    return (await this.#database()).describeColumns(table);
  }

  async readFile(...args: Parameters<DuckDBClient["readFile"]>): ReturnType<DuckDBClient["readFile"]> {
    return (await this.#database()).readFile(...args);
  }
}
