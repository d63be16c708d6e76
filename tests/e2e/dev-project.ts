import {copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {BrowserContext} from "playwright-core";
import {createServer} from "vite";
import {maptConfig} from "../../src/vite/index.ts";
import {openEditing} from "./editor.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** A dev server (`npm start`) over a temporary project. */
export interface DevProject {
  /** The project folder. */
  dir: string;
  /** The server's base URL. */
  url: string;
  /** What a page sends in the save header: the server's token from its pages' meta tag, where it gives one. */
  writeToken: string;
  /** Stops the server and removes the folder. */
  close(): Promise<void>;
}

/**
 * Starts a dev server over a temporary project with these notebooks in its `notebooks/` folder
 * (by file name; other files may sit in subfolders, such as "lib/x.js") and the real sources and
 * data linked in.
 */
export async function startDevProject(notebooks: Record<string, string>): Promise<DevProject> {
  const dir = mkdtempSync(path.join(tmpdir(), "mapt-dev-project-"));
  for (const name of ["src", "data"]) if (existsSync(path.join(root, name))) symlinkSync(path.join(root, name), path.join(dir, name), "dir");
  for (const name of ["index.html", "editor.html"]) copyFileSync(path.join(root, name), path.join(dir, name));
  mkdirSync(path.join(dir, "notebooks"));
  for (const [name, text] of Object.entries(notebooks)) {
    const file = path.join(dir, "notebooks", ...name.split("/"));
    mkdirSync(path.dirname(file), {recursive: true});
    writeFileSync(file, text);
  }
  const server = await createServer({
    // As vite.config.ts configures `npm start`, the export endpoint included.
    ...maptConfig({root: dir, exporter: async () => (await import("../../src/cli/export.ts")).exportNotebook}),
    configFile: false,
    logLevel: process.env.MAPT_DEV_LOG ? "info" : "warn",
    cacheDir: path.join(dir, ".vite"),
    server: {port: 0, host: "127.0.0.1", fs: {allow: [dir, root]}}
  });
  await server.listen();
  const url = server.resolvedUrls!.local[0]!;
  const page = Object.keys(notebooks)[0];
  const html = page === undefined ? "" : await (await fetch(new URL(`notebooks/${page}`, url))).text();
  return {
    dir,
    url,
    writeToken: /<meta name="mapt-save-token" content="([^"]+)">/.exec(html)?.[1] ?? "1",
    async close() {
      await server.close();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}

/**
 * Opens `url` in Edit mode once and closes it: Vite optimizes dependencies on first use and may
 * reload a page that finds new ones, so tests start on a warm server.
 */
export async function warmUp(browser: BrowserContext, url: string): Promise<void> {
  const page = await browser.newPage();
  await openEditing(page, url);
  await page.waitForLoadState("networkidle");
  await page.close();
}
