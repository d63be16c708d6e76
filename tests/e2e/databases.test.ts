import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import pg from "pg";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {buildSite, serveStatic, waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser, record} from "./browser.ts";
import {startDevProject, type DevProject} from "./dev-project.ts";
import {startPostgres, type PostgresServer} from "./postgres.ts";

// SQL cells on a real DuckDB file and a real SQLite file (written by global-setup.ts), run when
// the site was built: tests/e2e/fixtures/databases.html.
let browser: BrowserContext;
let page: Page;
let log: ReturnType<typeof record>;
beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.newPage();
  log = record(page);
  await page.goto(inject("siteUrl") + inject("fixturePages")["databases.html"]);
  await waitForSettledCells(page);
});
afterAll(async () => browser?.close());

describe("SQL cells on database files, run when the site is built", () => {
  it("a DuckDB file's query result reaches the page with its numbers and dates", async () => {
    expect(await cellText(page, 2)).toBe('"Kenya: 1133 from 2007-12-30; Syria: 1200 from 2011-03-18"');
    expect(await page.locator("#cell-1 figcaption").innerText()).toBe("2 rows × 3 columns");
  });

  it("a SQLite file's query result reaches the page", async () => {
    expect(await cellText(page, 4)).toBe('"Russia 4, 3 actors"');
  });

  it("database=\"duckdb\" reads a file beside the notebook", async () => {
    expect(await cellText(page, 6)).toBe("2");
  });

  it("a database named in .observable/databases.json runs; one of a type MAPT cannot run says so", async () => {
    expect(await cellText(page, 17)).toBe("3");
    expect(await cellText(page, 18)).toBe(`The query on "warehouse" failed when the site was built: "warehouse" is a snowflake database in .observable/databases.json; MAPT runs only DuckDB, SQLite and PostgreSQL databases when it builds a site`);
  });

  it("the page reads results as files and never starts DuckDB in the browser", async () => {
    expect(log.requests.some((url) => url.endsWith(".json"))).toBe(true);
    expect(log.requests.some((url) => url.endsWith(".wasm"))).toBe(false);
    expect(log.errors).toEqual([]);
  });

  it("a missing database file, a ${...} in a build-time query and a SQL error show on their cells", async () => {
    expect(await cellText(page, 7)).toBe(`The query on "missing.duckdb" failed when the site was built: there is no database file missing.duckdb beside the notebook`);
    expect(await cellText(page, 8)).toContain(`A query on "cases.duckdb" runs when the site is built, before any reader's values exist, so it cannot use \${...}`);
    expect(await cellText(page, 8)).toContain("(1:35)");
    expect(await cellText(page, 9)).toMatch(/^The query on "cases\.duckdb" failed when the site was built: Parser Error: syntax error at or near "SELEC"/);
  });
});

describe("data loader cells, run when the site is built", () => {
  it("a Python cell's printed JSON is the cell's value", async () => {
    expect(await cellText(page, 11)).toBe('"Kenya and Syria: 2"');
  });

  it("a Node.js cell's printed CSV is read typed", async () => {
    expect(await cellText(page, 13)).toBe("1133");
  });

  it("an R cell runs when R is installed, and otherwise names the missing interpreter", async () => {
    const installed = spawnSync("Rscript", ["--version"]).error === undefined;
    expect(await cellText(page, 14)).toBe(installed ? '"from R"' : "This r cell failed when the site was built: R (Rscript) is not installed on the machine that builds the site, so this r cell cannot run: install it (the command Rscript must be on the PATH) and build again");
  });

  it("a Node.js cell may not write files", async () => {
    expect(await cellText(page, 19)).toBe("This node cell failed when the site was built: the node program exited with code 1: Error: Access to this API has been restricted");
  });

  it("a program that fails shows its error output on its cell", async () => {
    expect(await cellText(page, 15)).toBe("This python cell failed when the site was built: the python program exited with code 1: no data today");
  });
});

describe("build-time queries and data loaders under the dev server", () => {
  const notebook = (sum: string) => `<!doctype html>
<notebook>
  <title>Dev server databases</title>
  <script id="1" type="application/sql" database="duckdb" output="answer">
    SELECT ${sum} AS n
  </script>
  <script id="2" type="module">
    answer[0].n
  </script>
  <script id="3" type="text/x-python" format="text">
    print("from python", end="")
  </script>
</notebook>
`;
  let project: DevProject;
  beforeAll(async () => void (project = await startDevProject({"study.html": notebook("40 + 2")})), 120_000);
  afterAll(async () => project?.close());

  it("run when the page loads, and an edited query runs when the file changes, without a rebuild", async () => {
    const dev = await browser.newPage();
    await dev.goto(`${project.url}notebooks/study.html`);
    await expect.poll(() => cellText(dev, 2), {timeout: 30_000}).toBe("42");
    await expect.poll(() => cellText(dev, 3)).toBe('"from python"');
    writeFileSync(path.join(project.dir, "notebooks", "study.html"), notebook("40 + 3"));
    await expect.poll(() => cellText(dev, 2), {timeout: 30_000}).toBe("43");
  });
});

describe("a SQL cell on a PostgreSQL server, run when the site is built", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  let server: PostgresServer;
  let site: {url: string; close(): Promise<void>};
  let dir: string;
  let pagePath: string;
  beforeAll(async () => {
    server = await startPostgres();
    const client = new pg.Client({host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres"});
    await client.connect();
    await client.query(`CREATE TABLE responses (kind text, day date, n bigint);
      INSERT INTO responses VALUES ('mediation', '2008-01-22', 41), ('sanctions', '2011-08-18', 7)`);
    await client.end();
    // A notebook folder of its own, with Notebook Kit's database config naming the server.
    dir = mkdtempSync(path.join(tmpdir(), "mapt-postgres-notebook-"));
    mkdirSync(path.join(dir, ".observable"));
    writeFileSync(path.join(dir, ".observable", "databases.json"), JSON.stringify({cases: {type: "postgres", host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres"}}));
    const notebook = path.join(dir, "responses.html");
    writeFileSync(notebook, `<!doctype html>
<notebook>
  <title>Responses</title>
  <script id="1" type="application/sql" database="cases" output="responses">
    SELECT kind, day, n FROM responses ORDER BY day
  </script>
  <script id="2" type="module">
    responses.map((d) => \`\${d.kind} \${new Date(d.day).toISOString().slice(0, 10)} \${d.n + 1}\`).join("; ")
  </script>
  <script id="3" type="application/sql" database="cases">
    SELECT * FROM no_such_table
  </script>
</notebook>
`);
    const built = await buildSite(root, path.join(dir, "dist"), [notebook], {cacheDir: path.join(dir, "cache")});
    pagePath = built.pages.get(notebook)!;
    site = await serveStatic(built.dir);
  }, 180_000);
  afterAll(async () => {
    await site?.close();
    server?.stop();
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  it("its result reaches the page, typed, and a query error names PostgreSQL's message", async () => {
    const built = await browser.newPage();
    await built.goto(site.url + pagePath);
    await waitForSettledCells(built);
    expect(await cellText(built, 2)).toBe('"mediation 2008-01-22 42; sanctions 2011-08-18 8"');
    expect(await cellText(built, 3)).toBe(`The query on "cases" failed when the site was built: PostgreSQL: relation "no_such_table" does not exist`);
  });
});
