import {execFileSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {DATA_DIR, REPO_ROOT, SHARED_DATA_EXISTS, SHARED_DIR} from "./data-tables.ts";

const reason = SHARED_DATA_EXISTS ? "" : ` (skipped: shared source data not found at ${SHARED_DIR})`;
if (!SHARED_DATA_EXISTS) console.warn(`data-curation: ${SHARED_DIR} is absent, so the regeneration test is skipped.`);

describe("npm run data", () => {
  it.skipIf(!SHARED_DATA_EXISTS)(`regenerates data/ byte for byte from the shared sources${reason}`, () => {
    const out = mkdtempSync(path.join(tmpdir(), "mapt-data-"));
    try {
      execFileSync(process.execPath, [path.join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/curate/index.ts", "--out", out],
        {cwd: REPO_ROOT, env: {...process.env, MAPT_SHARED_DIR: SHARED_DIR}, stdio: "pipe"});
      const fresh = readdirSync(out).sort();
      expect(readdirSync(DATA_DIR).sort()).toEqual(fresh);
      for (const file of fresh) {
        expect(readFileSync(path.join(DATA_DIR, file), "utf8"), `data/${file} differs from a fresh regeneration: run npm run data`)
          .toBe(readFileSync(path.join(out, file), "utf8"));
      }
    } finally {
      rmSync(out, {recursive: true, force: true});
    }
  }, 120_000);
});
