import {writeFileSync} from "node:fs";
import path from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cellStatus, cellText, openBrowser} from "./browser.ts";
import {startDevProject, type DevProject} from "./dev-project.ts";

const notebook = `<!doctype html>
<notebook>
  <title>Marsh birds</title>
  <script id="1" type="module">
    guideName
  </script>
</notebook>
`;

const template = `<!doctype html>
<html>
  <head>
    <title> · Field Guide</title>
    <script>window.guideName = "Field Guide";</script>
  </head>
  <body>
    <div class="guide-banner">Field guide</div>
    <main></main>
  </body>
</html>
`;

let project: DevProject;
let browser: BrowserContext;
beforeAll(async () => {
  project = await startDevProject({"birds.html": notebook});
  // The project's package.json names the template for its notebooks, as a Notebook Kit site's does.
  writeFileSync(path.join(project.dir, "page.tmpl"), template);
  writeFileSync(path.join(project.dir, "package.json"), JSON.stringify({scripts: {"docs:preview": "notebooks preview --template page.tmpl"}}));
  browser = await openBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe("page templates under the dev server", () => {
  it("a notebook of a project whose package.json names a template runs in it: its inline script runs under the page's policy, its banner and title show", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    await page.goto(new URL("notebooks/birds.html", project.url).href);
    await expect.poll(() => cellStatus(page, 1), {timeout: 60_000}).toBe("fulfilled");
    expect(await cellText(page, 1)).toContain("Field Guide");
    expect(await page.title()).toBe("Marsh birds · Field Guide");
    expect(await page.locator(".guide-banner").textContent()).toBe("Field guide");
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
