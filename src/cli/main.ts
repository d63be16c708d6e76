import path from "node:path";
import {checkNotebooks, formatCheckReport} from "./check.ts";
import {exportNotebook} from "./export.ts";

const usage = `Usage: mapt check [--strict] [notebook.html ...]
       mapt export notebook.html [-o out.html]

Opens each notebook (default: every notebook in notebooks/) headless in Chromium against a
production build, waits until every cell settles, and lists every cell that failed.
Exits 1 when any cell failed. Set CHROMIUM_PATH to choose the browser.

--strict  also fails a notebook for every problem found reading its file, even those Notebook
          Kit repairs without a word (renumbered ids, text between cells, duplicate attributes).

export    writes one self-contained .html of a notebook (default: its name beside it, ending
          in .export.html) that opens from disk with no network: code, styles and attached
          files inlined, every query's result recorded by running the notebook once headless.`;

/** Runs the `mapt` command line; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === "check") {
    const strict = rest.includes("--strict");
    const files = rest.filter((arg) => arg !== "--strict");
    try {
      const results = await checkNotebooks({root: process.cwd(), files, strict, log: (line) => console.error(line)});
      console.log(formatCheckReport(results));
      return results.some((r) => r.failures.length || r.pageErrors.length || r.fileProblems.length) ? 1 : 0;
    } catch (error) {
      console.error(`mapt check: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  if (command === "export") return exportCommand(rest);
  console.log(usage);
  return command === undefined || command === "help" || command === "--help" ? 0 : 2;
}

async function exportCommand(args: string[]): Promise<number> {
  const at = args.indexOf("-o");
  const out = at >= 0 ? args[at + 1] : undefined;
  const files = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const file = files[0];
  if (file === undefined || files.length > 1 || (at >= 0 && out === undefined)) {
    console.error("mapt export: give one notebook file, and optionally -o out.html");
    return 2;
  }
  const target = out ?? file.replace(/\.html$/i, "") + ".export.html";
  try {
    const result = await exportNotebook({root: process.cwd(), file, out: target, log: (line) => console.error(line)});
    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    const {size} = result;
    console.log(`wrote ${path.relative(process.cwd(), result.out) || result.out}: ${mb(size.total)} (code ${mb(size.code)}, styles ${mb(size.styles)}, ${result.queries} query results ${mb(size.results)}, inlined files ${mb(size.inlinedFiles)})`);
    for (const failure of result.failures) console.log(`cell ${failure.cell} failed while recording: ${failure.error}`);
    return result.failures.length ? 1 : 0;
  } catch (error) {
    console.error(`mapt export: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
