import type {BrowserContext} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cellStatus, cellText, openBrowser, openFixture} from "./browser.ts";
import {typeInCell} from "./editor.ts";

// Observable Inputs on built pages, which get only the inputs their cells name
// (src/vite/inputs-members.ts): tests/e2e/fixtures/inputs-members.html names select and table.

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** A message only the code of Inputs' button holds. */
const buttonText = "reduce is not a function";

const open = (fixture: string) => openFixture(browser, fixture);

describe("Observable Inputs on a built page", () => {
  it("a page that names Inputs.select and Inputs.table shows both, styled, without downloading the other inputs", async () => {
    const {page, scripts} = await open("inputs-members.html");
    for (const id of [1, 2, 3]) expect([id, await cellStatus(page, id)]).toEqual([id, "fulfilled"]);
    expect(await cellText(page, 3)).toBe('"chosen: pear"');
    await page.locator("#cell-1 select").selectOption("apple");
    await expect.poll(() => cellText(page, 3)).toBe('"chosen: apple"');
    expect(await page.locator("#cell-2 table tbody tr").count()).toBe(2);
    // The input's class is the one Inputs' stylesheet styles (its modules name it `__ns__`).
    const styled = await page.locator("#cell-1 form").evaluate((form) => {
      const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => (rule as CSSStyleRule).selectorText ?? ""));
      return [...form.classList].some((name) => rules.some((selector) => selector.includes(`.${name}`)));
    });
    expect(styled).toBe(true);
    expect(scripts.some((text) => text.includes(buttonText))).toBe(false);
    await page.close();
  });

  it("Edit mode on such a page can use an input no cell named", async () => {
    const {page} = await open("inputs-members.html");
    await page.getByRole("button", {name: "Edit"}).click();
    await page.waitForURL(/inputs-members\.edit\.html\?edit/);
    await page.locator("#cell-4 .cm-editor").waitFor();
    await typeInCell(page, 4, 'Inputs.button("Count", {value: 0}).value');
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => cellText(page, 4), {timeout: 60_000}).toBe("0");
    // The cells that ran before keep their inputs: the table still records its data.
    expect(await page.locator("#cell-2 table tbody tr").count()).toBe(2);
    await page.close();
  });
});
