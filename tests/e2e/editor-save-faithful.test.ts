import {readFileSync} from "node:fs";
import path from "node:path";
import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openBrowser} from "./browser.ts";
import {startDevProject, warmUp, type DevProject} from "./dev-project.ts";
import {openEditing, typeInCell} from "./editor.ts";

const root = path.resolve(import.meta.dirname, "../..");
// A notebook written by hand, not by MAPT: capitals, odd quoting and attribute order, tabs,
// comments and elements between cells, a template, and Windows line endings.
const foreign = readFileSync(path.join(root, "tests/notebook/fixtures/hand-written.html"), "utf8").replace(/\n/g, "\r\n");

let project: DevProject;
let browser: BrowserContext;
const file = () => path.join(project.dir, "notebooks", "foreign.html");

beforeAll(async () => {
  project = await startDevProject({"foreign.html": foreign});
  browser = await openBrowser();
  // A cold dev server compiles every module on the first load, which takes long on a busy machine.
  browser.setDefaultNavigationTimeout(90_000);
  await warmUp(browser, new URL("notebooks/foreign.html", project.url).href);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe("a notebook written elsewhere", () => {
  it("shows its author notes (what Notebook Kit ignores silently) while editing and never to readers", async () => {
    const page = await browser.newPage();
    const notes = page.locator("aside.mapt-diagnostics--notes");
    await page.goto(new URL("notebooks/foreign.html", project.url).href);
    expect(await notes.isVisible()).toBe(false);
    expect(await page.locator("aside.mapt-diagnostics:visible").count()).toBe(0);
    await openEditing(page, new URL("notebooks/foreign.html", project.url).href);
    await expect.poll(() => notes.isVisible()).toBe(true);
    expect(await notes.innerText()).toContain("so this <script> is not a cell");
    await page.close();
  });

  it("editing one cell of a hand-written CRLF notebook and saving changes that cell's body and nothing else", async () => {
    const page = await browser.newPage();
    await openEditing(page, new URL("notebooks/foreign.html", project.url).href);
    expect(await page.locator(".mapt-save-state").innerText()).toBe("Saved");
    await typeInCell(page, 2, "const tabbed = false;");
    await page.locator(".mapt-edit-choice").getByRole("button", {name: "Edit the file"}).click();
    await page.keyboard.press("ControlOrMeta+s");
    const before = "<script type='module' id='2' pinned data-note=\"kept as written\">\r\n\t\tconst tabbed = true;\r\n\t</script>";
    // The edit has not run: the cell's tag gains the unrun mark, and nothing else of it changes.
    const after = "<script type='module' id='2' pinned data-note=\"kept as written\" unrun>\r\n    const tabbed = false;\r\n\t</script>";
    expect(foreign).toContain(before);
    await expect.poll(() => readFileSync(file(), "utf8"), {timeout: 20_000}).toBe(foreign.replace(before, after));
    await page.close();
  });
});
