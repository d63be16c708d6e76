import {execFileSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {DATA_DIR, REPO_ROOT, SHARED_DATA_EXISTS, SHARED_DIR} from "./data-tables.ts";

// .ci/run sets MAPT_REQUIRE_SHARED=1 when ../shared/data exists: then this test never skips.
const required = process.env.MAPT_REQUIRE_SHARED === "1";
const reason = SHARED_DATA_EXISTS || required ? "" : ` (skipped: shared source data not found at ${SHARED_DIR})`;
if (!SHARED_DATA_EXISTS && !required) console.warn(`data-curation: ${SHARED_DIR} is absent, so the regeneration test is skipped.`);

describe("npm run data", () => {
  it.skipIf(!SHARED_DATA_EXISTS && !required)(`regenerates data/ byte for byte from the shared sources${reason}`, () => {
    expect(SHARED_DATA_EXISTS, `MAPT_REQUIRE_SHARED=1 but the shared source data are not at ${path.join(SHARED_DIR, "data")}`).toBe(true);
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
