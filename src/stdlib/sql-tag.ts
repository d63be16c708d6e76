import {DuckDBClient, SnapshotFirstClient} from "../data/index.ts";
import {withRowAccess} from "./rows-access.ts";

/** What a SQL cell's `database` must offer: our `DuckDBClient`, or any client with a `sql` tag. */
interface SqlDatabase {
  sql?(strings: TemplateStringsArray, ...values: unknown[]): Promise<unknown>;
}

/**
 * The `__sql` builtin behind every SQL cell: `__sql(db, invalidation)\`SELECT ... ${x}\``. Each
 * `${...}` is bound as a parameter, never spliced into the text. When the cell is invalidated
 * before the query ends (an input changed, the cell was interrupted or edited), the query is
 * cancelled, so a fast-moving slider never waits behind the queries it made obsolete. The result
 * is DuckDB's Arrow table, which also reads as an array of rows (see `withRowAccess`).
 */
export function sqlTag(database: SqlDatabase, invalidation?: Promise<unknown>) {
  return (strings: TemplateStringsArray, ...values: unknown[]): Promise<unknown> => {
    if (database === null || typeof database !== "object") {
      return Promise.reject(new TypeError(`the database of a SQL cell must be a database client, not ${String(database)}`));
    }
    // A built page's recorded results first (see data/snapshots.ts), then its DuckDB.
    if (database instanceof DuckDBClient || database instanceof SnapshotFirstClient) {
      const controller = new AbortController();
      void invalidation?.then(() => controller.abort());
      return database.query(strings.join("?"), values, {signal: controller.signal}).then(withRowAccess);
    }
    if (typeof database.sql === "function") return database.sql(strings, ...values);
    return Promise.reject(new TypeError("the database of a SQL cell has no sql`...` tag"));
  };
}
