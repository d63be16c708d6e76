import {existsSync} from "node:fs";
import {TABLES, buildTables} from "./build-tables.ts";
import {renderData} from "./render-data.ts";
import {openDuckSession, type DuckSession} from "./duckdb.ts";
import {readUnhcrDyads} from "./extract/unhcr-dyadic.ts";
import {openSharedFiles} from "./shared-files.ts";

/** Checks that DuckDB's CSV auto-detection reads each table with the types its spec documents. */
function checkTypes(duck: DuckSession, files: ReadonlyMap<string, string>): void {
  const problems: string[] = [];
  for (const spec of TABLES) {
    const file = `${spec.name}.csv`;
    duck.register(file, new TextEncoder().encode(files.get(file)));
    const got = duck.query(`DESCRIBE SELECT * FROM read_csv('${file}')`);
    spec.columns.forEach((c, i) => {
      const actual = got[i];
      if (!actual || actual.column_name !== c.name || actual.column_type !== c.type) {
        problems.push(`${spec.name}.${c.name}: spec ${c.type}, DuckDB reads ${String(actual?.column_name)} ${String(actual?.column_type)}`);
      }
    });
  }
  if (problems.length) throw new Error(`CSV types differ from the catalog:\n  ${problems.join("\n  ")}`);
}

/**
 * Regenerates the curated data from the shared folder at `sharedDir` and returns the file
 * contents keyed by file name. Throws when the folder is missing or a check fails.
 */
export async function curateData(sharedDir: string): Promise<Map<string, string>> {
  if (!existsSync(sharedDir)) throw new Error(`shared data folder not found: ${sharedDir} (set MAPT_SHARED_DIR)`);
  const shared = openSharedFiles(sharedDir);
  const files = renderData(buildTables(shared, await readUnhcrDyads(shared)));
  const duck = await openDuckSession();
  try {
    checkTypes(duck, files);
    return files;
  } finally {
    duck.close();
  }
}
