import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {quoteIdentifier, quoteString, readFileSql} from "../data/index.ts";

/** One catalog table as `data/catalog.json` names it. */
export interface CatalogFileEntry {
  name: string;
  file: string;
  format?: string;
}

/** What {@link writeCatalogDatabases} made: per table name, the `.duckdb` file holding that table. */
export type CatalogDatabases = {files: Map<string, string>} | {skipped: string};

/**
 * DuckDB's storage block size for the catalog files. The default (256 kB) makes even a 16-row
 * table a 0.5 MB file; at 16 kB a file is about the size of its CSV (smaller for large tables),
 * and gzip makes it smaller still.
 */
const BLOCK_SIZE = 16384;

/** Formats the native engine reads without an extension download. */
const CONVERTED = new Set(["csv", "tsv"]);

/**
 * Writes each CSV/TSV table of the catalog into its own read-only DuckDB database file (table
 * `main.<name>`), with native DuckDB (`@duckdb/node-api`) of the same engine version as the
 * page's DuckDB-WASM: a page then attaches the file on first use instead of parsing CSV, and
 * downloads only the tables its queries name. Files are cached in `cacheDir` by the two engines'
 * versions and the CSVs' contents. Returns `{skipped}` with the reason when native DuckDB is not
 * installed or its version differs from the wasm build's (a newer engine may write a file the
 * page cannot read): the build then ships the CSVs, which pages load into tables as in dev.
 */
export async function writeCatalogDatabases(root: string, dataDir: string, cacheDir: string, tables: CatalogFileEntry[]): Promise<CatalogDatabases> {
  const converted = tables.filter((table) => CONVERTED.has(formatOf(table)) && existsSync(path.join(dataDir, table.file)));
  if (converted.length === 0) return {files: new Map()};
  const require = createRequire(path.join(root, "package.json"));
  let nativeApi: typeof import("@duckdb/node-api");
  try {
    nativeApi = await import(pathToImport(require.resolve("@duckdb/node-api")));
  } catch (error) {
    return {skipped: `native DuckDB (@duckdb/node-api) is not installed: ${messageOf(error)}`};
  }
  const versions = `${packageVersion(require, "@duckdb/node-api")} ${packageVersion(require, "@duckdb/duckdb-wasm")}`;
  const hash = createHash("sha256").update(`${BLOCK_SIZE} ${versions}\n`);
  for (const table of converted) hash.update(`${table.name}\0${formatOf(table)}\0`).update(readFileSync(path.join(dataDir, table.file)));
  const dir = path.join(cacheDir, "mapt-catalog", hash.digest("hex").slice(0, 16));
  const files = new Map(converted.map((table) => [table.name, path.join(dir, `${table.name}.duckdb`)]));
  if (existsSync(path.join(dir, "complete"))) return {files};

  const native = await nativeApi.DuckDBInstance.create(":memory:");
  const connection = await native.connect();
  try {
    const nativeVersion = String((await connection.runAndReadAll("SELECT version()")).getRows()[0]![0]);
    const wasmVersion = await wasmEngineVersion(require);
    if (nativeVersion !== wasmVersion) {
      return {skipped: `native DuckDB is ${nativeVersion} but the page's DuckDB-WASM is ${wasmVersion}; a file written by one may not open in the other (install @duckdb/node-api of the wasm's engine version)`};
    }
    // Builds may run side by side (tests, check, bench): each writes its own folder, and the
    // first to finish gives it the shared name.
    const partial = `${dir}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`;
    mkdirSync(partial, {recursive: true});
    for (const table of converted) {
      const target = path.join(partial, `${table.name}.duckdb`);
      const source = path.join(dataDir, table.file);
      await connection.run(`ATTACH ${quoteString(target)} AS catalog_out (BLOCK_SIZE ${BLOCK_SIZE})`);
      try {
        await connection.run(`CREATE TABLE catalog_out.main.${quoteIdentifier(table.name)} AS SELECT * FROM ${readFileSql(source, formatOf(table) as "csv" | "tsv")}`);
      } finally {
        await connection.run("DETACH catalog_out");
      }
    }
    writeFileSync(path.join(partial, "complete"), versions);
    try {
      renameSync(partial, dir);
    } catch (error) {
      // Another build finished first (the folder exists): its files are the same.
      rmSync(partial, {recursive: true, force: true});
      if (!existsSync(path.join(dir, "complete"))) throw error;
    }
    return {files};
  } finally {
    connection.closeSync();
    native.closeSync();
  }
}

/** The engine version of the DuckDB-WASM the pages use (`v1.4.3`), asked of the engine itself. */
async function wasmEngineVersion(require: NodeJS.Require): Promise<string> {
  const blocking = await import(pathToImport(require.resolve("@duckdb/duckdb-wasm/blocking")));
  const dist = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  const db = await blocking.createDuckDB(
    {
      mvp: {mainModule: path.join(dist, "duckdb-mvp.wasm"), mainWorker: ""},
      eh: {mainModule: path.join(dist, "duckdb-eh.wasm"), mainWorker: ""}
    },
    new blocking.VoidLogger(),
    blocking.NODE_RUNTIME
  );
  await db.instantiate(() => {});
  db.open({});
  try {
    return String(db.getVersion());
  } finally {
    db.reset();
  }
}

function formatOf(table: CatalogFileEntry): string {
  return table.format ?? path.extname(table.file).slice(1).toLowerCase();
}

function packageVersion(require: NodeJS.Require, name: string): string {
  const main = require.resolve(name);
  let dir = path.dirname(main);
  while (!existsSync(path.join(dir, "package.json")) || JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).name !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
  return String(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version);
}

function pathToImport(file: string): string {
  return pathToFileURL(file).href;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
