import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildSite, serveStatic, waitForSettledCells, type StaticServer} from "../../src/cli/index.ts";
import {makeBuildTimeFolder, type BuildTimeFolder} from "../build-time-fixture.ts";
import {cellText, openBrowser, record} from "./browser.ts";

const root = path.resolve(import.meta.dirname, "../..");

const notebook = `<!doctype html>
<notebook>
  <title>Build-time databases and loaders</title>
  <script id="1" type="application/sql" database="study.duckdb" output="events">
    SELECT country, deaths FROM events ORDER BY year
  </script>
  <script id="2" type="module">
    \`\${events.numRows} events, the first in \${events.get(0).country}\`
  </script>
  <script id="3" type="application/sql" database="local.db">
    SELECT council, met FROM elders ORDER BY met DESC
  </script>
  <script id="4" type="application/sql" database="warehouse" output="funding">
    SELECT year, round(100 * received / requested) AS percent FROM funding ORDER BY year
  </script>
  <script id="5" type="text/x-python" format="csv" output="cases">
    print("case,year")
    print("Kenya,2008")
  </script>
  <script id="6" type="application/vnd.node.javascript" format="json">
    process.stdout.write(JSON.stringify({loader: "node", total: 1 + 2}));
  </script>
  <script id="7" type="application/sql" database="study.duckdb">
    SELECT missing_column FROM events
  </script>
  <script id="8" type="module">
    \`\${cases[0].case} in \${cases[0].year + 1}\`
  </script>
</notebook>
`;

describe("a page whose cells query databases and run loaders when it is built", () => {
  let folder: BuildTimeFolder;
  let server: StaticServer;
  let browser: BrowserContext;
  let url: string;

  beforeAll(async () => {
    folder = await makeBuildTimeFolder();
    const file = path.join(folder.dir, "study.html");
    writeFileSync(file, notebook);
    const site = await buildSite(root, mkdtempSync(path.join(tmpdir(), "mapt-build-time-site-")), [file]);
    server = await serveStatic(site.dir);
    url = server.url + site.pages.get(file)!;
    browser = await openBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await folder?.server.stop();
  });

  it("shows each result from the build (DuckDB file, SQLite file, PostgreSQL, Python, Node) and the failing query's own error on its cell", async () => {
    const page = await browser.newPage();
    const {errors} = record(page);
    await page.goto(url);
    const outcome = await waitForSettledCells(page);
    expect(outcome.failures.map((f) => `${f.cell}: ${f.error}`)).toEqual([expect.stringMatching(/^7: /)]);
    expect(outcome.failures[0]!.error).toMatch(/missing_column/);
    expect(await cellText(page, 2)).toContain("2 events, the first in Kenya");
    expect(await cellText(page, 3)).toContain("Njuri Ncheke");
    expect(await cellText(page, 4)).toMatch(/2008[\s\S]*75/);
    expect(await cellText(page, 8)).toContain("Kenya in 2009");
    expect(await cellText(page, 6)).toMatch(/total[\s\S]*3/);
    expect(errors).toEqual([]);
  });
});
