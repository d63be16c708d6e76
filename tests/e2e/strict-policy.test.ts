import path from "node:path";
import type {BrowserContext, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {waitForSettledCells} from "../../src/cli/index.ts";
import {listNotebooks} from "../../src/vite/index.ts";
import {cellText, openBrowser, record} from "./browser.ts";
import {typeInCell} from "./editor.ts";

const root = path.resolve(import.meta.dirname, "../..");
let browser: BrowserContext;
beforeAll(async () => void (browser = await openBrowser()));
afterAll(async () => browser?.close());

/** Every violation of the page's policy it reports, listened to from before the page loads. */
async function listenForViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript({
    content: `window.__maptViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__maptViolations.push(e.effectiveDirective + " " + e.blockedURI), true);`
  });
  return () => page.evaluate(() => (window as unknown as {__maptViolations: string[]}).__maptViolations);
}

/** The page's policy, by directive. */
async function policyOf(page: Page): Promise<Map<string, string[]>> {
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
  return new Map(policy.split(/;\s*/).map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)] as const));
}

/**
 * What making code from a string does on the page: "ran", or the error's name. Tried from a
 * task of the page's own (a DevTools evaluation itself may make code whatever the policy).
 */
const tryEval = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        setTimeout(() => {
          const attempts: string[] = [];
          for (const attempt of [() => new Function("return 1")(), () => (0, eval)("1")]) {
            try {
              attempt();
              attempts.push("ran");
            } catch (error) {
              attempts.push((error as Error).name);
            }
          }
          resolve(attempts);
        })
      )
  );

describe("the strict Content-Security-Policy of built pages", () => {
  it("every shipped notebook's page refuses inline script and eval, and runs with every cell settled and no violation", async () => {
    const notebooks = listNotebooks(path.join(root, "notebooks"));
    expect(notebooks.length).toBeGreaterThan(0);
    for (const file of notebooks) {
      const name = path.basename(file);
      const page = await browser.newPage();
      const violations = await listenForViolations(page);
      const log = record(page);
      const response = await page.goto(`${inject("siteUrl")}notebooks/${name}`);
      const policy = await policyOf(page);
      expect(policy.get("script-src"), name).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy.get("connect-src")?.filter((source) => !["data:", "blob:"].includes(source)), name).toEqual(["'self'"]);
      expect(policy.get("default-src"), name).toEqual(["'self'"]);
      // The header a server sends (here, the test's static server) states the same policy.
      expect(response?.headers()["content-security-policy"], name).toBe(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"));
      const outcome = await waitForSettledCells(page);
      expect(outcome.failures, name).toEqual([]);
      expect(await violations(), name).toEqual([]);
      expect(log.errors, name).toEqual([]);
      await page.close();
    }
  }, 600_000);

  it("a strict page really refuses code made from strings, and reports each refusal", async () => {
    const page = await browser.newPage();
    const violations = await listenForViolations(page);
    await page.goto(`${inject("siteUrl")}notebooks/getting-started.html`);
    await waitForSettledCells(page);
    // getting-started's Arquero cell (derive with op.lag) ran without eval.
    expect(await cellText(page, 12)).toMatch(/change/);
    expect(await violations()).toEqual([]);
    expect(await tryEval(page)).toEqual(["EvalError", "EvalError"]);
    await expect.poll(violations).toContain("script-src eval");
  });

  it("Edit on a strict page moves to its editing twin with the inputs' values, and edited cells run there", async () => {
    const page = await browser.newPage();
    const violations = await listenForViolations(page);
    await page.goto(`${inject("siteUrl")}notebooks/getting-started.html`);
    await waitForSettledCells(page);
    await page.locator("#cell-3 select").selectOption({label: "Kenya"});
    // The page settled from its build's result snapshots; a new value waits for DuckDB to start.
    await expect.poll(() => page.locator("#cell-7 figure h2").first().innerText(), {timeout: 60_000}).toContain("Kenya");
    await page.getByRole("button", {name: "Edit"}).click();
    await page.waitForURL(/getting-started\.edit\.html\?edit/);
    await page.locator("#cell-5 .cm-editor").waitFor();
    // The twin's policy allows compiling; the reader's input value came along.
    expect((await policyOf(page)).get("script-src")).toContain("'unsafe-eval'");
    expect(await tryEval(page)).toEqual(["ran", "ran"]);
    expect(await page.getByLabel("Country of origin").locator("option:checked").innerText()).toBe("Kenya");
    await expect.poll(() => page.locator("#cell-7 figure h2").first().innerText(), {timeout: 60_000}).toContain("Kenya");
    // A link from the twin leads to the strict page.
    await page.getByRole("button", {name: "Share"}).click();
    await expect.poll(() => page.locator(".mapt-share-link").inputValue()).toMatch(/notebooks\/getting-started\.html#state1\//);
    await page.keyboard.press("Escape");
    await page.locator("dialog.mapt-share").waitFor({state: "hidden"});
    // An edited cell compiles and runs.
    await typeInCell(page, 10, "const rows = aq.fromArrow(refugees);\nconst peak = {year: 1234, refugees: 5678};\nconst last = {year: 4321};");
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect.poll(() => cellText(page, 9)).toContain("5,678");
    expect(await violations()).toEqual([]);
  });

  it("a page whose cells import regl (which compiles its draw commands from strings) allows it and draws; a page without stays strict", async () => {
    const page = await browser.newPage();
    const log = record(page);
    await page.goto(inject("siteUrl") + inject("fixturePages")["regl.html"]);
    expect((await policyOf(page)).get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"]);
    expect((await waitForSettledCells(page)).failures).toEqual([]);
    // The magenta the shader filled the canvas with, read back from WebGL.
    expect(await cellText(page, 2)).toBe('"255,0,255,255"');
    expect(log.errors).toEqual([]);
    await page.goto(inject("siteUrl") + inject("fixturePages")["recommended-libraries.html"]);
    expect((await policyOf(page)).get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(await tryEval(page)).toEqual(["EvalError", "EvalError"]);
    await page.close();
  });
});
