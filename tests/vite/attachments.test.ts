import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {attachmentRefusal, resolveAttachments, type AttachmentFolders} from "../../src/vite/attachments.ts";

let folders: AttachmentFolders;
beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), "mapt-attachments-"));
  folders = {notebookDir: path.join(root, "notebooks"), dataDir: path.join(root, "data")};
  mkdirSync(path.join(folders.notebookDir, "sub"), {recursive: true});
  mkdirSync(folders.dataDir);
  mkdirSync(path.join(root, "notebooks-secret"));
  writeFileSync(path.join(root, "secret.txt"), "token");
  writeFileSync(path.join(root, "notebooks-secret", "token.txt"), "token");
  writeFileSync(path.join(folders.notebookDir, "deaths.csv"), "a\n1\n");
  writeFileSync(path.join(folders.notebookDir, "sub", "more.csv"), "a\n1\n");
  writeFileSync(path.join(folders.dataDir, "events.csv"), "a\n1\n");
  symlinkSync(path.join(root, "secret.txt"), path.join(folders.notebookDir, "link.txt"));
  symlinkSync(root, path.join(folders.notebookDir, "up"));
});

describe("FileAttachment names", () => {
  it.each(["deaths.csv", "sub/more.csv", "./deaths.csv", "sub/../deaths.csv", "../data/events.csv", "missing.csv"])("%j resolves inside the notebook's folder or data/", (name) => {
    expect(attachmentRefusal(name, folders)).toBeUndefined();
  });

  it.each([
    ["../secret.txt", /outside the notebook's folder/],
    ["../../../etc/hostname", /outside the notebook's folder/],
    ["/etc/hostname", /absolute path/],
    ["C:/Windows/win.ini", /absolute path/],
    ["file:///etc/hostname", /absolute path or address/],
    ["http://127.0.0.1:9/x.csv", /absolute path or address/],
    ["..%2fsecret.txt", /percent-escape/],
    ["%2e%2e/secret.txt", /percent-escape/],
    ["..\\secret.txt", /backslash/],
    ["deaths.csv\u0000.png", /control character/],
    ["../notebooks-secret/token.txt", /outside the notebook's folder/],
    ["link.txt", /link to a file outside/],
    ["up/secret.txt", /link to a file outside/]
  ])("%j is refused with the rule", (name, why) => {
    const refusal = attachmentRefusal(name, folders);
    expect(refusal).toMatch(why);
    expect(refusal).toContain("a notebook reads only files in its own folder or in the catalog's data/ folder");
  });

  it("resolveAttachments bundles the files that exist inside and refuses the others with their cell", () => {
    const {attachments, refused} = resolveAttachments(
      [
        {id: 1, files: ["deaths.csv", "missing.csv"]},
        {id: 4, files: ["../secret.txt", "deaths.csv"]}
      ],
      folders
    );
    expect(attachments.map((a) => [a.name, a.mimeType])).toEqual([["deaths.csv", "text/csv"]]);
    expect(refused).toEqual([{cell: 4, name: "../secret.txt", message: expect.stringMatching(/^FileAttachment\("\.\.\/secret\.txt"\) is refused: it points outside/)}]);
  });
});
