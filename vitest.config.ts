import {defineConfig} from "vitest/config";

// Unit tests run in Node (DuckDB through its blocking bundle). End-to-end tests also run in Node and
// drive an installed Chromium through playwright-core against a production build (tests/e2e/).
// .ci/run sets MAPT_TEST_REPORT to read the counts for its closing "N passed, N failed" line.
const report = process.env.MAPT_TEST_REPORT;

export default defineConfig({
  test: {
    env: {TZ: "UTC"},
    reporters: report ? ["default", "json"] : ["default"],
    outputFile: report ? {json: report} : undefined,
    projects: [
      {
        extends: true,
        test: {name: "unit", environment: "node", include: ["tests/**/*.test.ts"], exclude: ["tests/e2e/**"], testTimeout: 30_000, hookTimeout: 60_000}
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          globalSetup: ["tests/e2e/global-setup.ts"]
        }
      }
    ]
  }
});
