import {readFileSync} from "node:fs";
import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {createNotebook, isUnrun, readNotebook, serializeNotebook} from "../../src/notebook/index.ts";
import {cellText, openBrowser} from "./browser.ts";
import {startDevProject, warmUp, type DevProject} from "./dev-project.ts";
import {expectCellText, openEditing, typeInCell} from "./editor.ts";

const initial = serializeNotebook(
  createNotebook({
    title: "Unrun",
    cells: [
      {id: 1, source: "const a = 1;"},
      {id: 2, source: "const b = a + 1;"},
      {id: 3, source: "a * 10"},
      {id: 4, source: "b * 2"}
    ]
  })
);

let project: DevProject;
let first: BrowserContext;
let fresh: BrowserContext | undefined;
const file = () => path.join(project.dir, "notebooks", "unrun.html");
const address = () => new URL("notebooks/unrun.html", project.url).href;
/** The ids of the cells the file on disk marks `unrun`. */
const markedOnDisk = () => readNotebook(readFileSync(file(), "utf8")).notebook.cells.filter(isUnrun).map((cell) => cell.id as number);
const ranEdit = (page: Page) => page.evaluate(() => (window as unknown as {__ranEdit?: number}).__ranEdit ?? 0);

beforeAll(async () => {
  project = await startDevProject({"unrun.html": initial});
  first = await openBrowser();
  await warmUp(first, address());
}, 180_000);

afterAll(async () => {
  await fresh?.close();
  await first?.close();
  await project?.close();
});

describe("autosave of code that has not run", () => {
  it("marks the edited cell unrun in the file; a fresh browser opening it runs the others, not that cell, until it is run", async () => {
    // Edit cell 2 and leave it: the code is saved before it ever runs.
    const page = await first.newPage();
    await openEditing(page, address());
    await typeInCell(page, 2, "window.__ranEdit = (window.__ranEdit ?? 0) + 1;\nconst b = a + 100;");
    await page.locator(".mapt-edit-choice").getByRole("button", {name: "Edit the file"}).click();
    await expect.poll(() => readFileSync(file(), "utf8"), {timeout: 20_000}).toContain("a + 100");
    expect(markedOnDisk()).toEqual([2]);
    expect(await ranEdit(page)).toBe(0);
    await expect.poll(() => page.locator(".mapt-save-state").innerText()).toBe("Saved · 1 cell edited, not run");
    await page.close();

    // A fresh browser (no run mark of its own) opens the file: cell 2 is shown, not run.
    fresh = await openBrowser();
    const reader = await fresh.newPage();
    await reader.goto(address());
    await expect.poll(() => reader.locator("#cell-1").getAttribute("data-status")).toBe("fulfilled");
    await expectCellText(reader, 3, "10");
    await expect.poll(() => reader.locator("#cell-2").getAttribute("data-status")).toBe("stale");
    expect(await reader.locator("#cell-2 .mapt-cell-status").innerText()).toBe("edited, not run");
    expect(await reader.locator("#cell-2 .mapt-cell-notice").innerText()).toMatch(/saved before its code ever ran/);
    // The cell that reads its value says the name has no value, and the page goes on.
    await expect.poll(() => cellText(reader, 4)).toBe("b is not defined");
    expect(await ranEdit(reader)).toBe(0);

    // Edit, then run it: once it has run, the file loses the mark.
    await reader.keyboard.press("e");
    await reader.locator("#cell-2 .cm-editor").waitFor();
    await reader.locator("#cell-2 .cm-content").click();
    await reader.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => ranEdit(reader)).toBe(1);
    await expectCellText(reader, 4, "202");
    expect(await reader.locator("#cell-2 .mapt-cell-notice").isHidden()).toBe(true);
    await reader.locator(".mapt-edit-choice").getByRole("button", {name: "Edit the file"}).click();
    await expect.poll(markedOnDisk, {timeout: 20_000}).toEqual([]);
    expect(readNotebook(readFileSync(file(), "utf8")).notebook.cells.map((cell) => cell.source)).toEqual(["const a = 1;", "window.__ranEdit = (window.__ranEdit ?? 0) + 1;\nconst b = a + 100;", "a * 10", "b * 2"]);
  });
});
