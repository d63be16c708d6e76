import type {Table} from "apache-arrow";
import {EMPTY_CATALOG, readCatalog, type Catalog, type CatalogSpec} from "./catalog.ts";
import {CatalogViews} from "./catalog-views.ts";
import type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
import {toQueryError} from "./errors.ts";
import {quoteIdentifier, type TableFormat} from "./formats.ts";
import type {FileLoadOptions} from "./file-load.ts";
import {FileTables, NO_TABLE_FILES, type TableFiles} from "./file-tables.ts";
import {findIdentifiers} from "./identifiers.ts";
import {fetchBytes, type LoadBytes} from "./load-bytes.ts";
import {recordQuery} from "./query-recorder.ts";
import {insertSource, readSourceFormat, type DuckDBSource, type FileSource} from "./sources.ts";

/** Options of {@link DuckDBClient.connect}. */
export interface DuckDBClientOptions {
  /** Tables created when a query first names them (see {@link readCatalog}). Default: none. */
  catalog?: Catalog | CatalogSpec;
  /** Maps a catalog `file` to the URL (or path) to load. Default: the entry's `url`, else its `file`. */
  resolveUrl?: (file: string) => string;
  /** Loads catalog files and URL sources. Default: `fetch`. */
  loadBytes?: LoadBytes;
  /**
   * The user's files queryable as tables (a notebook's attached files), each created the first
   * time a query names it; a file's table hides a catalog table of the same name. Default: none.
   */
  files?: TableFiles;
  /** Progress and memory budget of loading the user's files (also used by `of` and `readFile`). Default: none, the default budget. */
  load?: FileLoadOptions;
}

/** Options of {@link DuckDBClient.of}. */
export interface DuckDBClientOfOptions {
  /** The DuckDB instance to create the new database in (the page's). Required. */
  instance?: DuckDBInstance;
  /** Loads URL sources. Default: `fetch`. */
  loadBytes?: LoadBytes;
  /** Progress and memory budget of loading files (see {@link FileLoadOptions}). Default: none, the default budget. */
  load?: FileLoadOptions;
}

/** Options of {@link DuckDBClient.query}. */
export interface QueryOptions {
  /** Cancels the query when it aborts. Default: none. */
  signal?: AbortSignal;
}

/** One entry of {@link DuckDBClient.describeTables}. */
export interface TableDescription {
  name: string;
  /**
   * `"catalog (not yet loaded)"`: a catalog table no query has named yet; `"file (not yet
   * loaded)"`: the same for a user's attached file.
   */
  kind: "table" | "view" | "catalog (not yet loaded)" | "file (not yet loaded)";
}

/** One entry of {@link DuckDBClient.describeColumns}. */
export interface ColumnDescription {
  name: string;
  /** DuckDB's type name, e.g. `BIGINT`, `VARCHAR`, `DATE`. */
  type: string;
  nullable: boolean;
}

let databases = 0;
let reads = 0;

/**
 * A DuckDB database for cells: the page's `db` (with the data catalog) or one made by
 * `DuckDBClient.of`. Results are Arrow tables whose integers and decimals are JS numbers (when
 * the instance was opened with {@link DUCKDB_CONFIG}); errors are {@link QueryError}s carrying
 * DuckDB's own message.
 */
export class DuckDBClient {
  /** The instance this database lives in; `DuckDBClient.of` creates new databases in it. */
  readonly instance: DuckDBInstance;
  /** The connection, opened in engine generation {@link #generation} of the instance. */
  #connection: Promise<DuckDBConnection>;
  #generation: number;
  readonly #catalog: CatalogViews;
  readonly #files: FileTables;
  /** The quoted name of the database `of` attached for this client, detached on close. */
  readonly #attached: string | undefined;
  /** How this client loads files: the page's, which `DuckDBClient.of` in a notebook passes on. */
  readonly load: FileLoadOptions;

