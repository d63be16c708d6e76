import type {Table} from "apache-arrow";

/**
 * `sql` and `queryRow` on top of `query`, as `DuckDBClient` has them, for the stand-ins that
 * answer a page's queries in its place (frozen results, result snapshots, an exported file's
 * engine). `sql` is bound, so cells can pass it around as DuckDBClient's.
 */
export abstract class QueryShortcuts {
  abstract query(sql: string, params?: readonly unknown[]): Promise<Table>;

  constructor() {
    this.sql = this.sql.bind(this);
  }

  sql(strings: TemplateStringsArray, ...values: unknown[]): Promise<Table> {
    return this.query(strings.join("?"), values);
  }

  async queryRow(sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown> | null> {
    const row = (await this.query(sql, params)).get(0);
    return row ? (row.toJSON() as Record<string, unknown>) : null;
  }
}
