// Cells that run when the page is built, not in the browser: SQL on a database other than
// `var:...` and data loaders. Each runs once per content on this machine, its result is kept in
// `.observable/cache/` beside the notebook (as Notebook Kit keeps it), and the page's cell reads
// that file. The browser never sees the query, the loader or the database.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, renameSync, statSync, writeFileSync} from "node:fs";
import path from "node:path";
import {tableFromArrays, tableToIPC} from "apache-arrow";
import type {Cell, CellId, Notebook} from "../../notebook/index.ts";
import {databaseConfig, runQuery, type DatabaseConfig, type QueryResult} from "./databases.ts";
import {isLoaderMode, loaderExtension, loaderReader, runLoader} from "./interpreters.ts";

export {isLoaderMode} from "./interpreters.ts";

/** The folder of cached results, relative to the notebook's folder. */
export const cacheFolder = ".observable/cache";

/** Whether a cell runs when the page is built. */
export function runsAtBuildTime(cell: Cell): boolean {
  if (cell.mode === "sql") return cell.database !== undefined && !cell.database.startsWith("var:");
  return isLoaderMode(cell.mode);
}

/**
 * For each build-time cell of `notebook` (in `dir`), the JavaScript cell the page runs instead:
 * one that reads the cached result, or one that fails with what went wrong. Results are cached by
 * content, so a rebuild runs only what changed.
 */
export async function resolveBuildTimeCells(notebook: Notebook, dir: string): Promise<Map<CellId, Cell>> {
  const replacements = new Map<CellId, Cell>();
  for (const cell of notebook.cells) {
    if (!runsAtBuildTime(cell)) continue;
    let source: string;
    try {
      source = await buildTimeSource(cell, dir);
    } catch (error) {
      source = `throw new Error(${JSON.stringify(error instanceof Error ? error.message : String(error))});`;
    }
    // An expression cell: its `output` attribute names its value, as for any JavaScript cell.
    replacements.set(cell.id, {...cell, mode: "js", source, database: undefined, type: undefined});
  }
  return replacements;
}

async function buildTimeSource(cell: Cell, dir: string): Promise<string> {
  if (cell.mode === "sql") {
    if (/\$\{/.test(cell.source)) {
      throw new Error(`a query on "${cell.database}" runs when the page is built, so it cannot use \${...} values from the page; filter its result in a JavaScript cell instead`);
    }
    const config = databaseConfig(dir, cell.database!);
    const name = await cached(dir, ["sql", cell.database!, fileStamp(config, dir), cell.source], ".arrow", async () => toArrow(await runQuery(config, dir, cell.source)));
    return `FileAttachment(${JSON.stringify(name)}).arrow()`;
  }
  const format = cell.extra.find((attribute) => attribute.name.toLowerCase() === "format")?.value ?? undefined;
  const mode = cell.mode as "node" | "python" | "r";
  const name = await cached(dir, [mode, format ?? "", cell.source], loaderExtension(format), () => runLoader(mode, cell.source, dir));
  return `FileAttachment(${JSON.stringify(name)})${loaderReader(format)}`;
}

/** A database file's size and time of change, so a changed file is queried again. */
function fileStamp(config: DatabaseConfig, dir: string): string {
  if (config.type === "postgres" || config.path === undefined) return "";
  const file = path.resolve(dir, config.path);
  if (!existsSync(file)) return "";
  const stat = statSync(file);
  return `${stat.size}:${stat.mtimeMs}`;
}

/** The cache file for `key` (its name relative to `dir`), computed by `make` when missing. */
async function cached(dir: string, key: string[], extension: string, make: () => Promise<Uint8Array>): Promise<string> {
  const hash = createHash("sha256").update(key.join("\0")).digest("hex").slice(0, 24);
  const name = `${cacheFolder}/${key[0]}-${hash}${extension}`;
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    const bytes = await make();
    mkdirSync(path.dirname(file), {recursive: true});
    // Written aside, then renamed: a failed or concurrent build never leaves half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  }
  return name;
}

/** A query's rows as Arrow IPC, columns in the query's order (an empty result keeps them). */
function toArrow(result: QueryResult): Uint8Array {
  const columns: Record<string, unknown[]> = {};
  for (const column of result.columns) columns[column] = result.rows.map((row) => plain(row[column]));
  const arrays = Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, typedColumn(values)]));
  // An empty result keeps its columns (as text: there is no value to tell their type).
  return tableToIPC(tableFromArrays(arrays as Parameters<typeof tableFromArrays>[0]), "file");
}

/** A column as Arrow infers it when its values share one type (nulls kept); mixed values as strings. */
function typedColumn(values: unknown[]): unknown[] {
  const kinds = new Set(values.filter((value) => value !== null && value !== undefined).map((value) => (value instanceof Date ? "date" : typeof value)));
  const filled = values.map((value) => value ?? null);
  if (kinds.size <= 1 && !kinds.has("object")) return filled;
  return filled.map((value) => (value === null ? null : String(value)));
}

/** A value from a driver as a plain JavaScript value: bigints as numbers, dates kept. */
function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}
