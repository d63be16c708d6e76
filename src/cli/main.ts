import {checkNotebooks, formatCheckReport} from "./check.ts";

const usage = `Usage: mapt check [notebook.html ...]

Opens each notebook (default: every notebook in notebooks/) headless in Chromium against a
production build, waits until every cell settles, and lists every cell that failed.
Exits 1 when any cell failed. Set CHROMIUM_PATH to choose the browser.`;

/** Runs the `mapt` command line; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === "check") {
    try {
      const results = await checkNotebooks({root: process.cwd(), files: rest, log: (line) => console.error(line)});
      console.log(formatCheckReport(results));
      return results.some((r) => r.failures.length || r.pageErrors.length) ? 1 : 0;
    } catch (error) {
      console.error(`mapt check: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  console.log(usage);
  return command === undefined || command === "help" || command === "--help" ? 0 : 2;
}
