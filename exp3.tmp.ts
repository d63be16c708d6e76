import {createRequire} from "node:module";
import path from "node:path";
import {readFileSync, rmSync, existsSync} from "node:fs";
import {gzipSync, brotliCompressSync} from "node:zlib";
import {DuckDBInstance} from "@duckdb/node-api";
import {createDuckDB, NODE_RUNTIME, VoidLogger} from "@duckdb/duckdb-wasm/blocking";
const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
const catalog = JSON.parse(readFileSync("data/catalog.json", "utf8"));
const native = await DuckDBInstance.create(":memory:");
const nc = await native.connect();
const db = await createDuckDB({mvp: {mainModule: path.join(dist, "duckdb-mvp.wasm"), mainWorker: ""}, eh: {mainModule: path.join(dist, "duckdb-eh.wasm"), mainWorker: ""}}, new VoidLogger(), NODE_RUNTIME);
await db.instantiate(() => {});
db.open({});
const c = db.connect();
c.query("SET autoload_known_extensions=false; SET autoinstall_known_extensions=false");
let tot = {raw: 0, gz: 0, br: 0, csvgz: 0, csvbr: 0, csv: 0};
for (const bs of [process.argv[2] ?? "262144"]) {
for (const t of catalog.tables) {
  const out = `/tmp/perf-exp/${t.name}.duckdb`;
  if (existsSync(out)) rmSync(out);
  const t0 = performance.now();
  await nc.run(`ATTACH '${out}' AS o (BLOCK_SIZE ${bs}); CREATE TABLE o."${t.name}" AS SELECT * FROM read_csv('data/${t.file}', header=true); DETACH o`);
  const wt = performance.now() - t0;
  const f = readFileSync(out), csv = readFileSync("data/" + t.file);
  const s = {raw: f.length, gz: gzipSync(f).length, br: brotliCompressSync(f).length, csvgz: gzipSync(csv).length, csvbr: brotliCompressSync(csv).length, csv: csv.length};
  for (const k in s) (tot as any)[k] += (s as any)[k];
  db.registerFileBuffer(`${t.name}.duckdb`, new Uint8Array(f));
  const t1 = performance.now();
  c.query(`ATTACH '${t.name}.duckdb' AS "c_${t.name}" (READ_ONLY)`);
  const n = c.query(`SELECT count(*)::INT n FROM "c_${t.name}"."${t.name}"`).toArray()[0].toJSON().n;
  console.log(t.name.padEnd(28), JSON.stringify(s), "write", wt.toFixed(0), "attach+count", (performance.now() - t1).toFixed(1), n);
}
console.log("total", bs, JSON.stringify(tot));
}
