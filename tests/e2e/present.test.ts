import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {openBrowser, record} from "./browser.ts";
import {cellIds, newNotebook, openEditing, typeInCell} from "./editor.ts";

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

const fixture = () => inject("siteUrl") + inject("fixturePages")["present.html"];

/** Opens the fixture (with `query` in its address), its cells settled. */
async function open(query = ""): Promise<{page: Page; log: ReturnType<typeof record>}> {
  const page = await browser.newPage();
  const log = record(page);
  await page.goto(fixture() + query);
  await waitForSettledCells(page);
  return {page, log};
}

const counter = (page: Page) => page.locator(".mapt-present-counter");
/** The Share dialog's link with Open as slides checked, once it matches `shape`. */
async function slidesLinkOf(page: Page, shape: RegExp): Promise<string> {
  await page.getByRole("button", {name: "Share"}).click();
  const dialog = page.getByRole("dialog", {name: "Share this notebook"});
  await dialog.getByLabel("Open as slides").check();
  await expect.poll(() => dialog.locator("textarea").inputValue()).toMatch(shape);
  return dialog.locator("textarea").inputValue();
}

/** Presses P and waits for the slides. */
async function present(page: Page): Promise<void> {
  await page.keyboard.press("p");
  await counter(page).waitFor();
}
const visible = (page: Page, id: number) => page.locator(`#cell-${id}`).isVisible();
/** Which of the fixture's cells show now. */
const shownCells = async (page: Page) => {
  const shown: number[] = [];
  for (let id = 1; id <= 12; id++) if (await visible(page, id)) shown.push(id);
  return shown;
};

