import {checkNotebooks, formatCheckReport} from "./check.ts";

const usage = `Usage: mapt check [--strict] [notebook.html ...]

Opens each notebook (default: every notebook in notebooks/) headless in Chromium against a
production build, waits until every cell settles, and lists every cell that failed. A
notebook also fails for every file its page could not find (404) and every request to another
address (blocked, unless its <notebook remote-hosts="..."> lists the host); a page that hangs
is stopped at its 60 s deadline and the cell that was running is named.
Exits 1 when any notebook failed. Set CHROMIUM_PATH to choose the browser.

--strict  also fails a notebook for every problem found reading its file, even those Notebook
          Kit repairs without a word (renumbered ids, text between cells, duplicate attributes).`;

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
  console.log(usage);
  return command === undefined || command === "help" || command === "--help" ? 0 : 2;
}
