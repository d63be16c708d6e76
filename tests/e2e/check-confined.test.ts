import {copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {checkNotebooks, formatCheckReport} from "../../src/cli/index.ts";

const root = path.resolve(import.meta.dirname, "../..");

// A listener on another local port stands for "somewhere else": it records every contact.
let listener: Server;
let elsewhere: string;
const contacts: string[] = [];
beforeAll(async () => {
  listener = createServer((request, response) => {
    contacts.push(request.url ?? "");
    response.writeHead(200, {"access-control-allow-origin": "*"}).end("hello");
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  elsewhere = `127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => listener?.close(resolve)));

const notebook = (title: string, cells: string, attributes = "") =>
  `<!doctype html>\n<notebook${attributes}>\n  <title>${title}</title>\n${cells}\n</notebook>\n`;

describe("mapt check keeps its own rules", () => {
  it("stops a page that hangs at its deadline and names the running cell, serves each notebook's neighbours, fails it for every 404 and every request elsewhere", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mapt-check-rules-"));
    mkdirSync(path.join(dir, "pictures"));
    copyFileSync(path.join(import.meta.dirname, "fixtures/stdlib-swatch.png"), path.join(dir, "pictures", "swatch.png"));
    writeFileSync(path.join(dir, "look.css"), ".gallery { color: green; }");
    const write = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), path.join(dir, name));
    // A regular expression that backtracks for ever has no loop in the cell's code: the loop guard
    // cannot see it (and built pages refuse Function, which would be the other way to hide a loop).
    const hangs = write("hangs.html", notebook("Hangs", `  <script id="1" type="module">\n    1 + 1\n  </script>\n  <script id="2" type="module">\n    /^(a+)+$/.test("a".repeat(64) + "!")\n  </script>`));
    const gallery = write(
      "gallery.html",
      notebook("Gallery", `  <script id="1" type="text/html">\n    <link rel="stylesheet" href="look.css"><p class="gallery">Pictures</p><img alt="swatch" src="pictures/swatch.png">\n  </script>`)
    );
    const broken = write("broken.html", notebook("Broken", `  <script id="1" type="text/markdown">\n    ![gone](pictures/gone.png)\n  </script>`));
    const leaky = write(
      "leaky.html",
      notebook(
        "Leaky",
        `  <script id="1" type="module">\n    await fetch("http://${elsewhere}/allowed").then((r) => r.text())\n  </script>\n  <script id="2" type="text/html">\n    <img alt="elsewhere" src="http://localhost:${elsewhere.split(":")[1]}/refused.png">\n  </script>`,
        ` remote-hosts="${elsewhere}"`
      )
    );
    const results = await checkNotebooks({root, files: [hangs, gallery, broken, leaky], timeoutMs: 20_000});
    const [hung, neighbours, missing, remote] = results;
    expect(hung!.failures.find((f) => f.cell === 2)).toEqual({cell: 2, mode: "js", error: expect.stringContaining("still running at the 20 s deadline")});
    // Cell 1 may not have shown its value before the page froze; it is never said to be the one running.
    expect(hung!.failures.filter((f) => f.cell !== 2 && /still running/.test(f.error))).toEqual([]);
    expect(hung!.pageErrors).toEqual([expect.stringContaining("did not answer within 20 s and was stopped")]);
    expect(neighbours, "the picture and stylesheet beside the notebook load").toMatchObject({failures: [], pageErrors: []});
    expect(missing!.failures).toEqual([]);
    expect(missing!.pageErrors).toEqual([expect.stringMatching(/^not found \(404\): .*pictures\/gone\.png$/)]);
    expect(remote!.failures).toEqual([]);
    expect(remote!.pageErrors).toEqual([expect.stringMatching(/^blocked a request to another address: http:\/\/localhost:\d+\/refused\.png/)]);
    expect(contacts, "only the host the notebook lists was contacted").toEqual(["/allowed"]);
    const report = formatCheckReport(results);
    expect(report).toContain("hangs.html: cell 2 (js): still running at the 20 s deadline");
    expect(report.split("\n").at(-1)).toBe("1 notebook passed, 3 failed");
  }, 400_000);

  it("fails the cell of a notebook whose FileAttachment names a file outside its folder, naming the notebook, cell, name and rule, and bundles nothing of it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mapt-check-escape-"));
    mkdirSync(path.join(dir, "notebook"));
    writeFileSync(path.join(dir, "secret.txt"), "token");
    const file = path.join(dir, "notebook", "escape.html");
    writeFileSync(file, notebook("Escape", `  <script id="3" type="module">\n    FileAttachment("../secret.txt").text()\n  </script>`));
    // Checked with others, one refused name fails its notebook's cell, not the whole build.
    const [result] = await checkNotebooks({root, files: [file]});
    const failure = result!.failures.find((f) => f.cell === 3)?.error;
    expect(failure).toContain(`escape.html, cell 3: FileAttachment("../secret.txt") is refused: it points outside the notebook's folder`);
    expect(failure).toContain("a notebook reads only files in its own folder or in the catalog's data/ folder");
  }, 400_000);

  it("serves a notebook's project: a data folder linked from elsewhere in it and a picture up its tree load; a link out of the project fails its cell", async () => {
    // A project laid out as Notebook Kit's examples are: notebook folders share one data folder by a link.
    const outside = mkdtempSync(path.join(tmpdir(), "mapt-check-project-"));
    const project = path.join(outside, "site");
    mkdirSync(path.join(project, "shared"), {recursive: true});
    mkdirSync(path.join(project, "images"));
    mkdirSync(path.join(project, "docs", "ex"), {recursive: true});
    writeFileSync(path.join(project, "package.json"), "{}");
    writeFileSync(path.join(project, "shared", "counts.csv"), "region,count\nNorth,4\nSouth,5\n");
    copyFileSync(path.join(import.meta.dirname, "fixtures/stdlib-swatch.png"), path.join(project, "images", "map.png"));
    writeFileSync(path.join(outside, "secret.txt"), "token");
    symlinkSync("../../shared", path.join(project, "docs", "ex", "data"));
    symlinkSync(path.join(outside, "secret.txt"), path.join(project, "docs", "ex", "away.txt"));
    const story = path.join(project, "docs", "ex", "story.html");
    writeFileSync(story, notebook("Story", `  <script id="1" type="text/markdown">\n    ![map](../../images/map.png)\n  </script>\n  <script id="2" type="module">\n    (await FileAttachment("data/counts.csv").csv({typed: true})).map((d) => d.count).join("+")\n  </script>`));
    const away = path.join(project, "docs", "ex", "away.html");
    writeFileSync(away, notebook("Away", `  <script id="3" type="module">\n    FileAttachment("away.txt").text()\n  </script>`));
    const [linked, refused] = await checkNotebooks({root, files: [story, away]});
    expect(linked, "the linked data folder and the picture two folders up load").toMatchObject({failures: [], pageErrors: []});
    expect(refused!.failures).toEqual([{cell: 3, mode: "js", error: expect.stringContaining(`FileAttachment("away.txt") is refused: it is a link to a file outside the notebook's project (site)`)}]);
  }, 400_000);
});
