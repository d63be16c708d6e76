import type {Catalog, CatalogTable} from "./catalog.ts";
import type {DuckDBConnection, DuckDBInstance} from "./engine.ts";
import {CatalogLoadError} from "./errors.ts";
import {toBytes, type LoadBytes} from "./load-bytes.ts";
import {createTableFromFile} from "./table-file.ts";

/**
 * Creates each catalog table the first time a query names it, fetching its file then: a view
 * over a CSV/TSV file, a table for the formats decoded in JS (see `createTableFromFile`).
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

  /** Whether the view for `name` exists yet. */
  isCreated(name: string): boolean {
    return this.#created.has(name.toLowerCase());
  }

  /** Creates the view for catalog table `name` unless it exists or is being created. */
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
    const url = this.#resolveUrl?.(table.file) ?? table.url ?? table.file;
    let bytes: Uint8Array;
    try {
      bytes = toBytes(await this.#loadBytes(url));
    } catch (error) {
      throw new CatalogLoadError(table.name, table.file, `${messageOf(error)} (from ${url})`, {cause: error});
    }
    try {
      const registeredName = `catalog/${table.name}.${table.format}`;
      await createTableFromFile(connection, instance, {name: table.name, bytes, format: table.format, registeredName, fileName: table.file}, "view");
    } catch (error) {
      throw new CatalogLoadError(table.name, table.file, messageOf(error), {cause: error});
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
