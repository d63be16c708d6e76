import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {attachmentRefusal, projectRootOf, resolveAttachments, type AttachmentFolders} from "../../src/vite/attachments.ts";

let folders: AttachmentFolders;
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "mapt-attachments-"));
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

  describe("in a project (projectRoot)", () => {
    // A project whose notebook folders share one data folder by a link (ex/d3/data -> ../data),
    // with hidden files and a file outside the project that links must not reach.
    let project: string;
    let inProject: AttachmentFolders;
    beforeAll(() => {
      project = path.join(root, "project");
      const d3 = path.join(project, "ex", "d3");
      mkdirSync(d3, {recursive: true});
      mkdirSync(path.join(project, "ex", "data"));
      mkdirSync(path.join(project, ".git"));
      writeFileSync(path.join(project, "package.json"), "{}");
      writeFileSync(path.join(project, "ex", "data", "cars.csv"), "a\n1\n");
      writeFileSync(path.join(project, ".git", "config"), "secret");
      writeFileSync(path.join(project, ".env"), "TOKEN=secret");
      symlinkSync("../data", path.join(d3, "data"));
      symlinkSync(path.join(project, ".git"), path.join(d3, "vcs"));
      symlinkSync(path.join(project, ".env"), path.join(d3, "env.txt"));
      symlinkSync(path.join(root, "secret.txt"), path.join(d3, "outside.txt"));
      symlinkSync("/etc", path.join(d3, "system"));
      inProject = {notebookDir: d3, dataDir: path.join(project, "no-catalog"), projectRoot: project};
    });

    it("a link inside the notebook's folder may lead into another folder of its project", () => {
      expect(attachmentRefusal("data/cars.csv", inProject)).toBeUndefined();
      const {attachments} = resolveAttachments([{id: 2, files: ["data/cars.csv"]}], inProject);
      expect(attachments.map((a) => a.name)).toEqual(["data/cars.csv"]);
      // Without the project, the same link is refused as before.
      expect(attachmentRefusal("data/cars.csv", {...inProject, projectRoot: undefined})).toMatch(/link to a file outside the notebook's folder/);
    });

    it.each([
      ["../data/cars.csv", /points outside the notebook's folder/],
      ["outside.txt", /link to a file outside the notebook's project/],
      ["system/hostname", /link to a file outside the notebook's project/],
      ["vcs/config", /link to a hidden file or folder/],
      ["env.txt", /link to a hidden file or folder/]
    ])("%j is still refused in a project", (name, why) => {
      expect(attachmentRefusal(name, inProject)).toMatch(why);
    });

    it("projectRootOf finds the nearest folder with a package.json or .git, else keeps the notebook's own", () => {
      expect(projectRootOf(path.join(project, "ex", "d3"))).toBe(project);
      expect(projectRootOf(path.join(root, "notebooks", "sub"))).toBe(path.join(root, "notebooks", "sub"));
    });
  });
});
