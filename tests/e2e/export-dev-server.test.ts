import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser} from "./browser.ts";
import {startDevProject, warmUp, type DevProject} from "./dev-project.ts";
import {openEditing, typeInCell} from "./editor.ts";

const notebook = `<!doctype html>
<notebook>
  <title>Counts</title>
  <script id="1" type="text/markdown">
    # Counts
  </script>
  <script id="2" type="application/sql" output="counts">
    SELECT count(*) AS n FROM countries
  </script>
  <script id="3" type="module">
    \`\${counts.get(0).n} countries\`
  </script>
</notebook>
`;

describe("Export under npm start", () => {
  let project: DevProject;
  let browser: BrowserContext;
  beforeAll(async () => {
    project = await startDevProject({"counts.html": notebook});
    browser = await openBrowser();
    await warmUp(browser, `${project.url}notebooks/counts.html`);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await project?.close();
  });

  it("downloads one file of the page's current text that opens from disk with no network", async () => {
    const page = await browser.newPage();
    await openEditing(page, `${project.url}notebooks/counts.html`);
    await typeInCell(page, 3, "`${counts.get(0).n} countries, edited`");
    await page.locator(".mapt-edit-choice").getByRole("button", {name: "Edit the file"}).click();
    const [download] = await Promise.all([page.waitForEvent("download", {timeout: 240_000}), page.getByRole("button", {name: "Export"}).click()]);
    expect(download.suggestedFilename()).toBe("counts.export.html");
    await page.locator(".mapt-export-progress", {hasText: "opens from disk"}).waitFor();
    // Saved under its .html name: a file:// page's type comes from its extension.
    const file = path.join(mkdtempSync(path.join(tmpdir(), "mapt-export-download-")), download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file, "utf8")).toContain('id="mapt-frozen"');

    const offline = await browser.browser()!.newContext({offline: true});
    try {
      const opened = await offline.newPage();
      await opened.goto(pathToFileURL(file).href);
      const outcome = await waitForSettledCells(opened);
      expect(outcome).toMatchObject({settled: true, failures: [], cells: 3});
      expect(await cellText(opened, 3)).toMatch(/\d+ countries, edited/);
    } finally {
      await offline.close();
    }
  });
});
