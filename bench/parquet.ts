// npm run bench:parquet [-- --rows N]: a user's Parquet file of N rows (generated here, never
// committed) decoded by MAPT's decoder (src/data/parquet.ts, here in Node on one thread; pages run
// it in a worker) and inserted into DuckDB-WASM (Node's blocking bundle), against native DuckDB
// (@duckdb/node-api, same engine version) reading the same file. Prints both times and the ratio.
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {DuckDBInstance} from "@duckdb/node-api";
import {parquetWriteBuffer} from "hyparquet-writer";
import {parquetToIPCStream} from "../src/data/index.ts";
import {openNodeDuckDB} from "../tests/data/node-duckdb.ts";

const {values} = parseArgs({options: {rows: {type: "string", default: "1000000"}}});
const rows = Number(values.rows);
const regions = ["north", "south", "east", "west", "Côte d’Ivoire"];
const index = Array.from({length: rows}, (_, i) => i);
console.log(`writing a ${rows.toLocaleString("en-US")}-row Parquet file…`);
const file = path.join(mkdtempSync(path.join(tmpdir(), "mapt-parquet-")), "rows.parquet");
writeFileSync(
  file,
  new Uint8Array(
    parquetWriteBuffer({
      rowGroupSize: 122_880,
      columnData: [
        {name: "id", data: Int32Array.from(index), type: "INT32"},
        {name: "region", data: index.map((i) => regions[i % regions.length]!), type: "STRING"},
        {name: "amount", data: Float64Array.from(index, (i) => (i % 1000) / 10), type: "DOUBLE"},
        {name: "label", data: index.map((i) => `row ${i}`), type: "STRING"}
      ]
    })
  )
);
const bytes = new Uint8Array((await import("node:fs")).readFileSync(file));

const instance = await openNodeDuckDB();
const connection = await instance.connect();
let start = performance.now();
const ipc = await parquetToIPCStream(bytes);
const decoded = performance.now() - start;
await connection.insertArrowFromIPCStream(ipc, "t");
const wasm = performance.now() - start;
const count = (await connection.query("SELECT count(*) AS n FROM t")).get(0)!.toJSON().n;

const native = await (await DuckDBInstance.create(":memory:")).connect();
await native.run("SET threads = 1");
start = performance.now();
await native.run(`CREATE TABLE t AS SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
const nativeTime = performance.now() - start;

console.log(`rows loaded: ${count}`);
console.log(`MAPT (decode ${decoded.toFixed(0)} ms + DuckDB-WASM insert): ${wasm.toFixed(0)} ms`);
console.log(`native DuckDB read_parquet, 1 thread:   ${nativeTime.toFixed(0)} ms`);
console.log(`ratio: ${(wasm / nativeTime).toFixed(1)}x`);
