// The baseline: DuckDB + Plot by hand, for the notebook's overhead ratio.
import * as duckdb from "@duckdb/duckdb-wasm";
import wasmUrl from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import workerUrl from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import * as Plot from "@observablehq/plot";

const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl));
await db.instantiate(wasmUrl);
await db.open({query: {castBigIntToDouble: true, castDecimalToDouble: true}});
const connection = await db.connect();
performance.mark("mapt:duckdb-ready");
await connection.query(`CREATE OR REPLACE TABLE big AS
  SELECT i, i % 100 AS g, ((i * 7919) % 1000) / 10.0 AS v FROM range(200000) t(i)`);
const statement = await connection.prepare("SELECT g, AVG(v) AS avg_v, COUNT(*) AS n FROM big WHERE v < ? GROUP BY g ORDER BY g");
const groups = await statement.query(50);
document.getElementById("chart")!.append(Plot.barY(groups, {x: "g", y: "avg_v"}).plot({width: 800}));
