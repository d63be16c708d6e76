import path from "node:path";
import {checkNotebooks, formatCheckReport} from "./check.ts";
import {exportNotebook} from "./export.ts";
import {printNotebookPdf} from "./pdf.ts";

const usage = `Usage: mapt check [--strict] [--root folder] [--template page.html] [notebook.html ...]
       mapt pdf notebook.html [-o out.pdf]
       mapt export [--engine] notebook.html [-o out.html]

Opens each notebook (default: every notebook in notebooks/) headless in Chromium against a
production build, waits until every cell settles, and lists every cell that failed. A
notebook also fails for every file its page could not find (404) and every request to another
address (blocked, unless its <notebook remote-hosts="..."> lists the host); a page that hangs
is stopped at its 60 s deadline and the cell that was running is named.
Exits 1 when any notebook failed. Set CHROMIUM_PATH to choose the browser.

--strict  also fails a notebook for every problem found reading its file, even those Notebook
          Kit repairs without a word (renumbered ids, text between cells, duplicate attributes).
--root    the project the notebooks belong to: a symbolic link among a notebook's files (say
          data -> ../data) may lead anywhere inside it, but into no hidden folder. Default: the
          nearest folder above each notebook holding a package.json or .git, else its own folder.
--template  the page the notebooks are laid out in, as Notebook Kit's notebooks build
          --template: its head (styles, scripts) and the body around its <main>. Default: the
          template the project's package.json names in a "notebooks build" or "notebooks
          preview" script whose --root holds the notebook; that --root is also where the
          page's site-root addresses (/public/logo.svg) lead.

pdf       prints one notebook to PDF headless in Chromium, once every cell has settled, with
          the page's print stylesheet (default out: the notebook's name with .pdf, here).
          Exits 1 when a cell failed (the PDF shows its error).

export    writes one self-contained .html of a notebook (default: its name beside it, ending
          in .export.html) that opens from disk with no network: code, styles and attached
          files inlined, every query's result recorded by running the notebook once headless.
--engine  also puts DuckDB-WASM and the catalog tables the notebook read into the file (about
          10 MB more), so a query whose inputs changed runs again in the file.`;

/** Runs the `mapt` command line; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === "check") {
    const strict = rest.includes("--strict");
    const at = rest.indexOf("--root");
    const projectRoot = at >= 0 ? rest[at + 1] : undefined;
    if (at >= 0 && projectRoot === undefined) {
      console.error(`mapt check: give a folder after --root\n\n${usage}`);
      return 2;
    }
    const templateAt = rest.indexOf("--template");
    const template = templateAt >= 0 ? rest[templateAt + 1] : undefined;
    if (templateAt >= 0 && template === undefined) {
      console.error(`mapt check: give an HTML file after --template\n\n${usage}`);
      return 2;
    }
    const valueAt = new Set([at, templateAt].filter((i) => i >= 0).flatMap((i) => [i, i + 1]));
    const files = rest.filter((arg, i) => arg !== "--strict" && !valueAt.has(i));
    try {
      const results = await checkNotebooks({root: process.cwd(), files, strict, projectRoot, template, log: (line) => console.error(line)});
      console.log(formatCheckReport(results));
      return results.some((r) => r.failures.length || r.pageErrors.length || r.fileProblems.length) ? 1 : 0;
    } catch (error) {
      console.error(`mapt check: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  if (command === "export") return exportCommand(rest);
  if (command === "pdf") return pdfCommand(rest);
  console.log(usage);
  return command === undefined || command === "help" || command === "--help" ? 0 : 2;
}

/** The one notebook file and the `-o` file of `mapt pdf` and `mapt export`, or what is wrong. */
function oneFile(command: string, args: string[]): {file: string; out: string | undefined} | undefined {
  const at = args.indexOf("-o");
  const out = at >= 0 ? args[at + 1] : undefined;
  const files = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  if (files.length === 1 && (at < 0 || out !== undefined)) return {file: files[0]!, out};
  console.error(`mapt ${command}: give one notebook file${at >= 0 && out === undefined ? " and a file name after -o" : ""}\n\n${usage}`);
  return undefined;
}

async function exportCommand(args: string[]): Promise<number> {
  const engine = args.includes("--engine");
  const given = oneFile("export", args.filter((arg) => arg !== "--engine"));
  if (given === undefined) return 2;
  const {file, out} = given;
  const target = out ?? file.replace(/\.html$/i, "") + ".export.html";
  try {
    const result = await exportNotebook({root: process.cwd(), file, out: target, engine, log: (line) => console.error(line)});
    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    const {size} = result;
    const engineRoom = engine ? `, database engine ${mb(size.engine)}, its tables ${mb(size.data)}` : "";
    console.log(`wrote ${path.relative(process.cwd(), result.out) || result.out}: ${mb(size.total)} (code ${mb(size.code)}, styles ${mb(size.styles)}, ${result.queries} query results ${mb(size.results)}, inlined files ${mb(size.inlinedFiles)}${engineRoom})`);
    for (const failure of result.failures) console.log(`cell ${failure.cell} failed while recording: ${failure.error}`);
    return result.failures.length ? 1 : 0;
  } catch (error) {
    console.error(`mapt export: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

/** `mapt pdf`: one notebook in, one PDF out. */
async function pdfCommand(args: string[]): Promise<number> {
  const given = oneFile("pdf", args);
  if (given === undefined) return 2;
  const {file, out} = given;
  try {
    const result = await printNotebookPdf({root: process.cwd(), file, out, log: (line: string) => console.error(line)});
    for (const f of result.failures) console.error(`${file}: cell ${f.cell} (${f.mode}): ${f.error}`);
    for (const e of result.pageErrors) console.error(`${file}: page error: ${e}`);
    console.log(`wrote ${result.out}`);
    return result.failures.length || result.pageErrors.length ? 1 : 0;
  } catch (error) {
    console.error(`mapt pdf: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

