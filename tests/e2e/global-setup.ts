import {mkdtempSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import type {TestProject} from "vitest/node";
import {buildSite, serveStatic} from "../../src/cli/index.ts";
import {writeDatabaseFiles} from "./database-files.ts";

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(import.meta.dirname, "fixtures");

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the production build, served by a plain static server. */
    siteUrl: string;
    /** Site-relative page of each fixture notebook, by file name. */
    fixturePages: Record<string, string>;
  }
}

// One production build for every end-to-end test: the shipped notebooks plus the fixtures.
export default async function setup(project: TestProject) {
  await writeDatabaseFiles(fixtures);
  const files = readdirSync(fixtures).filter((f) => f.endsWith(".html")).map((f) => path.join(fixtures, f));
  // A fresh cache: every build-time query and data loader of the fixtures really runs.
  const cacheDir = mkdtempSync(path.join(tmpdir(), "mapt-e2e-cache-"));
  // With result snapshots, as `npm run build` ships them (tests/e2e/snapshots.test.ts).
  const site = await buildSite(root, mkdtempSync(path.join(tmpdir(), "mapt-e2e-")), files, {cacheDir, snapshots: true});
  const server = await serveStatic(site.dir, {mounts: site.mounts});
  project.provide("siteUrl", server.url);
  project.provide("fixturePages", Object.fromEntries(files.map((f) => [path.basename(f), site.pages.get(f)!])));
  return async () => {
    await server.close();
    rmSync(cacheDir, {recursive: true, force: true});
  };
}
