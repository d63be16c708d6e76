import type {Table} from "apache-arrow";

/** How one connection makes, runs and frees its prepared statements (`S`: the engine's handle). */
export interface StatementDriver<S> {
  prepare(sql: string): Promise<S>;
  query(statement: S, params: unknown[]): Promise<Table>;
  close(statement: S): Promise<void>;
}

/** Default of {@link PreparedStatements}' `limit`: more distinct parameterised SQL texts than a notebook's cells hold. */
export const PREPARED_STATEMENTS_LIMIT = 64;

/**
 * One connection's prepared statements, kept by SQL text, so that a parameterised query run
 * again (an input changed) costs one round trip to DuckDB's worker instead of three (prepare,
 * query, close). At most `limit` are kept: the least recently used is closed. A statement whose
 * preparation or query fails is not kept (the next call prepares it again). Calls run one after
 * another. The statements live and die with their connection: an engine that was replaced takes
 * them along, and its successor's connections start with none.
 */
export class PreparedStatements<S> {
  readonly #driver: StatementDriver<S>;
  readonly #limit: number;
  /** By SQL text, least recently used first (a `Map` keeps insertion order). */
  readonly #statements = new Map<string, S>();
  #queue: Promise<unknown> = Promise.resolve();
  /** How many statements were prepared: what the cache saves shows here. */
  prepared = 0;

  constructor(driver: StatementDriver<S>, limit = PREPARED_STATEMENTS_LIMIT) {
    this.#driver = driver;
    this.#limit = limit;
  }

  /** How many statements are kept. */
  get size(): number {
    return this.#statements.size;
  }

  /** Runs `sql` with `params` bound to its `?`s, preparing it unless a statement for it is kept. */
  query(sql: string, params: unknown[]): Promise<Table> {
    return this.#serial(() => this.#query(sql, params));
  }

  /** Closes every kept statement (before the connection closes). */
  closeAll(): Promise<void> {
    return this.#serial(async () => {
      const statements = [...this.#statements.values()];
      this.#statements.clear();
      for (const statement of statements) await this.#driver.close(statement).catch(() => {});
    });
  }

  async #query(sql: string, params: unknown[]): Promise<Table> {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = await this.#driver.prepare(sql);
      this.prepared++;
      const oldest = this.#statements.size >= this.#limit ? this.#statements.keys().next().value : undefined;
      if (oldest !== undefined) await this.#forget(oldest);
    } else {
      this.#statements.delete(sql); // re-inserted below: now the most recently used
    }
    this.#statements.set(sql, statement);
    try {
      return await this.#driver.query(statement, params);
    } catch (error) {
      await this.#forget(sql);
      throw error;
    }
  }

  async #forget(sql: string): Promise<void> {
    const statement = this.#statements.get(sql);
    if (statement === undefined) return;
    this.#statements.delete(sql);
    // A statement that cannot be closed (its engine is gone) has nothing left to free.
    await this.#driver.close(statement).catch(() => {});
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => {});
    return run;
  }
}
