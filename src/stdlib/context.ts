import type {DuckDBClient} from "../data/index.ts";

/** Where an attached file lives, as the build resolved it. */
export interface ResolvedFile {
  url: string;
  /** Default: from the name's extension. */
  mimeType?: string;
  /** The bytes of a file kept in this browser: read as they are, never fetched. Default: none. */
  blob?: Blob;
}

/** What the page gives the builtins (spec in; see {@link toBuiltinContext}). */
export interface BuiltinContextSpec {
  /** The page's database, started on first call. Required. */
  database(): Promise<DuckDBClient>;
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
}

/** {@link BuiltinContextSpec} with every default applied; `database()` called at most once. */
export interface BuiltinContext {
  database(): Promise<DuckDBClient>;
  resolveFile(name: string): ResolvedFile | undefined;
  listFiles(): string[];
  root: HTMLElement | undefined;
  document: Document | undefined;
  fetch: (url: string) => Promise<Response>;
  plot: () => Promise<object>;
}

/** Applies the defaults of {@link BuiltinContextSpec}. */
export function toBuiltinContext(spec: BuiltinContextSpec): BuiltinContext {
  let database: Promise<DuckDBClient> | undefined;
  return {
    database: () => (database ??= spec.database()),
    resolveFile: (name) => spec.resolveFile?.(name),
    listFiles: () => spec.listFiles?.() ?? [],
    root: spec.root,
    document: spec.document ?? (typeof document === "undefined" ? undefined : document),
    fetch: spec.fetch ?? ((url) => fetch(url)),
    plot: spec.plot ?? (() => import("@observablehq/plot"))
  };
}
