import {writeFileSync} from "node:fs";
import path from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cellStatus, cellText, openBrowser} from "./browser.ts";
import {startDevProject, type DevProject} from "./dev-project.ts";

const notebook = `<!doctype html>
<notebook>
  <title>Escape</title>
  <script id="1" type="module">
    FileAttachment("../../../../etc/hostname").text()
  </script>
  <script id="2" type="module">
    FileAttachment("notes.txt").text()
  </script>
</notebook>
`;

let project: DevProject;
let browser: BrowserContext;
beforeAll(async () => {
  project = await startDevProject({"escape.html": notebook});
  writeFileSync(path.join(project.dir, "notebooks", "notes.txt"), "beside the notebook");
  browser = await openBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe("FileAttachment under the dev server", () => {
  it("a name outside the notebook's folder fails on its cell with the notebook, cell, name and rule; a file beside it reads", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("notebooks/escape.html", project.url).href);
    await expect.poll(() => cellStatus(page, 1), {timeout: 60_000}).toBe("error");
    expect(await cellText(page, 1)).toContain(
      `notebooks/escape.html, cell 1: FileAttachment("../../../../etc/hostname") is refused: it points outside the notebook's folder; a notebook reads only files in its own folder or in the catalog's data/ folder`
    );
    await expect.poll(() => cellText(page, 2), {timeout: 60_000}).toContain("beside the notebook");
  });
});
