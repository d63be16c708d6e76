import type {Catalog, CatalogTable} from "./catalog.ts";
import type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
import {CatalogLoadError} from "./errors.ts";
import {quoteIdentifier, quoteString} from "./formats.ts";
import {toBytes, type LoadBytes} from "./load-bytes.ts";

/**
 * Creates each catalog table the first time a query names it, fetching its data then, so that
 * no query ever parses a source file again:
 * - a table the build wrote into its own DuckDB file (`database`, see src/vite/catalog-database.ts)
 *   is attached read-only and shown through a view of the same name: its columns are DuckDB's own
 *   storage, read in place, nothing parsed or copied;
 * - otherwise (the dev server, a build without native DuckDB) the source file is loaded into a
 *   table once (`createTableFromFile`): a CSV is parsed on first use only.
 * Concurrent first uses share one creation; a failed creation is forgotten so a later query
 * retries it.
 */
export class CatalogViews {
  readonly catalog: Catalog;
  readonly #byName: Map<string, CatalogTable>;
  readonly #creating = new Map<string, Promise<void>>();
  readonly #created = new Set<string>();
  readonly #resolveUrl: ((file: string) => string) | undefined;
  readonly #loadBytes: LoadBytes;

  /** `resolveUrl` maps a catalog file to the URL to load; without it, a table's `url`, else its `file`. */
  constructor(catalog: Catalog, resolveUrl: ((file: string) => string) | undefined, loadBytes: LoadBytes) {
    this.catalog = catalog;
    this.#byName = new Map(catalog.tables.map((table) => [table.name.toLowerCase(), table]));
    this.#resolveUrl = resolveUrl;
    this.#loadBytes = loadBytes;
  }

  /** The catalog table called `name` (case-insensitive), if any. */
  get(name: string): CatalogTable | undefined {
    return this.#byName.get(name.toLowerCase());
  }

  /** Whether the table for `name` exists yet. */
  isCreated(name: string): boolean {
    return this.#created.has(name.toLowerCase());
  }

  /** Forgets every table made: the engine was replaced, so each is made again on first use. */
  reset(): void {
    this.#creating.clear();
    this.#created.clear();
  }

  /** Creates catalog table `name` unless it exists or is being created. */
  ensure(name: string, connection: DuckDBConnection, instance: DuckDBInstance): Promise<void> {
    const key = name.toLowerCase();
    const table = this.#byName.get(key);
    if (table === undefined || this.#created.has(key)) return Promise.resolve();
    let creating = this.#creating.get(key);
    if (creating === undefined) {
      creating = this.#create(table, connection, instance).then(
        () => void this.#created.add(key),
        (error: unknown) => {
          this.#creating.delete(key);
          throw error;
        }
      );
      this.#creating.set(key, creating);
    }
    return creating;
  }

  async #create(table: CatalogTable, connection: DuckDBConnection, instance: DuckDBInstance): Promise<void> {
    if (table.database !== undefined) return this.#attach(table, table.database, connection, instance);
    // Another client of the same instance (the editor's, a test's) may have loaded it already.
    if (await exists(connection, table.name)) return;
    const url = this.#resolveUrl?.(table.file) ?? table.url ?? table.file;
    const bytes = await this.#load(table, url);
    try {
      const registeredName = `catalog/${table.name}.${table.format}`;
      // Loaded on the first such table: a built page's catalog is its DuckDB file (above).
      const {createTableFromFile} = await import("./table-file.ts");
      await createTableFromFile(connection, instance, {name: table.name, bytes, format: table.format, registeredName, fileName: table.file}, "table");
    } catch (error) {
      throw new CatalogLoadError(table.name, table.file, messageOf(error), {cause: error});
    }
  }

  /** Attaches the build's DuckDB file of `table` (once per instance) and makes `name` a view of it. */
  async #attach(table: CatalogTable, url: string, connection: DuckDBConnection, instance: DuckDBInstance): Promise<void> {
    const alias = `mapt_catalog_${table.name.toLowerCase()}`;
    const attached = await connection.query(`SELECT 1 FROM duckdb_databases() WHERE database_name = ${quoteString(alias)}`);
    if (attached.numRows === 0) {
      const bytes = await this.#load(table, url);
      const registeredName = `catalog/${table.name}.duckdb`;
      try {
        await instance.registerFileBuffer(registeredName, bytes);
        await connection.query(`ATTACH IF NOT EXISTS ${quoteString(registeredName)} AS ${quoteIdentifier(alias)} (READ_ONLY)`);
      } catch (error) {
        throw new CatalogLoadError(table.name, table.file, `${messageOf(error)} (the build's database file ${url})`, {cause: error});
      }
    }
    await connection.query(`CREATE OR REPLACE VIEW ${quoteIdentifier(table.name)} AS SELECT * FROM ${quoteIdentifier(alias)}.main.${quoteIdentifier(table.name)}`);
  }

  async #load(table: CatalogTable, url: string): Promise<Uint8Array> {
    try {
      return toBytes(await this.#loadBytes(url));
    } catch (error) {
      throw new CatalogLoadError(table.name, table.file, `${messageOf(error)} (from ${url})`, {cause: error});
    }
  }
}

/** Whether the connection's current schema has a table or view called `name`. */
async function exists(connection: DuckDBConnection, name: string): Promise<boolean> {
  const found = await connection.query(
    `SELECT 1 FROM information_schema.tables
     WHERE table_catalog = current_database() AND table_schema = current_schema() AND lower(table_name) = lower(${quoteString(name)})`
  );
  return found.numRows > 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
