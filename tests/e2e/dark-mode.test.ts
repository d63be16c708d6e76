import type {BrowserContext, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellText, openBrowser, record} from "./browser.ts";
import {openEditing} from "./editor.ts";

type Rgb = [number, number, number];

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** Opens a fixture with the system's colour scheme set to `scheme`, once every cell has settled. */
async function open(fixture: string, scheme: "light" | "dark"): Promise<Page> {
  const page = await browser.newPage();
  const log = record(page);
  await page.emulateMedia({colorScheme: scheme});
  await page.goto(inject("siteUrl") + inject("fixturePages")[fixture]);
  await waitForSettledCells(page);
  // The table widget and the chart draw after their cells settle.
  await page.locator("#cell-2 table td").first().waitFor();
  await page.locator("#cell-3 svg text").first().waitFor();
  expect(log.errors).toEqual([]);
  return page;
}

/**
 * The text colour of the first element matching `selector` (`fill` for SVG text) and the colour
 * behind it: its own and its ancestors' backgrounds composited from the page up, as the screen shows them.
 */
async function colorsOf(page: Page, selector: string): Promise<{fg: Rgb; bg: Rgb}> {
  return colorsAt(page.locator(selector).first());
}

async function colorsAt(locator: Locator): Promise<{fg: Rgb; bg: Rgb}> {
  return locator.evaluate((element) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const numbers = (value.match(/[\d.]+(e[+-]?\d+)?/g) ?? []).map(Number);
      if (value.startsWith("color(srgb")) return [numbers[0]! * 255, numbers[1]! * 255, numbers[2]! * 255, numbers[3] ?? 1];
      return [numbers[0]!, numbers[1]!, numbers[2]!, numbers[3] ?? 1];
    };
    const over = (top: Rgba, below: [number, number, number]): [number, number, number] => [0, 1, 2].map((i) => top[i]! * top[3] + below[i]! * (1 - top[3])) as [number, number, number];
    const layers: Rgba[] = [];
    for (let e: Element | null = element; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
    // The canvas under the page is white unless the root's or body's background paints it.
    let bg: [number, number, number] = [255, 255, 255];
    for (const layer of layers.reverse()) bg = over(layer, bg);
    const style = getComputedStyle(element);
    const fg = parse(element instanceof SVGElement ? style.fill : style.color);
    return {fg: over(fg, bg), bg};
  });
}

/** WCAG 2 contrast ratio. */
function contrast(a: Rgb, b: Rgb): number {
  const luminance = (rgb: Rgb) => {
    const [r, g, b] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const isDarkColor = (rgb: Rgb) => rgb.reduce((sum, c) => sum + c, 0) / 3 < 100;

/** What must read at 4.5:1: body text, a table's cells, pinned code and the chart's axis labels. */
const readable = {
  "body text": "#cell-1 p",
  "table text": "#cell-2 table tbody td:nth-child(3)",
  "table header": "#cell-2 table thead th:nth-child(3)",
  code: "#cell-2 .mapt-cell-source code",
  "chart axis text": '#cell-3 svg g[aria-label="x-axis tick label"] text'
};

/** Expects every element `locator` matches to read at 4.5:1. */
async function expectAllReadable(locator: Locator, label: string): Promise<void> {
  const count = await locator.count();
  expect(count, label).toBeGreaterThan(0);
  for (let i = 0; i < count; ++i) {
    const {fg, bg} = await colorsAt(locator.nth(i));
    expect(contrast(fg, bg), `${label} #${i}: rgb(${fg.map(Math.round)}) on rgb(${bg.map(Math.round)})`).toBeGreaterThanOrEqual(4.5);
  }
}

async function expectReadable(page: Page, label: string): Promise<void> {
  for (const [part, selector] of Object.entries(readable)) {
    const {fg, bg} = await colorsOf(page, selector);
    expect(contrast(fg, bg), `${label}: ${part} rgb(${fg.map(Math.round)}) on rgb(${bg.map(Math.round)})`).toBeGreaterThanOrEqual(4.5);
  }
}

const colours = (page: Page) => page.getByRole("combobox", {name: "Colours", exact: true});
const pageIsDark = async (page: Page) => isDarkColor((await colorsOf(page, "#cell-1 p")).bg);

describe("dark mode", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`a notebook without a theme follows the system's ${scheme} setting, and its text, tables, code and charts read at 4.5:1`, async () => {
      const page = await open("colors.html", scheme);
      expect(await pageIsDark(page)).toBe(scheme === "dark");
      expect(await cellText(page, 4)).toBe(`dark is ${scheme === "dark"}`);
      await expectReadable(page, `no theme, system ${scheme}`);
      await page.close();
    });

    it(`theme="light-dark(air, midnight)" follows the system's ${scheme} setting and reads at 4.5:1`, async () => {
      const page = await open("colors-light-dark.html", scheme);
      expect(await pageIsDark(page)).toBe(scheme === "dark");
      expect(await cellText(page, 4)).toBe(`dark is ${scheme === "dark"}`);
      await expectReadable(page, `light-dark, system ${scheme}`);
      await page.close();
    });
  }

  it('theme="midnight" is dark and theme="air" light whatever the system says, both readable', async () => {
    const midnight = await open("colors-midnight.html", "light");
    expect(await pageIsDark(midnight)).toBe(true);
    expect(await cellText(midnight, 4)).toBe("dark is true");
    await expectReadable(midnight, "midnight, system light");
    await midnight.close();
    const air = await open("colors-air.html", "dark");
    expect(await pageIsDark(air)).toBe(false);
    expect(await cellText(air, 4)).toBe("dark is false");
    await expectReadable(air, "air, system dark");
    await air.close();
  });

  it("the Colours switch turns a page dark, dark follows it, the choice outlives a reload, and Auto gives the system's back", async () => {
    const page = await open("colors.html", "light");
    await colours(page).selectOption("dark");
    await expect.poll(() => cellText(page, 4)).toBe("dark is true");
    expect(await pageIsDark(page)).toBe(true);
    await expectReadable(page, "switched to dark");

    await page.reload();
    await waitForSettledCells(page);
    expect(await colours(page).inputValue()).toBe("dark");
    await expect.poll(() => cellText(page, 4)).toBe("dark is true");
    expect(await pageIsDark(page)).toBe(true);

    await colours(page).selectOption("auto");
    await expect.poll(() => cellText(page, 4)).toBe("dark is false");
    expect(await pageIsDark(page)).toBe(false);
    await page.close();
  });

  for (const scheme of ["light", "dark"] as const) {
    it(`Edit mode's code and the data panel read at 4.5:1 with the system ${scheme}`, async () => {
      const page = await browser.newPage();
      await page.emulateMedia({colorScheme: scheme});
      await openEditing(page, inject("siteUrl") + inject("fixturePages")["colors.html"]);
      await expectAllReadable(page.locator("#cell-3 .cm-content .cm-line span"), `${scheme}: code in the editor`);
      await page.keyboard.press("Escape");
      await page.keyboard.press("t");
      const panel = page.getByRole("complementary", {name: "Data"});
      await panel.locator(".mapt-catalog-description").first().waitFor();
      for (const part of [".mapt-catalog-description", ".mapt-catalog-flag", ".mapt-catalog-hint"]) {
        await expectAllReadable(panel.locator(part).first(), `${scheme}: data panel ${part}`);
      }
      await page.close();
    });
  }
});
