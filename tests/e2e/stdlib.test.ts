import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";

// The standard library in a real browser: tests/e2e/fixtures/stdlib.html, themed light-dark(glacier, slate).

let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

async function open(colorScheme: "light" | "dark" = "light"): Promise<{page: Page; errors: string[]; requests: string[]}> {
  const page = await browser.newPage();
  await page.emulateMedia({colorScheme});
  const log = record(page);
  await page.goto(inject("siteUrl") + inject("fixturePages")["stdlib.html"]);
  await waitForSettledCells(page);
  return {page, errors: log.errors, requests: log.requests};
}

describe("the standard library in Chromium", () => {
  let page: Page;
  let errors: string[];
  let requests: string[];
  beforeAll(async () => void ({page, errors, requests} = await open()));

  it("every cell of the fixture settles without an error, and no request leaves the origin", async () => {
    const ids = await page.locator(".mapt-cell").evaluateAll((cells) => cells.map((c) => Number(c.id.replace("cell-", ""))));
    expect(ids.length).toBe(18);
    for (const id of ids) expect([id, await cellStatus(page, id)]).toEqual([id, "fulfilled"]);
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(inject("siteUrl")) && !/^(blob|data):/.test(url))).toEqual([]);
  });

  it("DOM helpers build SVG with unique ids and high-density canvases; Promises and require resolve", async () => {
    expect(await page.locator("#cell-2 svg rect").getAttribute("clip-path")).toMatch(/^url\(http.*#O-clip-\d+\)$/);
    expect(await cellText(page, 3)).toBe("200");
    expect(await cellText(page, 4)).toBe('"waited"');
    expect(await cellText(page, 14)).toBe("6");
    expect(await cellText(page, 6)).toBe('"North"');
  });

  it("dot cells and the mermaid tag draw diagrams as SVG", async () => {
    expect(await page.locator("#cell-7 svg g.node text").allTextContents()).toEqual(["Early warning", "Response"]);
    expect(await page.locator("#cell-7 svg g.edge text").textContent()).toBe("referral");
    await expect.poll(() => page.locator("#cell-8 svg .node").count()).toBe(2);
    expect(await page.locator("#cell-8 svg").textContent()).toMatch(/Early warning[\s\S]*Response/);
  });

  it("FileAttachment reads an .xlsx workbook, a zip archive's entries and a PNG image", async () => {
    expect(await cellText(page, 10)).toBe('"Counts,Notes: North 10, South 20"');
    expect(await cellText(page, 12)).toBe('"counts.csv,readme.txt: 10+20"');
    const image = page.locator("#cell-13 img");
    expect(await image.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.width, img.alt])).toEqual([true, 4, 40, "swatch"]);
  });

  it("a file chosen in Inputs.file reads as a FileAttachment in the cells that view it", async () => {
    expect(await cellText(page, 17)).toBe('"no file"');
    await page.locator("#cell-16 input[type=file]").setInputFiles({name: "mine.csv", mimeType: "text/csv", buffer: Buffer.from("region,count\nEast,3\nWest,4\n")});
    await expect.poll(() => cellText(page, 17)).toBe('"mine.csv: 3+4"');
  });

  it("DOM.download saves the file under its name", async () => {
    const download = page.waitForEvent("download");
    await page.locator("#cell-18 button").click();
    expect((await download).suggestedFilename()).toBe("counts.csv");
  });
});

describe("themes in Chromium", () => {
  /** The page's background and the colour light-dark(green, magenta) gives. */
  async function colours(page: Page): Promise<{background: string; shade: string; scheme: string}> {
    return page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      shade: getComputedStyle(document.querySelector("#cell-15 .shade")!).color,
      scheme: getComputedStyle(document.body).colorScheme
    }));
  }

  it("theme=\"light-dark(glacier, slate)\" shows glacier to a reader preferring light, and dark is false", async () => {
    const {page} = await open("light");
    expect(await colours(page)).toEqual({background: "rgb(244, 250, 255)", shade: "rgb(0, 128, 0)", scheme: "light"});
    expect(await cellText(page, 5)).toBe("false");
  });

  it("the same page turns slate, and dark true, when the reader switches to dark", async () => {
    const {page} = await open("light");
    await page.emulateMedia({colorScheme: "dark"});
    await expect.poll(() => cellText(page, 5)).toBe("true");
    const {background, shade, scheme} = await colours(page);
    expect([shade, scheme]).toEqual(["rgb(255, 0, 255)", "dark"]);
    expect(background).not.toBe("rgb(244, 250, 255)");
    expect(await page.locator("#cell-7 svg g.node text").first().evaluate((t) => getComputedStyle(t).fill)).toBe(
      await page.evaluate(() => getComputedStyle(document.body).color)
    );
  });
});
