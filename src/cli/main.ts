import {checkNotebooks, formatCheckReport} from "./check.ts";
import {exportNotebook, formatExportSize} from "./export.ts";
import {printNotebookPdf} from "./pdf.ts";

const usage = `Usage: mapt check [--strict] [notebook.html ...]
       mapt pdf notebook.html [-o out.pdf]
       mapt export notebook.html [-o out.html]

Opens each notebook (default: every notebook in notebooks/) headless in Chromium against a
production build, waits until every cell settles, and lists every cell that failed.
Exits 1 when any cell failed. Set CHROMIUM_PATH to choose the browser.

--strict  also fails a notebook for every problem found reading its file, even those Notebook
          Kit repairs without a word (renumbered ids, text between cells, duplicate attributes).

pdf       prints one notebook to PDF headless in Chromium, once every cell has settled, with
          the page's print stylesheet (default out: the notebook's name with .pdf, here).
          Exits 1 when a cell failed (the PDF shows its error).

export    writes one self-contained HTML file of a notebook as it runs to the end: every chart
          and table inside, no script, no request; opens offline from disk (default out: the
          notebook's name with -export.html, here). Exits 1 when a cell failed.`;

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
  if (command === "pdf" || command === "export") return writeOne(command, rest);
  console.log(usage);
  return command === undefined || command === "help" || command === "--help" ? 0 : 2;
}

/** `mapt pdf` and `mapt export`: one notebook in, one file out. */
async function writeOne(command: "pdf" | "export", args: string[]): Promise<number> {
  const at = args.indexOf("-o");
  const out = at >= 0 ? args[at + 1] : undefined;
  const files = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  if (files.length !== 1 || (at >= 0 && out === undefined)) {
    console.error(`mapt ${command}: give one notebook file${at >= 0 && out === undefined ? " and a file name after -o" : ""}\n\n${usage}`);
    return 2;
  }
  const file = files[0]!;
  try {
    const options = {root: process.cwd(), file, out, log: (line: string) => console.error(line)};
    const result =
      command === "pdf"
        ? {...(await printNotebookPdf(options)), size: ""}
        : await exportNotebook(options).then((exported) => ({...exported, size: ` (${formatExportSize(exported)})`}));
    for (const f of result.failures) console.error(`${file}: cell ${f.cell} (${f.mode}): ${f.error}`);
    for (const e of result.pageErrors) console.error(`${file}: page error: ${e}`);
    console.log(`wrote ${result.out}${result.size}`);
    return result.failures.length || result.pageErrors.length ? 1 : 0;
  } catch (error) {
    console.error(`mapt ${command}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
