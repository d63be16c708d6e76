import type {Page} from "playwright-core";
import {expect} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";

/** Opens a page, waits for its cells to settle, and starts editing with the E key. */
export async function openEditing(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForSettledCells(page);
  await page.keyboard.press("e");
  await page.locator(".mapt-cell .cm-editor").first().waitFor();
}

/** Replaces a cell's source by typing into its CodeMirror editor (as a user would paste it). */
export async function typeInCell(page: Page, id: number, text: string): Promise<void> {
  await page.locator(`#cell-${id} .cm-content`).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

/** The source shown in a cell's editor. */
export function editorText(page: Page, id: number): Promise<string> {
  return page.locator(`#cell-${id} .cm-content`).evaluate((e) => [...e.querySelectorAll(".cm-line")].map((line) => line.textContent).join("\n"));
}

/** The ids of the cells in page order. */
export function cellIds(page: Page): Promise<number[]> {
  return page.$$eval(".mapt-cell", (cells) => cells.map((c) => Number((c as HTMLElement).dataset.cellId)));
}

/** The id of the selected cell (command mode). */
export function selectedId(page: Page): Promise<number> {
  return page.locator(".mapt-cell--selected").getAttribute("data-cell-id").then(Number);
}

/** The evaluation counts the editor fixture keeps on window. */
export function runs(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({...(window as unknown as {__runs: Record<string, number>}).__runs}));
}

/** Waits until a cell shows `text`. */
export async function expectCellText(page: Page, id: number, text: string): Promise<void> {
  await expect.poll(() => page.locator(`#cell-${id} .mapt-cell-output`).innerText(), {timeout: 20_000}).toBe(text);
}

/** Drops files on the page as a user dragging them from the desktop would. */
export async function dropFiles(page: Page, files: Array<{name: string; text: string; type?: string}>): Promise<void> {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, {type: f.type ?? ""}));
    const target = document.querySelector("#mapt-notebook") ?? document.body;
    target.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true, cancelable: true}));
    target.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
  }, files);
}

/** The id of the cell whose source contains `text` (waits until there is one). */
export async function cellWithSource(page: Page, text: string): Promise<number> {
  const cell = page.locator(".mapt-cell", {has: page.locator(".cm-content", {hasText: text})});
  await cell.first().waitFor();
  return Number(await cell.first().getAttribute("data-cell-id"));
}

/** Opens a new notebook kept in this browser, in Edit mode (its second cell is an empty JavaScript cell). */
export async function newNotebook(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}editor.html`);
  await page.locator("#cell-2 .cm-editor").waitFor();
}

/** Names a cell's value for other cells through its name field. */
export async function nameCell(page: Page, id: number, name: string): Promise<void> {
  const field = page.locator(`#cell-${id} .mapt-cell-name-input`);
  await field.fill(name);
  await field.press("Enter");
}

/** The newest text this browser's IndexedDB keeps for notebook `key`, as the page's own store has it. */
export function keptText(page: Page, key: string): Promise<string | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<string | undefined>((resolve) => {
        const open = indexedDB.open("mapt-drafts");
        open.onsuccess = () => {
          const get = open.result.transaction("notebooks").objectStore("notebooks").get(key);
          get.onsuccess = () => resolve(get.result?.versions.at(-1)?.text);
          get.onerror = () => resolve(undefined);
        };
        open.onerror = () => resolve(undefined);
      }),
    key
  );
}

/** The newest text this browser keeps for the draft open in `page`. */
export function keptDraftText(page: Page): Promise<string | undefined> {
  return keptText(page, `draft:${new URL(page.url()).searchParams.get("draft")}`);
}
