import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {cellStatus, cellText, openBrowser, record} from "./browser.ts";

// npm packages that published Notebook Kit notebooks import (tests/e2e/fixtures/npm-packages.html):
// each loads the copy the app bundles, with no request leaving the site.
let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

describe("bundled npm packages", () => {
  let page: Page;
  let log: ReturnType<typeof record>;
  beforeAll(async () => {
    page = await browser.newPage();
    log = record(page);
    await page.goto(inject("siteUrl") + inject("fixturePages")["npm-packages.html"]);
    await waitForSettledCells(page);
  });

  it("d3-sankey lays out flows, versor composes rotations, d3-hexbin bins points", async () => {
    expect(await cellText(page, 2)).toBe('"alert@0 review@1 response@2"');
    expect(await cellText(page, 3)).toBe('"0,0,0"');
    expect(await cellText(page, 4)).toBe("2");
  });

  it("require merges d3-geo with d3-geo-projection's projections", async () => {
    expect(await cellText(page, 5)).toBe('"function function"');
  });

  it("suncalc, regl, earcut and the inspector load", async () => {
    expect(await cellText(page, 6)).toBe('"function function 6 function"');
  });

  it("packages published notebooks often import load: statistics, 3D, vectors, random, noise, colour, CSV, triangulation, dates", async () => {
    expect(await cellText(page, 8)).toBe('"2.5 5 10 number function #ff0000 2 3 2011"');
  });

  it("ndarray, simplify-js, he, icosphere and wgsl_reflect load", async () => {
    expect(await cellText(page, 9)).toBe('"2x3 2 & 20 1"');
  });

  it("nurbs evaluates a curve (its evaluators compiled, the page allowing it), and regl-gpu-lines loads", async () => {
    expect(await cellText(page, 10)).toBe('"2 function"');
  });

  it("numeric adds arrays and ndarray-fft transforms (both compiling their loops, the page allowing it), matter-js and toxiclibsjs load through import(), sprintf-js formats, and no Node global stays on the page", async () => {
    expect(await cellText(page, 11)).toBe('"31,42 2,2,2,2 20 10 003.1 false"');
  });

  it("a jsDelivr address of a bundled package loads the bundled copy, and nothing leaves the site", async () => {
    expect(await page.locator("#cell-7 em").textContent()).toBe("from the bundled copy");
    for (const id of [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) expect([id, await cellStatus(page, id)]).toEqual([id, "fulfilled"]);
    expect(log.errors).toEqual([]);
    expect(log.requests.filter((url) => !url.startsWith(inject("siteUrl")) && !/^(blob|data):/.test(url))).toEqual([]);
  });
});
