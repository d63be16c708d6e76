import {execFileSync} from "node:child_process";
import {mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {chromium, type BrowserContext, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {chromiumArgs, findChromium} from "../../src/cli/index.ts";
import {openBrowser, record} from "./browser.ts";
import {editorText, keptText, newNotebook, typeInCell} from "./editor.ts";

const site = () => inject("siteUrl");

const draftKey = (page: Page) => `draft:${new URL(page.url()).searchParams.get("draft")}`;

describe("two pages on one notebook kept in this browser", () => {
  let browser: BrowserContext;
  beforeAll(async () => void (browser = await openBrowser()));
  afterAll(async () => browser?.close());

  it("a page follows the other's edits, and edits made in both at once show both versions, each kept in History", async () => {
    const a = await browser.newPage();
    const errors = record(a).errors;
    await newNotebook(a, site());
    const b = await browser.newPage();
    await b.goto(`${a.url()}&edit`);
    await b.locator("#cell-2 .cm-editor").waitFor();

    await typeInCell(a, 2, "const x = 1;");
    await expect.poll(() => editorText(b, 2), {timeout: 15_000}).toBe("const x = 1;");
    await expect.poll(() => b.locator(".mapt-other-editors").innerText()).toMatch(/another tab/);

    // Both edit before either has heard of the other's edit.
    await typeInCell(a, 2, "const x = 'from a';");
    await typeInCell(b, 2, "const x = 'from b';");
    const dialog = b.locator(".mapt-conflict");
    await dialog.waitFor({timeout: 15_000});
    expect(await dialog.locator('[data-version="mine"] pre').innerText()).toContain("'from b'");
    expect(await dialog.locator('[data-version="disk"] pre').innerText()).toContain("'from a'");
    await dialog.getByRole("button", {name: "Keep mine"}).click();
    await expect.poll(() => keptText(b, draftKey(b))).toContain("'from b'");

    // Page A meets B's version: whatever it chooses, both stay in History.
    const other = a.locator(".mapt-conflict");
    await other.waitFor({timeout: 15_000});
    await other.getByRole("button", {name: "Take the other version"}).click();
    await expect.poll(() => editorText(a, 2)).toBe("const x = 'from b';");
    await a.getByRole("button", {name: "History"}).click();
    const history = a.getByRole("dialog", {name: "Versions of this notebook"});
    await history.waitFor();
    const versions = await history.locator("pre").allTextContents();
    expect(versions.some((v) => v.includes("'from a'"))).toBe(true);
    expect(versions.some((v) => v.includes("'from b'"))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe("a browser killed in the middle of typing", () => {
  it("loses nothing that was kept: after SIGKILL and a restart the notebook has the typed text", async () => {
    const profile = mkdtempSync(path.join(tmpdir(), "mapt-killed-"));
    const launch = () => chromium.launchPersistentContext(profile, {executablePath: findChromium(), headless: true, args: chromiumArgs});
    const first = await launch();
    const page = await first.newPage();
    await newNotebook(page, site());
    const key = draftKey(page);
    const url = page.url();
    await typeInCell(page, 2, "const typed = 'before the crash';");
    await expect.poll(() => keptText(page, key), {timeout: 10_000}).toContain("before the crash");
    // Every process of this browser, killed at once: no unload, no pagehide, no clean shutdown.
    for (const pid of execFileSync("pgrep", ["-f", profile]).toString().trim().split("\n")) {
      try {
        process.kill(Number(pid), "SIGKILL");
      } catch {
        // Already gone with its parent.
      }
    }
    await first.close().catch(() => {});

    const second = await launch();
    try {
      const again = await second.newPage();
      await again.goto(url);
      await expect.poll(() => again.locator("#cell-2 .mapt-cell-source, #cell-2 .cm-content").first().innerText(), {timeout: 30_000}).toContain("before the crash");
    } finally {
      await second.close();
    }
  });
});
