import {readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser, record} from "./browser.ts";
import {startDevProject, type DevProject} from "./dev-project.ts";
import {newNotebook, typeInCell} from "./editor.ts";

// A notebook's own ES modules (tests/e2e/fixtures/lib/), imported as Notebook Kit notebooks do.
let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

// The inspector shows a string value in quotes, as Notebook Kit does.
const poll = (page: Page, id: number) => expect.poll(() => cellText(page, id), {timeout: 20_000});

describe("a built notebook's own modules", () => {
  let page: Page;
  let log: ReturnType<typeof record>;
  beforeAll(async () => {
    page = await browser.newPage();
    log = record(page);
    await page.goto(inject("siteUrl") + inject("fixturePages")["modules.html"]);
    await waitForSettledCells(page);
  });

  it("a cell imports a module beside the notebook, which imports another module of its folder", async () => {
    expect(await cellText(page, 2)).toBe('"Syria 2011; Kenya 2011"');
  });

  it("a module that imports a package the app bundles (d3) works", async () => {
    expect(await cellText(page, 4)).toBe('"0 10 20 30 40 50"');
  });

  it("a TypeScript module is compiled by the build", async () => {
    expect(await cellText(page, 6)).toBe("30");
  });

  it("a dynamic import() of a module beside the notebook works", async () => {
    expect(await cellText(page, 11)).toBe('"Dynamic"');
  });

  it("a TypeScript cell with type syntax runs and shares its values", async () => {
    expect(await cellText(page, 13)).toBe("4");
  });

  it("a name the module does not export fails the importing cell, naming it", async () => {
    expect(await cellText(page, 14)).toBe(`SyntaxError: export 'caseTitel' not found in "./lib/case-names.js"`);
  });

  it("a module with a syntax error fails the cell that imports it, naming its file, line and column", async () => {
    expect(await cellText(page, 7)).toContain("lib/broken.js (2:24)");
  });

  it("an import that leaves the notebook's folder is refused on its cell, saying the rule", async () => {
    const text = await cellText(page, 8);
    expect(text).toContain(`Import "../secret.js" leaves the notebook's folder`);
    expect(text).toContain("(1:22)");
  });

  it("an import of a file that is not there names the file and the notebook", async () => {
    const text = await cellText(page, 9);
    expect(text).toContain("there is no file lib/absent.js beside");
    expect(text).toContain("modules.html");
    expect(text).not.toContain("network");
  });

  it("a ?raw import gives a file's text and a ?url import its address, as Vite does in Notebook Kit", async () => {
    expect(await cellText(page, 15)).toBe('"precision mediump float;"');
    expect(await cellText(page, 16)).toBe('"an address of an svg"');
  });

  it("an import of a file that is not a module, without ?raw or ?url, fails its cell saying what to add", async () => {
    expect(await cellText(page, 17)).toContain(`Import "./lib/kernel.glsl" names a file that is not a JavaScript module: add ?raw`);
  });

  it("a module that imports a file that is not JavaScript fails the importing cell (the build of the page goes on)", async () => {
    expect(await cellText(page, 18)).toContain("lib/kernel.glsl is not a JavaScript module: import it with ?raw");
  });

  it("a module that imports a package by its jsDelivr address gets the installed copy (nothing is fetched)", async () => {
    expect(await page.locator("#cell-19 span.badge").textContent()).toBe("offline");
  });

  it("a module that imports a package the project does not install names that package", async () => {
    expect(await cellText(page, 10)).toContain(`it imports "mapt-fixture-package-not-installed", a package this project does not install`);
    expect(log.errors).toEqual([]);
  });
});

describe("a notebook's own modules under the dev server", () => {
  let project: DevProject;
  beforeAll(async () => {
    project = await startDevProject({
      "study.html": `<!doctype html>
<notebook>
  <title>Modules under the dev server</title>
  <script id="1" type="module">
    import {caseTitle} from "./lib/case-names.js";
  </script>
  <script id="2" type="module">
    caseTitle("kenya", 2007)
  </script>
  <script id="3" type="module">
    import {ticksBetween} from "./lib/ticks.js";
  </script>
  <script id="4" type="module">
    ticksBetween(0, 1, 2).join(" ")
  </script>
</notebook>
`,
      "lib/case-names.js": `import {upper} from "./upper.js";\nexport const caseTitle = (slug, year) => upper(slug) + " " + year;\n`,
      "lib/upper.js": `export const upper = (s) => s.toUpperCase();\n`,
      "lib/ticks.js": `import {ticks} from "d3";\nexport const ticksBetween = (a, b, n) => ticks(a, b, n);\n`
    });
  }, 120_000);
  afterAll(async () => project?.close());

  it("serves them, with what they import, to the notebook's page", async () => {
    const page = await browser.newPage();
    await page.goto(`${project.url}notebooks/study.html`);
    await poll(page, 2).toBe('"KENYA 2007"');
    await poll(page, 4).toBe('"0 0.5 1"');
  });

  it("a module first imported by a cell changed since the page loaded comes from the server", async () => {
    const page = await browser.newPage();
    await page.goto(`${project.url}notebooks/study.html`);
    await poll(page, 2).toBe('"KENYA 2007"');
    // The page updates the changed cell in place: the module is not in what it was built with.
    let reloads = 0;
    page.on("framenavigated", (frame) => void (frame === page.mainFrame() && reloads++));
    const notebooks = path.join(project.dir, "notebooks");
    writeFileSync(path.join(notebooks, "lib", "late.js"), `export const late = "added later";\n`);
    const text = readFileSync(path.join(notebooks, "study.html"), "utf8");
    writeFileSync(path.join(notebooks, "study.html"), text.replace(`caseTitle("kenya", 2007)`, `(await import("./lib/late.js")).late`));
    await poll(page, 2).toBe('"added later"');
    expect(reloads).toBe(0);
  });
});

describe("a notebook kept in the browser", () => {
  it("a local import says the notebook has no folder and what to do", async () => {
    const page = await browser.newPage();
    await newNotebook(page, inject("siteUrl"));
    await typeInCell(page, 2, `import {x} from "./lib/x.js";`);
    await page.keyboard.press("Shift+Enter");
    await poll(page, 2).toContain("this notebook is not a file in a folder");
    expect(await cellText(page, 2)).toContain("notebooks/ folder");
  });
});
