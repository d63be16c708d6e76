import type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
import type {FileLoadOptions} from "./file-load.ts";
import {quoteIdentifier, quoteString} from "./formats.ts";
import {fetchBytes} from "./load-bytes.ts";
import {insertSource, type FileSource} from "./sources.ts";

/**
 * The user's files that are queryable as tables (a notebook's attached files), as the page
 * knows them at the moment a query runs.
 */
export interface TableFiles {
  /**
   * The file behind table `name` (lower case), or `undefined`. The same object while the file is
   * unchanged: a different object makes the table again from the new file.
   */
  get(name: string): FileSource | undefined;
  /** Every table name (lower case), for listing. */
  names(): string[];
}

/** No files. */
export const NO_TABLE_FILES: TableFiles = {get: () => undefined, names: () => []};

interface MadeTable {
  source: FileSource;
  ready: Promise<void>;
}

/**
 * Keeps the tables made of the user's files in step with {@link TableFiles}: a file's table is
 * created the first time a query names it, made again when the file was replaced, and dropped
 * once the file is no longer attached. A file's table hides a catalog table of the same name
 * (the user chose to replace it).
 */
export class FileTables {
  readonly files: TableFiles;
  readonly #made = new Map<string, MadeTable>();
  readonly #load: FileLoadOptions;

  /** `load`: progress and memory budget of the loads (see {@link FileLoadOptions}). */
  constructor(files: TableFiles, load: FileLoadOptions = {}) {
    this.files = files;
    this.#load = load;
  }

  /** Forgets every table made: the engine was replaced, so each is made again on first use. */
  reset(): void {
    this.#made.clear();
  }

  /** Whether a query of table `name` now reads a user's file. */
  has(name: string): boolean {
    return this.files.get(name.toLowerCase()) !== undefined;
  }

  /** Whether `name` is what a file's table hides (a catalog table renamed out of its way). */
  hides(name: string): boolean {
    return name.toLowerCase().startsWith(hiddenPrefix);
  }

  /** Whether the table of file-backed `name` exists now. */
  isCreated(name: string): boolean {
    const made = this.#made.get(name.toLowerCase());
    return made !== undefined && made.source === this.files.get(name.toLowerCase());
  }

  /**
   * Brings table `name` in step with its file (see the class comment). Concurrent calls share
   * one creation; a failed creation is forgotten, so the next query tries again.
   */
  async ensure(name: string, connection: DuckDBConnection, instance: DuckDBInstance): Promise<void> {
    const key = name.toLowerCase();
    const source = this.files.get(key);
    const made = this.#made.get(key);
    if (made !== undefined && made.source === source) return made.ready;
    if (made === undefined && source === undefined) return;
    const previous = made?.ready.catch(() => {});
    if (source === undefined) {
      this.#made.delete(key);
      await previous;
      await dropTable(connection, key);
      await restoreHidden(connection, key);
      return;
    }
    const entry: MadeTable = {
      source,
      ready: (async () => {
        await previous;
        // The new file becomes a table under a staging name first: if it cannot be read, what
        // the name showed before (the previous file's table, or a catalog table) is untouched.
        const staging = stagingName(key);
        await dropTable(connection, staging);
        try {
          await insertSource(connection, instance, staging, source, fetchBytes, undefined, {...this.#load, table: key});
        } catch (error) {
          await dropTable(connection, staging);
          throw error;
        }
        if (made === undefined) await hideExisting(connection, key);
        else await dropTable(connection, key);
        await connection.query(`ALTER TABLE ${quoteIdentifier(staging)} RENAME TO ${quoteIdentifier(key)}`);
      })()
    };
    this.#made.set(key, entry);
    // A failed file is forgotten, so the next query tries again; the previous file's table stays.
    entry.ready.catch(() => {
      if (this.#made.get(key) !== entry) return;
      if (made === undefined) this.#made.delete(key);
      else this.#made.set(key, made);
    });
    return entry.ready;
  }
}

/** The name a table or view that a file's table hides is kept under meanwhile. */
const hiddenPrefix = "mapt_hidden_";
const hiddenName = (name: string) => hiddenPrefix + name;
/** Where a file's new table is made before it takes its name (a space: never a file table's name). */
const stagingName = (name: string) => `${hiddenPrefix}${name} (loading)`;

/** The type of the table or view called `name` in the connection's current schema, if there is one. */
async function objectType(connection: DuckDBConnection, name: string): Promise<"TABLE" | "VIEW" | undefined> {
  const found = await connection.query(
    `SELECT table_type AS type FROM information_schema.tables
     WHERE table_catalog = current_database() AND table_schema = current_schema() AND lower(table_name) = ${quoteString(name)}`
  );
  if (found.numRows === 0) return undefined;
  return found.get(0)!.toJSON().type === "VIEW" ? "VIEW" : "TABLE";
}

async function dropTable(connection: DuckDBConnection, name: string): Promise<void> {
  if ((await objectType(connection, name)) === "TABLE") await connection.query(`DROP TABLE ${quoteIdentifier(name)}`);
}

/**
 * Renames what has the name a file's table takes (a catalog table a query loaded before) out of
 * the way, so that it comes back, as it was, when the file is detached.
 */
async function hideExisting(connection: DuckDBConnection, name: string): Promise<void> {
  const type = await objectType(connection, name);
  if (type !== undefined) await connection.query(`ALTER ${type} ${quoteIdentifier(name)} RENAME TO ${quoteIdentifier(hiddenName(name))}`);
}

async function restoreHidden(connection: DuckDBConnection, name: string): Promise<void> {
  const type = await objectType(connection, hiddenName(name));
  if (type !== undefined) await connection.query(`ALTER ${type} ${quoteIdentifier(hiddenName(name))} RENAME TO ${quoteIdentifier(name)}`);
}
