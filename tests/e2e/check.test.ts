import {execFile} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {promisify} from "node:util";
import {describe, expect, it} from "vitest";
import {checkNotebooks, formatCheckReport} from "../../src/cli/index.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

/** The example notebook of the README, written to a file of its own. */
function readmeExample(): string {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const example = /```html\n([\s\S]*?)```/.exec(readme)![1]!;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "mapt-readme-")), "example.html");
  writeFileSync(file, example);
  return file;
}

/** Runs `mapt check` with `args`; its exit code and what it printed. */
function mapt(...args: string[]): Promise<{code: number; stdout: string}> {
  return promisify(execFile)("node", ["bin/mapt.mjs", "check", ...args], {cwd: root}).then(
    (r) => ({code: 0, stdout: r.stdout}),
    (e: {code: number; stdout: string}) => ({code: e.code, stdout: e.stdout})
  );
}

describe("check", () => {
  it("checkNotebooks lists notebook, cell id, mode and error for every failed cell, and passes good notebooks", async () => {
    const oddIds = path.join(root, "tests/notebook/fixtures/odd-ids.html");
    const results = await checkNotebooks({root, files: [fixture("errors.html"), fixture("attachments.html"), readmeExample(), oddIds]});
    const [broken, good, readme, renumbered] = results;
    expect(broken!.failures.map((f) => [f.cell, f.mode])).toEqual([
      [1, "js"], [2, "js"], [3, "js"], [4, "js"], [5, "js"], [6, "js"], [7, "js"], [10, "sql"], [11, "js"], [12, "js"], [14, "js"]
    ]);
    expect(good!.failures).toEqual([]);
    expect(readme!.failures, "the README's example notebook runs").toEqual([]);
    expect(readme!.cells).toBe(4);
    expect(renumbered, "ids Notebook Kit renumbers silently fail only --strict").toMatchObject({failures: [], pageErrors: [], fileProblems: []});
    const report = formatCheckReport(results);
    expect(report).toContain("errors.html: cell 10 (sql): Catalog Error");
    expect(report.split("\n").at(-1)).toBe("3 notebooks passed, 1 failed");
  });

  it("checkNotebooks does not run a cell the file marks unrun and fails it as not run; the other cells run", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mapt-unrun-")), "unrun.html");
    writeFileSync(
      file,
      `<!doctype html>\n<notebook>\n  <title>Unrun</title>\n  <script id="1" type="module">\n    const a = 1;\n  </script>\n  <script id="2" type="module" unrun>\n    const t = Date.now(); while (Date.now() - t < 1e9) {}\n  </script>\n  <script id="3" type="module">\n    a + 1\n  </script>\n</notebook>\n`
    );
    const [result] = await checkNotebooks({root, files: [file]});
    expect(result!.pageErrors, "the page settled without running the marked cell").toEqual([]);
    expect(result!.failures).toHaveLength(1);
    expect(result!.failures[0]).toMatchObject({cell: 2, mode: "js"});
    expect(result!.failures[0]!.error).toMatch(/^not run: the file marks it unrun/);
    expect(formatCheckReport([result!]).split("\n").at(-1)).toBe("0 notebooks passed, 1 failed");
  }, 300_000);

  it("mapt check --strict fails a notebook whose cells all run for the problems Notebook Kit repairs silently", async () => {
    const oddIds = path.join(root, "tests/notebook/fixtures/odd-ids.html");
    const clean = path.join(root, "tests/notebook/fixtures/markdown-indent.html");
    const strict = await mapt("--strict", oddIds, clean);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('odd-ids.html: line 4: warning: cell has invalid id "header" (ids are positive whole numbers); numbered 1');
    expect(strict.stdout).not.toMatch(/odd-ids\.html: cell \d+/);
    expect(strict.stdout.trim().split("\n").at(-1)).toBe("1 notebook passed, 1 failed");
  });

  it("checkNotebooks runs cells that import a package the notebook's project installs (npm: or bare), and names one it does not", async () => {
    const project = mkdtempSync(path.join(tmpdir(), "mapt-packages-"));
    writeFileSync(path.join(project, "package.json"), JSON.stringify({name: "field-notes", private: true}));
    const tally = path.join(project, "node_modules", "tally-marks");
    mkdirSync(tally, {recursive: true});
    writeFileSync(path.join(tally, "package.json"), JSON.stringify({name: "tally-marks", type: "module", exports: {".": "./index.js"}}));
    writeFileSync(path.join(tally, "index.js"), 'export function tally(n) { return "|".repeat(n); }\n');
    mkdirSync(path.join(project, "docs"));
    const file = path.join(project, "docs", "counts.html");
    writeFileSync(
      file,
      `<notebook>
  <script id="1" type="module">import {tally} from "npm:tally-marks@1"; display(tally(3));</script>
  <script id="2" type="module">const {tally} = await import("tally-marks"); display(tally(2));</script>
  <script id="3" type="module">import {sum} from "npm:abacus-beads"; display(sum);</script>
</notebook>`
    );
    const [result] = await checkNotebooks({root, files: [file]});
    expect(result!.failures.map((f) => f.cell)).toEqual([3]);
    expect(result!.failures[0]!.error).toMatch(/the package abacus-beads is not bundled .* install it in the notebook's project \(npm install abacus-beads\)/);
  });

  it("the mapt check command exits non-zero on a broken notebook and zero on a good one", async () => {
    const broken = await mapt(fixture("errors.html"));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/errors\.html: cell 2 \(js\): boom/);
    const good = await mapt(fixture("reactive.html"));
    expect(good.code).toBe(0);
    expect(good.stdout.trim().split("\n").at(-1)).toBe("1 notebook passed, 0 failed");
  }, 400_000); // two builds of the whole site, one per command
});
