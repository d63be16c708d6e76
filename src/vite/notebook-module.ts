import path from "node:path";
import type {CompiledCell} from "../compiler/index.ts";
import type {BuildQueryResult} from "./build-queries.ts";

/** Where a FileAttachment name points on disk, and its type. */
export interface ResolvedAttachment {
  name: string;
  file: string;
  mimeType: string;
}

/** The ES modules beside a notebook that its cells import (see `localModulesOf`). */
export interface ResolvedModules {
  /** The notebook file, relative to the project root, for messages. */
  notebook: string;
  /** Each module a cell imports that exists: path relative to the notebook's folder, and on disk. */
  files: Array<{path: string; file: string}>;
  /** Dev server: modules a cell names later load from the server. */
  served: boolean;
  /** Packages the cells import that the project installs and the app does not bundle (see `projectPackagesOf`). */
  packages?: Array<{name: string; file: string}>;
}

/** Everything the reader module of one notebook needs. */
export interface NotebookModuleSpec {
  /** Absolute path of the reader's entry (src/app/reader.ts). */
  readerEntry: string;
  cells: CompiledCell[];
  attachments: ResolvedAttachment[];
  /** Start DuckDB with the page (a cell uses SQL or the database builtins). */
  database: boolean;
  /** For editing: the page's path relative to the root, and the notebook file (loaded lazily as text). */
  edit?: {path: string; sourceFile: string};
  /** Id of a module with just the Plot members the cells use; absent: all of Plot. */
  plotModule?: string;
  /** Id of a module with just the D3 members the cells use; absent: all of D3. */
  d3Module?: string;
  /**
   * Ids of Arquero without its Arrow writer (see arquero-arrow.ts): a module with just the members
   * the cells use, and one with all of them (Edit mode). Absent: all of Arquero.
   */
  arqueroModule?: {members: string; all: string};
  /** Id of a module with just the Observable Inputs members the cells use; absent: all of Inputs. */
  inputsModule?: string;
  /** The modules beside the notebook; absent: none. */
  modules?: ResolvedModules;
  /** The SQL cells' queries the build ran on DuckDB or SQLite files; absent: none. */
  queries?: BuildQueryResult[];
  /** Dev server: the URL, but for the key at its end, that runs a query or loader not built yet. */
  servedResults?: string;
}

/**
 * The JavaScript module that runs one notebook in the reader: each cell's body as code (no eval,
 * so a strict Content-Security-Policy holds), its attachments as bundled asset URLs.
 */
export function notebookModule(spec: NotebookModuleSpec): string {
  const lines = [`import {run} from ${JSON.stringify(toImportPath(spec.readerEntry))};`];
  spec.attachments.forEach((a, i) => lines.push(`import file${i} from ${JSON.stringify(`${toImportPath(a.file)}?url`)};`));
  const files = spec.attachments
    .map((a, i) => `  ${JSON.stringify(a.name)}: {url: file${i}, mimeType: ${JSON.stringify(a.mimeType)}}`)
    .join(",\n");
  const cells = spec.cells.map(cellLiteral).join(",\n");
  const raw = spec.edit && JSON.stringify(`${toImportPath(spec.edit.sourceFile)}?raw`);
  const edit = spec.edit ? `,\n edit: {path: ${JSON.stringify(spec.edit.path)}, source: () => import(${raw})}` : "";
  const plot = spec.plotModule ? `,\n plot: () => import(${JSON.stringify(spec.plotModule)})` : "";
  const d3 = spec.d3Module ? `,\n d3: () => import(${JSON.stringify(spec.d3Module)})` : "";
  const inputs = spec.inputsModule ? `,\n inputs: () => import(${JSON.stringify(spec.inputsModule)})` : "";
  const arquero = spec.arqueroModule;
  const aq = arquero ? `,\n aq: {members: () => import(${JSON.stringify(arquero.members)}), all: () => import(${JSON.stringify(arquero.all)})}` : "";
  const modules = spec.modules ? `,\n modules: ${modulesLiteral(spec.modules)}` : "";
  const results = (spec.queries ?? []).map((q, i) => {
    if ("error" in q) return `  ${JSON.stringify(q.key)}: {error: ${JSON.stringify(q.error)}}`;
    lines.push(`import query${i} from ${JSON.stringify(`${toImportPath(q.file)}?url`)};`);
    return `  ${JSON.stringify(q.key)}: {url: query${i}}`;
  });
  const served = spec.servedResults === undefined ? "" : `, served: ${JSON.stringify(spec.servedResults)}`;
  const queries = results.length > 0 || served ? `,\n queries: {results: {\n${results.join(",\n")}\n }${served}}` : "";
  lines.push(`run({\n database: ${spec.database},\n files: {\n${files}\n },\n cells: [\n${cells}\n ]${edit}${plot}${d3}${inputs}${aq}${modules}${queries}\n});`);
  // Dev server: a changed file reaches the page as a custom event that updates cells in place;
  // accepting the text module keeps Vite from reloading the page for it.
  if (raw) lines.push(`if (import.meta.hot) import.meta.hot.accept(${raw}, () => {});`);
  return lines.join("\n") + "\n";
}

/** Each module is a dynamic import, so Vite bundles it (and what it imports) as a lazy chunk. */
function modulesLiteral(modules: ResolvedModules): string {
  // A `?raw` or `?url` import (see localModulePath) keeps its suffix: Vite gives the file's text or address.
  const files = modules.files
    .map((m) => `  ${JSON.stringify(m.path)}: () => import(${JSON.stringify(toImportPath(m.file) + (/\?(raw|url)$/.exec(m.path)?.[0] ?? ""))})`)
    .join(",\n");
  const packages = (modules.packages ?? []).map((p) => `  ${JSON.stringify(p.name)}: () => import(${JSON.stringify(toImportPath(p.file))})`).join(",\n");
  return `{notebook: ${JSON.stringify(modules.notebook)}, served: ${modules.served}, files: {\n${files}\n }, packages: {\n${packages}\n }}`;
}

function cellLiteral(cell: CompiledCell): string {
  const {body, ...rest} = cell;
  const fields = Object.entries(rest)
    .filter(([key, value]) => value !== undefined && key !== "staticHtml" && key !== "query")
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `  {${fields.join(", ")}, body: ${body}}`;
}

/** Vite resolves absolute file-system paths; on Windows they need forward slashes. */
function toImportPath(file: string): string {
  return file.split(path.sep).join("/");
}
