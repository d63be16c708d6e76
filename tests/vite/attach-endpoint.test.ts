import {mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {beforeEach, describe, expect, it} from "vitest";
import {resolveAttachmentFile, writeAttachment} from "../../src/vite/attach-endpoint.ts";
import type {SaveTarget} from "../../src/vite/save-endpoint.ts";

let target: SaveTarget;
let outside: string;
beforeEach(() => {
  const root = mkdtempSync(path.join(tmpdir(), "mapt-attach-unit-"));
  target = {root, notebooksDir: path.join(root, "notebooks")};
  mkdirSync(target.notebooksDir);
  writeFileSync(path.join(target.notebooksDir, "study.html"), "<!doctype html>\n<notebook></notebook>\n");
  outside = path.join(root, "outside.csv");
  writeFileSync(outside, "kept\n");
});

/** Chunks of text as a request body streams them. */
async function* chunks(...texts: string[]) {
  for (const text of texts) yield new TextEncoder().encode(text);
}

describe("the attach endpoint", () => {
  it("resolveAttachmentFile puts a file directly beside its notebook", async () => {
    expect(await resolveAttachmentFile(target, "notebooks/study.html", "deaths.csv")).toBe(path.join(target.notebooksDir, "deaths.csv"));
  });

  it("resolveAttachmentFile refuses a link, even one pointing inside, and a folder", async () => {
    symlinkSync(outside, path.join(target.notebooksDir, "linked.csv"));
    mkdirSync(path.join(target.notebooksDir, "folder.csv"));
    expect(await resolveAttachmentFile(target, "notebooks/study.html", "linked.csv")).toMatchObject({status: 403, error: expect.stringMatching(/symbolic link/)});
    expect(await resolveAttachmentFile(target, "notebooks/study.html", "folder.csv")).toMatchObject({status: 403, error: expect.stringMatching(/not a regular file/)});
  });

  it("resolveAttachmentFile refuses names that are not attachment names, and notebooks that are not there", async () => {
    for (const name of [undefined, "", "../outside.csv", "Outside.csv", "x.html", "x.csv/"]) {
      expect(await resolveAttachmentFile(target, "notebooks/study.html", name)).toMatchObject({status: 403});
    }
    expect(await resolveAttachmentFile(target, "notebooks/other.html", "deaths.csv")).toMatchObject({status: 404});
    expect(await resolveAttachmentFile(target, "outside.html", "deaths.csv")).toMatchObject({status: 403});
  });

  it("writeAttachment writes the whole body, replacing the file, and leaves no temporary file", async () => {
    const file = path.join(target.notebooksDir, "deaths.csv");
    writeFileSync(file, "old\n");
    expect(await writeAttachment(file, chunks("year,deaths\n", "2011,10\n"), 100, () => "too large")).toBeUndefined();
    expect(readFileSync(file, "utf8")).toBe("year,deaths\n2011,10\n");
    expect(readdirSync(target.notebooksDir).sort()).toEqual(["deaths.csv", "study.html"]);
  });

  it("writeAttachment refuses a body past the limit and keeps the file as it was", async () => {
    const file = path.join(target.notebooksDir, "deaths.csv");
    writeFileSync(file, "old\n");
    expect(await writeAttachment(file, chunks("12345", "67890"), 8, (size) => `${size} bytes is too large`)).toEqual({status: 413, error: "10 bytes is too large"});
    expect(readFileSync(file, "utf8")).toBe("old\n");
    expect(readdirSync(target.notebooksDir).sort()).toEqual(["deaths.csv", "study.html"]);
  });
});
