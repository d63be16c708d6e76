// @vitest-environment happy-dom
// Observable Inputs builds its elements in the global document.
import {describe, expect, it} from "vitest";
import type {DuckDBClient} from "../../src/data/index.ts";
import {createBuiltins, Generators, type FileAttachment} from "../../src/stdlib/index.ts";


/** Puts files in a file input, as a reader choosing them would. */
function choose(input: HTMLInputElement, ...files: Array<{name: string; text: string; type?: string}>): void {
  const transfer = new DataTransfer();
  for (const {name, text, type} of files) transfer.items.add(new File([text], name, {type: type ?? ""}));
  input.files = transfer.files;
  input.dispatchEvent(new Event("change"));
  input.dispatchEvent(new Event("input"));
}

function fileInput(multiple = false): HTMLInputElement {
  const input = document.createElement("input");
  input.type = "file";
  input.multiple = multiple;
  return input;
}

describe("Inputs.file", () => {
  it("Inputs.file's value is a FileAttachment of the chosen file: .csv(), .json(), .text() read it", async () => {
    const builtins = createBuiltins({database: () => Promise.reject(new Error("no database")) as Promise<DuckDBClient>, document});
    const Inputs = (await builtins.Inputs()) as {file(options?: object): HTMLElement & {value: unknown}};
    const form = Inputs.file({label: "Data"});
    choose(form.querySelector("input")!, {name: "deaths.csv", text: "year,deaths\n2011,1000\n", type: "text/csv"});
    const file = form.value as FileAttachment;
    expect([file.name, file.mimeType, file.size]).toEqual(["deaths.csv", "text/csv", 22]);
    expect([...(await file.csv({typed: true}))]).toEqual([{year: 2011, deaths: 1000}]);
    expect(await file.text()).toBe("year,deaths\n2011,1000\n");
  });

  it("Inputs.file passes the attachment to a transform option, for each of multiple files", async () => {
    const builtins = createBuiltins({database: () => Promise.reject(new Error("no database")) as Promise<DuckDBClient>, document});
    const Inputs = (await builtins.Inputs()) as {file(options?: object): HTMLElement & {value: unknown}};
    const form = Inputs.file({multiple: true, transform: (file: FileAttachment) => file.json()});
    choose(form.querySelector("input")!, {name: "a.json", text: "[1]"}, {name: "b.json", text: "[2]"});
    expect(await Promise.all(form.value as Promise<unknown>[])).toEqual([[1], [2]]);
  });
});

describe("Generators.input", () => {
  it("Generators.input of a file input yields the chosen file as a FileAttachment (its type from the name)", async () => {
    const input = fileInput();
    const values = Generators.input(input);
    expect((await values.next()).value).toBeUndefined();
    choose(input, {name: "actors.json", text: `[{"name": "UNSC"}]`});
    const file = (await values.next()).value as FileAttachment;
    expect([file.name, file.mimeType, await file.json()]).toEqual(["actors.json", "application/json", [{name: "UNSC"}]]);
    await values.return();
  });

  it("Generators.input of a multiple file input yields an array of FileAttachments", async () => {
    const input = fileInput(true);
    const values = Generators.input(input);
    await values.next();
    choose(input, {name: "a.tsv", text: "x\n1\n"}, {name: "b.tsv", text: "x\n2\n"});
    const files = (await values.next()).value as FileAttachment[];
    expect(await Promise.all(files.map(async (file) => [...(await file.tsv({typed: true}))]))).toEqual([[{x: 1}], [{x: 2}]]);
    await values.return();
  });
});
