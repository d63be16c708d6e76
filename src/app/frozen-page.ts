// An exported single file (src/cli/export.ts) inside a page: it answers its queries from the
// results `mapt export` recorded (src/app/export-recording.ts), and, when the export included the
// database engine, runs the queries it holds no result for on the DuckDB-WASM inlined in the
// file. Loaded only on such a page.
import type {Table} from "apache-arrow";
import {engineBlocks, fetchBytes, FrozenClient, QueryShortcuts, type DuckDBClient, type FrozenRecord, type LoadBytes} from "../data/index.ts";

/** The inlined engine, ready to start: its worker and wasm as blob: URLs, and how to read the data files it carries. */
export interface InlinedEngine {
  workerUrl: string;
  wasmUrl: string;
  loadBytes: LoadBytes;
}

/**
 * The database of an exported page: the frozen results, or `undefined` on a normal page. When an
 * input asks a query for values the export did not record, a file with the engine runs it there
 * (`startEngine`, called once, on the first such query); a file without says the result shown is
 * the exported one and that this interaction needs the full app.
 */
export function frozenDatabase(main: HTMLElement, startEngine?: (engine: InlinedEngine) => Promise<DuckDBClient>): Promise<DuckDBClient> | undefined {
  const element = document.getElementById("mapt-frozen");
  if (!element?.textContent) return undefined;
  const record = JSON.parse(element.textContent) as FrozenRecord;
  let notice: HTMLElement | undefined;
  const onOtherValues = () => {
    if (notice) return;
    notice = document.createElement("p");
    notice.className = "mapt-export-notice mapt-export-notice--values";
    notice.setAttribute("role", "status");
    notice.textContent =
      "An input asked for results this file does not hold: charts and tables show the values frozen when the notebook was exported. Changing queries needs the full app (MAPT Notebooks), or an export that includes the database engine.";
    main.prepend(notice);
  };
  const frozen = new FrozenClient(record, onOtherValues);
  const worker = document.getElementById(engineBlocks.worker);
  const wasm = document.getElementById(engineBlocks.wasm);
  if (startEngine && worker && wasm) {
    let engine: Promise<DuckDBClient> | undefined;
    const live = () =>
      (engine ??= Promise.all([inlinedUrl(worker, "text/javascript"), inlinedDataUrl(wasm, "application/wasm")]).then(([workerUrl, wasmUrl]) =>
        startEngine({workerUrl, wasmUrl, loadBytes: inlinedFiles()})
      ));
    return Promise.resolve(new EngineClient(frozen, live) as unknown as DuckDBClient);
  }
  // The frozen client answers the queries cells and builtins make; it is not a DuckDB instance.
  return Promise.resolve(frozen as unknown as DuckDBClient);
}

/**
 * An exported page's database when the file carries the engine: a recorded query is answered
 * from its frozen result (no engine needed to open the file), any other starts the engine.
 */
class EngineClient extends QueryShortcuts {
  constructor(
    readonly frozen: FrozenClient,
    readonly live: () => Promise<DuckDBClient>
  ) {
    super();
  }

  async query(sql: string, params: readonly unknown[] = [], options?: Parameters<DuckDBClient["query"]>[2]): Promise<Table> {
    if (this.frozen.recorded(sql, params)) return this.frozen.query(sql, params);
    return (await this.live()).query(sql, params, options);
  }



  async describeTables(): Promise<[]> {
    return [];
  }
}

/** A block's bytes (base64 of gzip) as a blob: URL of `type`; decompressed by the browser. */
async function inlinedUrl(block: HTMLElement, type: string): Promise<string> {
  return URL.createObjectURL(new Blob([await gunzipBlock(block)], {type}));
}

/**
 * A block's bytes as a data: URL. The wasm goes to DuckDB's worker this way: a page opened from
 * file:// has an opaque origin, and a worker cannot fetch the blob: URLs such a page makes.
 */
async function inlinedDataUrl(block: HTMLElement, type: string): Promise<string> {
  const blob = new Blob([await gunzipBlock(block)], {type});
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error("could not read the engine in this file"));
    reader.readAsDataURL(blob);
  });
}

async function gunzipBlock(block: HTMLElement): Promise<ArrayBuffer> {
  // A data: URL decodes the base64 without a copy as a string; the page's policy allows reading data: URLs.
  const response = await fetch(`data:application/gzip;base64,${(block.textContent ?? "").trim()}`);
  return new Response(response.body!.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
}

/** Reads a catalog file the export carries (by its file name, as the build named it), else fetches it. */
function inlinedFiles(): LoadBytes {
  const blocks = new Map([...document.querySelectorAll<HTMLElement>(`script.${engineBlocks.file}`)].map((block) => [block.dataset.name ?? "", block]));
  return async (url) => {
    const block = blocks.get(url.split(/[?#]/)[0]!.split("/").pop() ?? "");
    return block ? gunzipBlock(block) : fetchBytes(url);
  };
}