  /** Use {@link DuckDBClient.connect} or {@link DuckDBClient.of}. */
  constructor(instance: DuckDBInstance, connection: DuckDBConnection, catalog: CatalogViews, attached?: string, files: TableFiles = NO_TABLE_FILES, load: FileLoadOptions = {}) {
    this.instance = instance;
    this.#connection = Promise.resolve(connection);
    this.#generation = instance.generation ?? 0;
    this.#catalog = catalog;
    this.#attached = attached;
    this.load = load;
    this.#files = new FileTables(files, load);
    this.sql = this.sql.bind(this);
  }

  /** Opens a connection to the instance's default database, with the catalog's tables. */
  static async connect(instance: DuckDBInstance, options: DuckDBClientOptions = {}): Promise<DuckDBClient> {
    const {catalog = EMPTY_CATALOG, resolveUrl, loadBytes = fetchBytes, files, load} = options;
    return new DuckDBClient(instance, await instance.connect(), new CatalogViews(readCatalog(catalog), resolveUrl, loadBytes), undefined, files, load);
  }

  /**
   * Creates a new, separate in-memory database in `options.instance` with one table per entry of
   * `sources` (see {@link DuckDBSource}). The notebook's `DuckDBClient` builtin supplies the
   * page's instance.
   */
  static async of(sources: Record<string, DuckDBSource> = {}, options: DuckDBClientOfOptions = {}): Promise<DuckDBClient> {
    const {instance, loadBytes = fetchBytes, load = {}} = options;
    if (instance === undefined) throw new Error("DuckDBClient.of: no DuckDB instance given (options.instance); in a notebook use the DuckDBClient builtin");
    const connection = await instance.connect();
    const database = quoteIdentifier(`mapt_db_${++databases}`);
    await connection.query(`ATTACH ':memory:' AS ${database}; USE ${database}`);
    for (const [name, source] of Object.entries(sources)) {
      try {
        await insertSource(connection, instance, name, source, loadBytes, undefined, load);
      } catch (error) {
        throw toQueryError(error, `-- DuckDBClient.of: table "${name}"`);
      }
    }
    return new DuckDBClient(instance, connection, new CatalogViews(EMPTY_CATALOG, undefined, loadBytes), database, NO_TABLE_FILES, load);
  }

