import {readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import type {Notebook} from "../../src/notebook/index.ts";

/** A notebook file from lines, so that tests can name line numbers. */
export function file(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

/** The saved document without how its file was written, to compare notebooks read from different files. */
export function documentOf(notebook: Notebook): Omit<Notebook, "file"> {
  const {file: _file, ...document} = notebook;
  return document;
}

const root = path.resolve(import.meta.dirname, "../..");

/** Every notebook file the project ships or tests with: the format fixtures, notebooks/, the e2e fixtures. */
export function notebookFiles(): Array<{name: string; text: string}> {
  return ["tests/notebook/fixtures", "notebooks", "tests/e2e/fixtures"].flatMap((folder) =>
    readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith(".html"))
      .sort()
      .map((name) => ({name: `${folder}/${name}`, text: readFileSync(path.join(root, folder, name), "utf8")}))
  );
}

/** One format fixture's text. */
export function fixture(name: string): string {
  return readFileSync(path.join(root, "tests/notebook/fixtures", name), "utf8");
}
