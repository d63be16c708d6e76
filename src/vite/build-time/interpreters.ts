// Data-loader cells (Notebook Kit's `application/vnd.node.javascript`, `text/x-python`,
// `text/x-r`): run on this machine when the page is built, their standard output kept as a file
// the page reads in the cell's `format`.
import {spawn} from "node:child_process";

/** The cell modes that run as data loaders. */
export type LoaderMode = "node" | "python" | "r";

const commands: Record<LoaderMode, {command: string; args: string[]; install: string}> = {
  node: {command: process.execPath, args: ["--input-type=module"], install: "Node.js"},
  python: {command: "python3", args: ["-"], install: "Python 3 (for example `apt install python3`)"},
  r: {command: "Rscript", args: ["-"], install: "R (for example `apt install r-base-core`)"}
};

/** Whether a mode is a data loader's. */
export function isLoaderMode(mode: string): mode is LoaderMode {
  return mode in commands;
}

/** The file extension of a loader's output for its `format` (as Notebook Kit names them). */
export function loaderExtension(format: string | undefined): string {
  switch (format) {
    case "html":
    case "text":
      return ".txt";
    case "jpeg":
      return ".jpg";
    case "json":
    case "arrow":
    case "parquet":
    case "csv":
    case "tsv":
    case "png":
    case "gif":
    case "svg":
    case "webp":
    case "xml":
      return `.${format}`;
    default:
      return ".bin";
  }
}

/** The expression after `FileAttachment(name)` that reads a loader's output in its `format`. */
export function loaderReader(format: string | undefined): string {
  switch (format) {
    case "arrow":
    case "parquet":
    case "json":
    case "blob":
    case "text":
    case "xml":
      return `.${format}()`;
    case "html":
      return ".text().then((text) => html({raw: [text]}))";
    case "buffer":
      return ".arrayBuffer()";
    case "jpeg":
    case "png":
    case "gif":
    case "svg":
    case "webp":
      return ".image()";
    case "csv":
    case "tsv":
      return `.${format}({typed: true})`;
    default:
      return "";
  }
}

/**
 * Runs a loader's source with its interpreter in `dir` and resolves with its standard output.
 * Rejects with a message naming a missing interpreter, or the exit code and the end of the
 * loader's standard error.
 */
export function runLoader(mode: LoaderMode, source: string, dir: string, timeoutMs = 120_000): Promise<Buffer> {
  const {command, args, install} = commands[mode];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: dir, stdio: ["pipe", "pipe", "pipe"], timeout: timeoutMs});
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") reject(new Error(`this ${mode} cell needs ${command}, which is not installed on the machine that builds the page: install ${install}`));
      else reject(error);
    });
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const stderr = Buffer.concat(err).toString("utf8").trim().split("\n").slice(-8).join("\n");
      const how = signal ? `was stopped (${signal}${signal === "SIGTERM" ? `, after ${timeoutMs / 1000} s` : ""})` : `exited with code ${code}`;
      reject(new Error(`the ${mode} cell ${how}${stderr ? `:\n${stderr}` : ""}`));
    });
    child.stdin.on("error", () => {}); // a loader that exits without reading its input
    child.stdin.end(source);
  });
}