  /**
   * Runs `sql`; with `params`, as a prepared statement binding each `?` in order (Dates are
   * bound as ISO strings, bigints as numbers). Catalog tables and the user's files' tables named
   * in `sql` are created first.
   * When `options.signal` aborts first, the query is cancelled (see `DuckDBConnection.query`)
   * and the promise rejects with an `AbortError`.
   */
  async query(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<Table> {
    await Promise.all([...findIdentifiers(sql)].map((name) => this.#ensure(name)));
    const result = await this.#run(sql, params, options.signal);
    recordQuery(sql, params, result);
    return result;
  }

  /**
   * Tagged template: ``sql`SELECT * FROM t WHERE x = ${x}` `` runs as a prepared statement with
   * each interpolated value bound to a `?`; values are never spliced into the SQL text.
   */
  sql(strings: TemplateStringsArray, ...values: unknown[]): Promise<Table> {
    return this.query(strings.join("?"), values);
  }

  /** The first row of the result as a plain object, or `null` when there is none. */
  async queryRow(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown> | null> {
    const table = await this.query(sql, params);
    return table.numRows === 0 ? null : (table.get(0)?.toJSON() ?? null);
  }

  /**
   * The tables and views of this database, then the user's files and the catalog tables no query
   * has loaded yet (a catalog table a file hides is left out).
   */
  async describeTables(): Promise<TableDescription[]> {
    const rows = await this.#rows(
      `SELECT table_name AS name, table_type AS type FROM information_schema.tables
       WHERE table_catalog = current_database() AND table_schema = current_schema() ORDER BY table_name`
    );
    const files = this.#files;
    // What a file's table hides, and what waits for a file's table to be made, is not listed.
    const shown = rows.filter(({name}) => !files.hides(String(name)) && (!files.has(String(name)) || files.isCreated(String(name))));
    const tables: TableDescription[] = shown.map((row) => ({name: String(row.name), kind: row.type === "VIEW" && !this.#catalog.isCreated(String(row.name)) ? "view" : "table"}));
    const present = new Set(tables.map((table) => table.name.toLowerCase()));
    for (const name of files.files.names()) {
      if (!files.isCreated(name)) tables.push({name, kind: "file (not yet loaded)"});
      present.add(name);
    }
    for (const {name} of this.#catalog.catalog.tables) {
      if (!present.has(name.toLowerCase())) tables.push({name, kind: "catalog (not yet loaded)"});
    }
    return tables;
  }

  /** The columns of `table` (loading it first if it is a catalog table or a user's file). */
  async describeColumns(table: string): Promise<ColumnDescription[]> {
    await this.#ensure(table);
    const rows = await this.#rows(
      `SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns
       WHERE table_catalog = current_database() AND table_schema = current_schema() AND lower(table_name) = lower(?)
       ORDER BY ordinal_position`,
      [table]
    );
    if (rows.length === 0) throw new Error(`describeColumns: no table named "${table}" in this database`);
    return rows.map((row) => ({name: String(row.name), type: String(row.type), nullable: row.nullable === "YES"}));
  }

  /**
   * Reads a whole file (a `FileAttachment`) into an Arrow table through DuckDB, without leaving a
   * table behind. `format` defaults to the one its name or MIME type tells.
   */
  async readFile(file: FileSource, format?: TableFormat): Promise<Table> {
    const name = `mapt_read_${++reads}`;
    try {
      await insertSource(await this.#live(), this.instance, name, file, fetchBytes, format ?? readSourceFormat(file), {...this.load, table: file.name});
    } catch (error) {
      throw toQueryError(error, `-- reading file "${file.name}"`);
    }
    try {
      return await this.#run(`SELECT * FROM ${quoteIdentifier(name)}`, []);
    } finally {
      await this.#run(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`, []);
    }
  }

  /**
   * Closes this client's connection, and frees the database `DuckDBClient.of` made for it; the
   * instance and other clients stay open.
   */
  async close(): Promise<void> {
    if (this.#generation !== (this.instance.generation ?? 0)) return; // its engine is gone, and the connection with it
    if (this.#attached !== undefined) await this.#run(`USE memory; DETACH ${this.#attached}`, []);
    await (await this.#connection).close();
  }

  /**
   * The connection to the instance's current engine. When the engine was replaced (see
   * `superviseDuckDB`), the page's database connects to the new one and forgets which catalog
   * tables and files it had made, so each is made again the first time a query names it; a
   * database `DuckDBClient.of` made lived in the old engine only, and says so.
   */
  #live(): Promise<DuckDBConnection> {
    const generation = this.instance.generation ?? 0;
    if (generation !== this.#generation) {
      if (this.#attached !== undefined) {
        return Promise.reject(new Error("this database (made by DuckDBClient.of) was lost when DuckDB restarted; run the cell that makes it again"));
      }
      this.#generation = generation;
      this.#catalog.reset();
      this.#files.reset();
      this.#connection = this.instance.connect();
    }
    return this.#connection;
  }

  /** Creates table `name` if it is a user's file or a catalog table no query has loaded yet. */
  async #ensure(name: string): Promise<void> {
    const connection = await this.#live();
    // Also drops the table of a file no longer attached, before the catalog's may show again.
    await this.#files.ensure(name, connection, this.instance);
    if (!this.#files.has(name)) await this.#catalog.ensure(name, connection, this.instance);
  }

  async #run(sql: string, params: readonly unknown[], signal?: AbortSignal): Promise<Table> {
    try {
      const connection = await this.#live();
      return params.length === 0 ? await connection.query(sql, signal) : await connection.queryPrepared(sql, params.map(toParam), signal);
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw toQueryError(error, sql);
    }
  }

  /** Our own metadata queries: they skip the catalog scan, which would load tables they merely mention. */
  async #rows(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> {
    return (await this.#run(sql, params)).toArray().map((row) => row.toJSON());
  }
}

function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as {name?: unknown}).name === "AbortError";
}

/** DuckDB-WASM serialises parameters as JSON: give it values JSON can carry. */
function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}