describe("presentation mode", () => {
  it("P presents the notebook as slides split at h1/h2 headings and --- lines; keys move between them", async () => {
    const page = await browser.newPage();
    const log = record(page);
    const scripts: Array<Promise<string>> = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.text());
    });
    await page.goto(fixture());
    await waitForSettledCells(page);
    await present(page);
    await expect.poll(() => counter(page).innerText()).toBe("1 / 6");
    // Presenting does not load the editor (CodeMirror's class names are in no script).
    expect((await Promise.all(scripts)).some((text) => text.includes("cm-scroller"))).toBe(false);
    expect(await shownCells(page)).toEqual([1]);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page).innerText()).toBe("2 / 6");
    // The note cell stays off the slide.
    expect(await shownCells(page)).toEqual([2, 3, 4]);
    await page.keyboard.press("Space");
    await expect.poll(() => counter(page).innerText()).toBe("3 / 6");
    // A --- line inside a cell splits it: the slide shows its first part only.
    expect(await page.locator("#cell-6 .mapt-cell-output").innerText()).toBe("Two parts\n\nFirst part.");
    await page.keyboard.press("PageDown");
    await expect.poll(() => counter(page).innerText()).toBe("4 / 6");
    expect(await page.locator("#cell-6 .mapt-cell-output").innerText()).toBe("Second part.");
    await page.keyboard.press("End");
    await expect.poll(() => counter(page).innerText()).toBe("6 / 6");
    expect(await shownCells(page)).toEqual([11, 12]);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => counter(page).innerText()).toBe("5 / 6");
    expect(await shownCells(page)).toEqual([9, 10]);
    await page.keyboard.press("Home");
    await expect.poll(() => counter(page).innerText()).toBe("1 / 6");
    expect(await page.locator(".mapt-present-progress").getAttribute("aria-valuenow")).toBe("1");
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("the Present button presents too; an input on a slide still updates its chart, drawn at the slide's width", async () => {
    const {page, log} = await open();
    const chartWidth = () => page.locator("#cell-4 svg").first().evaluate((svg) => svg.getBoundingClientRect().width);
    const notebookWidth = await chartWidth();
    await page.getByRole("button", {name: "Present"}).click();
    await counter(page).waitFor();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page).innerText()).toBe("2 / 6");
    await expect.poll(chartWidth).toBeGreaterThan(notebookWidth + 100);
    await page.locator("#cell-3 input[type=range]").fill("12");
    await expect.poll(() => page.locator("#cell-4 svg rect").count()).toBeGreaterThanOrEqual(12);
    expect(await page.locator("#cell-4 figure").innerText()).toContain("Bars: 12");
    expect(await counter(page).innerText()).toBe("2 / 6");
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("?present in the address opens the notebook as slides", async () => {
    const {page} = await open("?present");
    await expect.poll(() => counter(page).innerText()).toBe("1 / 6");
    expect(await page.locator("html.mapt-presenting").count()).toBe(1);
    await page.keyboard.press("Escape");
    expect(await page.locator("html.mapt-presenting").count()).toBe(0);
    // The page's own address (Playwright's page.url() learns of history.replaceState by a later event).
    expect(await page.evaluate(() => new URLSearchParams(location.search).has("present"))).toBe(false);
    await page.close();
  });

  it("Esc returns to the notebook where the reader was; after moving on, at the slide shown", async () => {
    const {page} = await open();
    await page.locator("#cell-9").evaluate((e) => e.scrollIntoView({block: "start"}));
    const place = () => page.locator("#cell-9").evaluate((e) => Math.round(e.getBoundingClientRect().top));
    const before = await place();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await present(page);
    // It starts at the slide the reader was reading.
    await expect.poll(() => counter(page).innerText()).toBe("5 / 6");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".mapt-present-counter").count()).toBe(0);
    await expect.poll(place).toBe(before);

    await present(page);
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page).innerText()).toBe("2 / 6");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".mapt-present-counter").count()).toBe(0);
    const top = await page.locator("#cell-2").evaluate((e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(120);
    await page.close();
  });

  it("Enter on a slide edits its cells; after the run the slide shows the new output, and Esc goes back to the slides", async () => {
    const {page, log} = await open();
    await present(page);
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => counter(page).innerText()).toBe("5 / 6");
    expect(await page.locator("#cell-10 .mapt-cell-output").innerText()).toBe('"The answer is 42"');
    await page.keyboard.press("Enter");
    await page.locator("#cell-10 .cm-editor.cm-focused").waitFor();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText("`The answer is ${answer + 1}`");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => page.locator("#cell-10 .mapt-cell-output").innerText()).toBe('"The answer is 43"');
    // Esc leaves the code editor (a completion list open closes first), then Esc goes back to the slides.
    const inEditor = () => page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null);
    await expect.poll(async () => (await page.keyboard.press("Escape"), inEditor())).toBe(false);
    expect(await counter(page).innerText()).toBe("5 / 6");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#cell-10 .cm-editor").isVisible()).toBe(false);
    expect(await counter(page).innerText()).toBe("5 / 6");
    expect(await page.locator("#cell-10 .mapt-cell-output").innerText()).toBe('"The answer is 43"');
    // The slide keys work again.
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page).innerText()).toBe("6 / 6");
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it("a slide taller than the screen is flagged and hints to scroll; one that fits is not", async () => {
    const {page} = await open();
    await page.keyboard.press("p");
    const flag = page.locator(".mapt-present-overflow");
    await expect.poll(() => counter(page).innerText()).toBe("1 / 6");
    expect(await flag.isVisible()).toBe(false);
    expect(await page.locator("main.mapt-slide--overflows").count()).toBe(0);
    await page.keyboard.press("End");
    await expect.poll(() => flag.isVisible()).toBe(true);
    expect(await flag.innerText()).toContain("taller than the screen");
    expect(await page.locator("main.mapt-slide--overflows").count()).toBe(1);
    expect(await page.locator(".mapt-present-scroll-hint").isVisible()).toBe(true);
    // Back in the notebook, Edit mode flags the slide's first cell for its author.
    await page.keyboard.press("Escape");
    await page.keyboard.press("e");
    await page.locator("#cell-11 .cm-editor").waitFor();
    const flagText = (id: number) => page.locator(`#cell-${id}`).evaluate((e) => getComputedStyle(e, "::before").content);
    expect(await flagText(11)).toContain("taller than the screen");
    expect(await flagText(1)).toBe("none");
    await page.close();
  });

  it("S opens the speaker notes in a second window, which follows the slides", async () => {
    const {page} = await open();
    await present(page);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page).innerText()).toBe("2 / 6");
    const [notes] = await Promise.all([page.waitForEvent("popup"), page.keyboard.press("s")]);
    await expect.poll(() => notes.locator("body").innerText()).toContain("Note: say that the chart follows the slider.");
    expect(await notes.locator("h1").innerText()).toBe("A live chart");
    expect(await visible(page, 5)).toBe(false);
    // Keys in the notes window move the slides too.
    await notes.keyboard.press("ArrowRight");
    await expect.poll(() => counter(page).innerText()).toBe("3 / 6");
    await expect.poll(() => notes.locator("body").innerText()).toContain("No notes for this slide");
    expect(await notes.locator("h1").innerText()).toBe("Two parts");
    await page.close();
  });

  it("printing a presentation puts each slide on its own page, without the notes", async () => {
    const {page} = await open();
    await present(page);
    await expect.poll(() => counter(page).innerText()).toBe("1 / 6");
    await page.emulateMedia({media: "print"});
    const breaks = await page.locator("[data-mapt-slide-start]").evaluateAll((elements) =>
      elements.filter((e) => getComputedStyle(e).breakBefore === "page").map((e) => (e.querySelector(".mapt-cell-output") ?? e).textContent?.trim().slice(0, 20))
    );
    expect(breaks).toEqual(["A live chart", "Two parts", "Second part.", "A smaller heading do", "A tall slide"]);
    expect(await shownCells(page)).toEqual([1, 2, 3, 4, 6, 8, 9, 10, 11, 12]);
    expect(await visible(page, 5)).toBe(false);
    await page.close();
  });

  it("a share link made with Open as slides opens as slides, with the link's input values on the live slide", async () => {
    const {page} = await open();
    await page.locator("#cell-3 input[type=range]").fill("9");
    const link = await slidesLinkOf(page, /present\.html\?present#state1\//);

    const other = await browser.newPage();
    const log = record(other);
    await other.goto(link);
    await expect.poll(() => counter(other).innerText()).toBe("1 / 6");
    await other.keyboard.press("ArrowRight");
    await expect.poll(() => other.locator("#cell-4 figure").innerText(), {timeout: 30_000}).toContain("Bars: 9");
    expect(log.errors).toEqual([]);
    await other.close();
    await page.close();
  });

  it("a notebook that arrives by link with ?present opens as slides before it is allowed to run", async () => {
    const page = await browser.newPage();
    await newNotebook(page, inject("siteUrl"));
    await typeInCell(page, 1, "# First\n\nOpening.\n\n## Second\n\nMore.");
    const link = await slidesLinkOf(page, /editor\.html\?present#nb1\//);

    const other = await browser.newPage();
    await other.goto(link);
    await expect.poll(() => counter(other).innerText()).toBe("1 / 2");
    expect(await other.getByRole("button", {name: "Run this notebook"}).isVisible()).toBe(true);
    expect(new URL(other.url()).searchParams.has("present")).toBe(true);
    await other.keyboard.press("End");
    await expect.poll(() => counter(other).innerText()).toBe("2 / 2");
    expect(await other.locator("#cell-1 .mapt-cell-output").innerText()).toBe("Second\n\nMore.");
    await other.close();
    await page.close();
  });

  it("in Edit mode P presents too, and the editor's keys wait while the slides show", async () => {
    const page = await browser.newPage();
    await openEditing(page, fixture());
    await page.keyboard.press("Escape");
    const before = await cellIds(page);
    await present(page);
    await expect.poll(() => counter(page).innerText()).toMatch(/^\d \/ 6$/);
    // B would add a cell in command mode; while presenting nothing happens.
    await page.keyboard.press("b");
    expect(await cellIds(page)).toEqual(before);
    expect(await page.locator("#cell-4 .cm-editor").isVisible()).toBe(false);
    await page.keyboard.press("Escape");
    await expect.poll(() => counter(page).count()).toBe(0);
    // Still in Edit mode, with the editors back.
    await expect.poll(() => page.locator("#cell-4 .cm-editor").isVisible()).toBe(true);
    await page.close();
  });
});
