import {spawn} from "node:child_process";
import {existsSync, mkdirSync, writeFileSync} from "node:fs";
import path from "node:path";
import type {CompiledCell} from "../compiler/index.ts";
import {loaderExtension} from "../shared/index.ts";
import type {BuildQueryResult} from "./build-queries.ts";

// Node's permission model: its flag lost "experimental" in Node 22.
const nodePermission = Number(process.versions.node.split(".")[0]) >= 22 ? "--permission" : "--experimental-permission";

/**
 * The interpreter of each data loader mode, its arguments for a program read from standard input
 * in `dir`, and its name in messages. A Node.js program may read only the notebook's folder and
 * write nothing (as in Notebook Kit); Python and R run unrestricted.
 */
const interpreters = {
  node: {command: process.execPath, args: (dir: string) => [nodePermission, `--allow-fs-read=${dir}`, "--disable-warning=ExperimentalWarning", "--input-type=module", "-"], name: "Node.js"},
  python: {command: "python3", args: () => ["-"], name: "Python (python3)"},
  r: {command: "Rscript", args: () => ["-"], name: "R (Rscript)"}
} as const;

/** How long one loader may run before the build stops it. */
const timeoutMs = 120_000;

/**
 * Runs each data loader cell (`cell.loader`) with its interpreter, its program on standard
 * input and the notebook's folder `dir` as working directory, and caches what it prints in
 * `cacheDir` under the cell's key (its mode, format and program): an unchanged program is not
 * run again; delete the cache to run it anyway. Never throws: a missing interpreter, an exit
 * with an error or a timeout is that cell's error.
 */
export async function runBuildLoaders(cells: CompiledCell[], dir: string, cacheDir: string): Promise<BuildQueryResult[]> {
  const results: BuildQueryResult[] = [];
  for (const cell of cells) {
    const loader = cell.loader;
    if (loader === undefined || results.some((r) => r.key === loader.key)) continue;
    const file = path.join(cacheDir, `${loader.key}.${loaderExtension(loader.format)}`);
    try {
      if (!existsSync(file)) {
        const output = await run(loader.mode, loader.source, dir);
        mkdirSync(cacheDir, {recursive: true});
        writeFileSync(file, output);
      }
      results.push({key: loader.key, file});
    } catch (error) {
      results.push({key: loader.key, error: error instanceof Error ? error.message : String(error)});
    }
  }
  return results;
}

function run(mode: keyof typeof interpreters, source: string, dir: string): Promise<Buffer> {
  const {command, args, name} = interpreters[mode];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args(dir), {cwd: dir, stdio: ["pipe", "pipe", "pipe"], timeout: timeoutMs});
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new Error(`${name} is not installed on the machine that builds the site, so this ${mode} cell cannot run: install it (the command ${path.basename(command)} must be on the PATH) and build again`) : error);
    });
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const stderr = errorSummary(Buffer.concat(err).toString("utf8"));
      if (signal !== null) return reject(new Error(`the ${mode} program was stopped after ${timeoutMs / 1000} s (${signal})`));
      reject(new Error(`the ${mode} program exited with code ${code}${stderr ? `: ${stderr}` : ""}`));
    });
    child.stdin.on("error", () => {}); // an interpreter that exits early closes its input; the exit says why
    child.stdin.end(source);
  });
}

/** What a failed program's error output says: its last `...Error: message` line, else its last lines. */
function errorSummary(stderr: string): string {
  const lines = stderr.trim().split("\n");
  const error = lines.filter((line) => /^\s*[\w.]*(Error|Exception)\b.*:/.test(line)).at(-1);
  return error?.trim() ?? lines.slice(-5).join("\n");
}
