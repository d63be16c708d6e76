/**
 * `npm run data`: regenerates `data/` (curated CSV tables and catalog.json) from the shared
 * folder. The shared folder is `../shared` next to the repository unless `MAPT_SHARED_DIR` says
 * otherwise; `--out <dir>` writes elsewhere than `data/`.
 */
import {mkdirSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {curateData} from "./curate-data.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outFlag = process.argv.indexOf("--out");
const outDir = outFlag >= 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(repoRoot, "data");
const sharedDir = process.env.MAPT_SHARED_DIR ? path.resolve(process.env.MAPT_SHARED_DIR) : path.resolve(repoRoot, "../shared");

const files = await curateData(sharedDir);
mkdirSync(outDir, {recursive: true});
let bytes = 0;
for (const [name, text] of files) {
  writeFileSync(path.join(outDir, name), text);
  bytes += Buffer.byteLength(text);
}
console.log(`wrote ${files.size} files (${(bytes / 1e6).toFixed(2)} MB) to ${path.relative(process.cwd(), outDir) || "."}`);
