import type {QueryResultFile} from "../shared/index.ts";
import type {BuildQueries} from "./context.ts";
import {withRowAccess} from "./rows-access.ts";

/**
 * The `__query` builtin behind a SQL cell on a DuckDB or SQLite file:
 * `__query("cases.duckdb", key)\`SELECT ...\``. The build ran the query on the machine; this
 * reads the result file it wrote (found by the query's key) as an Arrow table that also reads as
 * an array of rows, like a page query's result. A query the build did not run (edited since)
 * or that failed says so on its cell.
 */
export function buildQuery(queries: BuildQueries | undefined, fetchFile: (url: string) => Promise<Response>) {
  return (database: string, key: string) => async (): Promise<unknown> => {
    const entry = queries?.results[key];
    if (entry === undefined && queries?.served !== undefined) return readResult(await fetchFile(queries.served + key), database);
    if (entry === undefined) {
      throw new Error(`The query on "${database}" runs when the site is built (npm run build, or when the dev server loads the page), and this one has not run: ${queries ? "it changed since the page was built; build again or reload the page" : "this notebook is not a file in a project, so nothing can run it"}.`);
    }
    if ("error" in entry) throw new Error(`The query on "${database}" failed when the site was built: ${entry.error}`);
    return readResult(await fetchFile(entry.url), database);
  };
}

async function readResult(response: Response, database: string): Promise<unknown> {
  if (!response.ok) throw new Error(`The query on "${database}" failed: ${(await response.text()) || response.statusText}`);
  const file = (await response.json()) as QueryResultFile;
  const {tableFromArrays} = await import("apache-arrow");
  const columns = Object.fromEntries(
    file.columns.map((column, i) => {
      const values = file.rows.map((row) => row[i] ?? null);
      return [column.name, column.type === "date" ? values.map((v) => (v === null ? null : new Date(String(v)))) : values];
    })
  );
  return withRowAccess(tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]));
}
