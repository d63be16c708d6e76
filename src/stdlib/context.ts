import type {DuckDBClient} from "../data/index.ts";
import {pageInputs} from "./inputs.ts";

/** Where an attached file lives, as the build resolved it. */
export interface ResolvedFile {
  url: string;
  /** Default: from the name's extension. */
  mimeType?: string;
  /** The bytes of a file kept in this browser: read as they are, never fetched. Default: none. */
  blob?: Blob;
}

/**
 * The ES modules beside a notebook file that its cells may import (`import {x} from "./lib/x.js"`).
 * The build bundles every one a cell names, so a built page loads them offline.
 */
export interface LocalModules {
  /** The notebook file, as the messages name it (such as "notebooks/kenya.html"). */
  notebook: string;
  /** A loader per module the build bundled, by path relative to the notebook's folder ("lib/x.js"). */
  files: Record<string, () => Promise<unknown>>;
  /**
   * Dev server only: a module the build did not see (a cell edited since the page loaded) loads
   * from the server, which serves the notebook's folder. Default false: a built site has only
   * what it bundled.
   */
  served?: boolean;
  /**
   * A loader per package a cell imports that the app does not bundle but the notebook's project
   * installs, by name (`"geoviz"`, or `"name/subpath"`). Default: none.
   */
  packages?: Record<string, () => Promise<unknown>>;
}

/** What the build ran for the page: SQL cells on DuckDB or SQLite files, data loader cells; by key. */
export interface BuildQueries {
  /** The output file of each query or loader the build ran, or the error it met. */
  results: Record<string, {url: string} | {error: string}>;
  /**
   * Dev server only: the URL, but for the key at its end, that runs a query or loader the page
   * was not built with (a cell edited since); it answers the output, or the error as text.
   */
  served?: string;
}

/** What the page gives the builtins (spec in; see {@link toBuiltinContext}). */
export interface BuiltinContextSpec {
  /** The page's database, started on first call. Required. */
  database(): Promise<DuckDBClient>;
  /**
   * The database SQL cells, `db`, `sql`, `cite` and `bibliography` query. Default: `database`.
   * A built page with result snapshots passes one that answers the recorded queries before
   * DuckDB has started (`SnapshotFirstClient`).
   */
  queryDatabase?(): Promise<DuckDBClient>;
  /** Where the attached file `name` is, or `undefined`. Default: no files. */
  resolveFile?(name: string): ResolvedFile | undefined;
  /** The names of the attached files, listed when a name is not found. Default: none. */
  listFiles?(): string[];
  /** The main column, whose width `width` reports. Default: none (`width` yields 640). */
  root?: HTMLElement;
  /** The document `md`, `tex`, `html`… build in. Default: `globalThis.document`. */
  document?: Document;
  /** Fetches attached files. Default: `globalThis.fetch`. */
  fetch?: (url: string) => Promise<Response>;
  /** Loads the `Plot` builtin (a built page passes just the members its cells use). Default: all of Plot. */
  plot?: () => Promise<object>;
  /** Loads the `d3` builtin (a built page passes just the members its cells use). Default: all of D3. */
  d3?: () => Promise<object>;
  /**
   * Loads the `Inputs` builtin (a built page passes just the members its cells use, see
   * `pageInputs`). Default: all of Observable Inputs.
   */
  inputs?: () => Promise<object>;
  /** Loads the `aq` builtin (a built page may pass Arquero without its Arrow writer). Default: all of Arquero. */
  aq?: () => Promise<object>;
  /** The modules beside the notebook's file. Default: none (a draft or an opened file has no folder). */
  modules?: LocalModules;
  /** The results of build-time queries. Default: none. */
  queries?: BuildQueries;
}

/** {@link BuiltinContextSpec} with every default applied; `database()` called at most once. */
export interface BuiltinContext {
  database(): Promise<DuckDBClient>;
  queryDatabase(): Promise<DuckDBClient>;
  resolveFile(name: string): ResolvedFile | undefined;
  listFiles(): string[];
  root: HTMLElement | undefined;
  document: Document | undefined;
  fetch: (url: string) => Promise<Response>;
  plot: () => Promise<object>;
  d3: () => Promise<object>;
  inputs: () => Promise<object>;
  aq: () => Promise<object>;
  modules: LocalModules | undefined;
  queries: BuildQueries | undefined;
}

/** Applies the defaults of {@link BuiltinContextSpec}. */
export function toBuiltinContext(spec: BuiltinContextSpec): BuiltinContext {
  let database: Promise<DuckDBClient> | undefined;
  let queryDatabase: Promise<DuckDBClient> | undefined;
  const context: BuiltinContext = {
    database: () => (database ??= spec.database()),
    queryDatabase: () => (queryDatabase ??= spec.queryDatabase?.() ?? context.database()),
    resolveFile: (name) => spec.resolveFile?.(name),
    listFiles: () => spec.listFiles?.() ?? [],
    root: spec.root,
    document: spec.document ?? (typeof document === "undefined" ? undefined : document),
    fetch: spec.fetch ?? ((url) => fetch(url)),
    plot: spec.plot ?? (() => import("@observablehq/plot")),
    d3: spec.d3 ?? (() => import("d3")),
    inputs: spec.inputs ?? (() => pageInputs(undefined, context.document)),
    aq: spec.aq ?? (() => import("arquero")),
    modules: spec.modules,
    queries: spec.queries
  };
  return context;
}
