import {defineConfig} from "vitest/config";

// Unit tests run in Node (DuckDB through its blocking bundle). End-to-end tests also run in Node and
// drive an installed Chromium through playwright-core against a production build (tests/e2e/).
export default defineConfig({
  test: {
    env: {TZ: "UTC"},
    projects: [
      {
        extends: true,
        test: {name: "unit", environment: "node", include: ["tests/**/*.test.ts"], exclude: ["tests/e2e/**"], testTimeout: 30_000}
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
